#!/usr/bin/env bash
# OCR cost and cell accuracy, both sides using every core: the full nianbao pipeline (its default
# --jobs, one child process per core) against the native tesseract CLI (Debian tesseract-ocr +
# chi-sim, --psm 4, OMP_THREAD_LIMIT=1: its best settings here) reading the same page images whole,
# one process per core (xargs -P). The measure is CPU seconds per page (user + system, every
# process of each side): wall time on a shared machine says more about the neighbours than about
# the reader. Native tesseract's text is then fed to nianbao's text reader, so both sides get the
# same table reconstruction and scoring.
#
# Usage: npm run build && bash bench/ocr.sh [scan PDFs…]   (default: every PDF in test/fixtures/scans)
# Needs: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils time bc
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tesseract >/dev/null || { echo "install tesseract-ocr tesseract-ocr-chi-sim" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "install time (GNU /usr/bin/time)" >&2; exit 2; }
[ -f dist/cli.js ] || npm run build --silent
PDFS=("$@")
[ ${#PDFS[@]} -gt 0 ] || mapfile -t PDFS < <(ls test/fixtures/scans/*.pdf)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/pages" "$WORK/native"

for pdf in "${PDFS[@]}"; do
  pdfimages -j "$pdf" "$WORK/pages/$(basename "$pdf" .pdf)"
done
pages=$(ls "$WORK/pages" | wc -l)
cores=$(nproc)
echo "${#PDFS[@]} scanned PDFs, $pages pages, $cores cores"

# Peak resident memory (MiB) of the largest process among the /usr/bin/time -v reports given.
peak() { cat "$@" | awk '/Maximum resident/ {if ($6 > m) m = $6} END {printf "%d", m / 1024}'; }
# CPU seconds (user + system) of the runs whose /usr/bin/time -v reports are given; a report
# counts its process and every child it waited for.
cpu() { cat "$@" | awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}'; }
now() { date +%s.%N; }

# Native CLI: one single-threaded process per page, one per core at a time. Each page's report
# goes to $WORK/native (CPU adds up over them; the peak is the largest single process).
start=$(now)
ls "$WORK"/pages/* | xargs -P "$cores" -I{} sh -c 'page="$1"; base=$(basename "$page"); base=${base%.*}
  OMP_THREAD_LIMIT=1 /usr/bin/time -v -o "$2/$base.time" tesseract "$page" "$2/$base" -l chi_sim --psm 4 >/dev/null 2>&1' _ {} "$WORK/native"
native_s=$(echo "$(now) - $start" | bc)
native_mb=$(peak "$WORK"/native/*.time)
native_cpu=$(cpu "$WORK"/native/*.time)

# nianbao, the whole pipeline (decode, deskew, grid, cell OCR, reconstruction, checks, outputs) at
# its default --jobs (one child process per core, each with its OCR workers). /usr/bin/time counts
# the batch and every child process it waited for; the peak is its largest process.
start=$(now)
/usr/bin/time -v -o "$WORK/nianbao.time" node dist/cli.js extract "${PDFS[@]}" --out "$WORK/out" -q >/dev/null 2>&1 || true
ours_s=$(echo "$(now) - $start" | bc)
ours_mb=$(peak "$WORK/nianbao.time")
ours_cpu=$(cpu "$WORK/nianbao.time")

# Native text per report (pages in order) through nianbao's text reader, for the same scoring.
mkdir -p "$WORK/native-reports"
for pdf in "${PDFS[@]}"; do
  name=$(basename "$pdf" .pdf)
  cat "$WORK"/native/"$name"-*.txt > "$WORK/native-reports/$name.txt"
done
node dist/cli.js extract "$WORK/native-reports" --out "$WORK/native-out" -q >/dev/null 2>&1 || true

node bench/ocr-score.mjs "$WORK/out" "$WORK/native-out" "${PDFS[@]}"
awk -v p="$pages" -v j="$cores" -v ns="$native_s" -v nm="$native_mb" -v nc="$native_cpu" -v os="$ours_s" -v om="$ours_mb" -v oc="$ours_cpu" 'BEGIN {
  printf "native tesseract --psm 4 (xargs -P %d): CPU %.1f s, %.2f CPU s/page, %.2f pages per CPU s; wall %.1f s; peak %d MiB per process\n", j, nc, nc / p, p / nc, ns, nm
  printf "nianbao (default --jobs):             CPU %.1f s, %.2f CPU s/page, %.2f pages per CPU s; wall %.1f s; peak %d MiB per process\n", oc, oc / p, p / oc, os, om
  printf "all-cores CPU ratio (pages per CPU s, nianbao / native): %.2f (above 1: nianbao reads more pages per CPU second)\n", nc / oc
}'
