#!/usr/bin/env bash
# bench/batch: 2,000 reports of mixed formats (generated text, Markdown and HTML in six layouts,
# plus the committed PDF and DOCX fixtures). Prints reports/s with --jobs 1 and --jobs 2, peak
# memory (max RSS of the process tree) for 500 vs 2,000 files, and the time of a second
# --incremental run with nothing new as a ratio of the first. Usage: bash bench/batch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
npm run build >/dev/null
work="$(mktemp -d)"
office=$(( n / 10 > 100 ? 100 : n / 10 ))  # the committed fixtures hold 100 of each
node dist/cli.js generate --count $(( n - 2 * office )) --seed 5 --out "$work/in" >/dev/null
i=0
for f in test/fixtures/office/pdf/*.pdf test/fixtures/office/docx/*.docx; do
  [ $i -ge $(( 2 * office )) ] && break
  cp "$f" "$work/in/$(printf 'office-%04d' $i)-$(basename "$f")"
  i=$((i + 1))
done
mkdir -p "$work/small"
ls "$work/in" | awk 'NR % 4 == 0' | head -$(( n / 4 )) | while read -r f; do cp "$work/in/$f" "$work/small/"; done
count=$(ls "$work/in" | wc -l); small=$(ls "$work/small" | wc -l)

run() { # label, out, args...
  local label=$1 out=$2; shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/$label.mem" node dist/cli.js extract "$@" --out "$out" --quiet > "$work/$label.txt"
  end=$(date +%s.%N)
  echo "$end - $start" | bc > "$work/$label.sec"
}
run jobs1 "$work/out1" "$work/in" --jobs 1
run jobs2 "$work/out2" "$work/in" --jobs 2
run small "$work/out3" "$work/small" --jobs 2
run again "$work/out2" "$work/in" --jobs 2 --incremental

sec() { cat "$work/$1.sec"; }
mib() { echo "scale=1; $(cat "$work/$1.mem") / 1024" | bc; }
echo "inputs: $count files ($(( count - 2 * office )) generated text/Markdown/HTML, $office PDF, $office DOCX); subset $small"
echo "summary: $(cat "$work/jobs2.txt")"
printf -- '--jobs 1: %6.2f s  %6.1f reports/s  peak RSS %s MiB\n' "$(sec jobs1)" "$(echo "$count / $(sec jobs1)" | bc -l)" "$(mib jobs1)"
printf -- '--jobs 2: %6.2f s  %6.1f reports/s  peak RSS %s MiB  (speed-up %.2fx)\n' "$(sec jobs2)" "$(echo "$count / $(sec jobs2)" | bc -l)" "$(mib jobs2)" "$(echo "$(sec jobs1) / $(sec jobs2)" | bc -l)"
printf -- 'peak RSS, --jobs 2: %s files %s MiB, %s files %s MiB\n' "$small" "$(mib small)" "$count" "$(mib jobs2)"
printf -- 'second --incremental run, nothing new: %.2f s = %.3f of the first run (%s)\n' "$(sec again)" "$(echo "$(sec again) / $(sec jobs2)" | bc -l)" "$(cat "$work/again.txt")"
cmp -s "$work/out1/reports.jsonl" "$work/out2/reports.jsonl" && echo "jobs 1 and jobs 2 (then incremental) give identical reports.jsonl" || echo "WARNING: reports.jsonl differ between runs"
rm -rf "$work"
