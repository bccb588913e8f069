#!/usr/bin/env bash
# OCR speed, memory and cell accuracy: the full nianbao pipeline on scanned PDFs against the
# native tesseract CLI (Debian tesseract-ocr + chi-sim, --psm 4, OMP_THREAD_LIMIT=1: its best
# settings here) reading the same page images whole, in the same run. Native tesseract's text is
# then fed to nianbao's text reader, so both get the same table reconstruction and scoring.
#
# Usage: npm run build && bash bench/ocr.sh [scan PDFs…]   (default: every PDF in test/fixtures/scans)
# Needs: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils time
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tesseract >/dev/null || { echo "install tesseract-ocr tesseract-ocr-chi-sim" >&2; exit 2; }
[ -f dist/cli.js ] || npm run build --silent
PDFS=("$@")
[ ${#PDFS[@]} -gt 0 ] || mapfile -t PDFS < <(ls test/fixtures/scans/*.pdf)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/pages" "$WORK/native"

pages=0
for pdf in "${PDFS[@]}"; do
  name=$(basename "$pdf" .pdf)
  pdfimages -j "$pdf" "$WORK/pages/$name"
done
pages=$(ls "$WORK/pages" | wc -l)
echo "${#PDFS[@]} scanned PDFs, $pages pages"

peak() { grep 'Maximum resident' "$1" | awk '{print int($6/1024)}'; }
# CPU seconds (user + system) of the runs whose /usr/bin/time -v reports are given.
cpu() { cat "$@" | awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}'; }

# Native CLI, one page at a time (what a batch script would do), single-threaded as recommended.
# Seconds it takes over every page; its reports go to $WORK/native.
native_pass() {
  local start page base
  start=$(date +%s.%N)
  for page in "$WORK"/pages/*; do
    base=$(basename "$page"); base=${base%.*}
    OMP_THREAD_LIMIT=1 /usr/bin/time -v -o "$WORK/native/$base.time" tesseract "$page" "$WORK/native/$base" -l chi_sim --psm 4 >/dev/null 2>&1
  done
  echo "$(date +%s.%N) - $start" | bc
}
# The machine's speed drifts over minutes: native runs before and after nianbao's runs, and the
# ratio uses their mean.
native_before=$(native_pass)
native_mb=$(for f in "$WORK"/native/*.time; do peak "$f"; done | sort -n | tail -1)
native_cpu=$(cpu "$WORK"/native/*.time)

# nianbao, the whole pipeline (decode, deskew, grid, cell OCR, reconstruction, checks, outputs): one job
# (one batch thread: its three OCR workers and the page work share the cores), then the default
# (--jobs = number of cores: a batch thread, and its OCR workers, per core).
start=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/nianbao.time" node dist/cli.js extract "${PDFS[@]}" --out "$WORK/out" --jobs 1 -q >/dev/null 2>&1 || true
ours_s=$(echo "$(date +%s.%N) - $start" | bc)
ours_mb=$(peak "$WORK/nianbao.time")
ours_cpu=$(cpu "$WORK/nianbao.time")
cores=$(node -p 'require("node:os").availableParallelism()')
start=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/nianbao-default.time" node dist/cli.js extract "${PDFS[@]}" --out "$WORK/out-default" -q >/dev/null 2>&1 || true
default_s=$(echo "$(date +%s.%N) - $start" | bc)
default_mb=$(peak "$WORK/nianbao-default.time")
default_cpu=$(cpu "$WORK/nianbao-default.time")
native_after=$(native_pass)
native_s=$(echo "($native_before + $native_after) / 2" | bc -l)

# Native text per report (pages in order) through nianbao's text reader, for the same scoring.
mkdir -p "$WORK/native-reports"
for pdf in "${PDFS[@]}"; do
  name=$(basename "$pdf" .pdf)
  cat "$WORK"/native/"$name"-*.txt > "$WORK/native-reports/$name.txt"
done
node dist/cli.js extract "$WORK/native-reports" --out "$WORK/native-out" --jobs 1 -q >/dev/null 2>&1 || true

node bench/ocr-score.mjs "$WORK/out" "$WORK/native-out" "${PDFS[@]}"
awk -v p="$pages" -v n="$native_s" -v o="$ours_s" -v nm="$native_mb" -v om="$ours_mb" -v nc="$native_cpu" -v oc="$ours_cpu" \
  -v d="$default_s" -v dm="$default_mb" -v dc="$default_cpu" -v j="$cores" -v nb="$native_before" -v na="$native_after" 'BEGIN {
  printf "native tesseract --psm 4: %.1f s (%.1f s before nianbao, %.1f s after), %.2f pages/min, peak %d MiB, CPU %.1f s\n", n, nb, na, p * 60 / n, nm, nc
  printf "nianbao --jobs 1:         %.1f s, %.2f pages/min, peak %d MiB, CPU %.1f s (all its threads)\n", o, p * 60 / o, om, oc
  printf "nianbao default (--jobs %d): %.1f s, %.2f pages/min, peak %d MiB, CPU %.1f s\n", j, d, p * 60 / d, dm, dc
  printf "speed ratio nianbao/native: %.2f with --jobs 1, %.2f by default (above 1 = faster)\n", n / o, n / d
}'
