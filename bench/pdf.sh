#!/usr/bin/env bash
# bench/pdf: the whole nianbao pipeline (tables, checks, CSVs) over N generated PDFs, against
# poppler's `pdftotext -layout` over the same files, in the same run. Prints wall time, the ratio,
# and peak memory (max RSS) of each. Usage: bash bench/pdf.sh [N] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
jobs="${2:-$(nproc)}"
for tool in soffice pdftotext /usr/bin/time; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils poppler-data fonts-wqy-zenhei fonts-arphic-uming time >/dev/null; break; }
done
npm run build >/dev/null
work="$(mktemp -d)"
node scripts/make-office-fixtures.mjs "$n" 71 "$work/html" "$work/specs.json" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf:writer_web_pdf_Export --outdir "$work/pdf" "$work"/html/*.html >/dev/null 2>&1
count=$(ls "$work"/pdf/*.pdf | wc -l)

# pdftotext: one process per file, as it is used; GNU time reports the largest RSS of any of them.
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/poppler.mem" bash -c 'for f in "$0"/pdf/*.pdf; do /usr/bin/time -a -f "%M" -o "$0/poppler-each.mem" pdftotext -layout "$f" "$0/$(basename "$f").txt"; done' "$work"
poppler=$(echo "$(date +%s.%N) - $start" | bc)
poppler_mem=$(sort -n "$work/poppler-each.mem" | tail -1)

start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/nianbao.mem" node dist/cli.js extract "$work/pdf" --out "$work/out" --jobs "$jobs" --quiet > "$work/summary.txt"
nianbao=$(echo "$(date +%s.%N) - $start" | bc)
nianbao_mem=$(cat "$work/nianbao.mem")

echo "files: $count generated PDFs (LibreOffice, ruled and unruled, 2019 and 2021 formats)"
echo "nianbao summary: $(cat "$work/summary.txt")"
printf 'pdftotext -layout: %6.2f s  (%5.1f ms/file), peak RSS %6.1f MiB (largest single process)\n' "$poppler" "$(echo "1000*$poppler/$count" | bc -l)" "$(echo "$poppler_mem/1024" | bc -l)"
printf 'nianbao extract:   %6.2f s  (%5.1f ms/file), peak RSS %6.1f MiB (jobs %s)\n' "$nianbao" "$(echo "1000*$nianbao/$count" | bc -l)" "$(echo "$nianbao_mem/1024" | bc -l)" "$jobs"
printf 'time ratio nianbao / pdftotext: %.2f\n' "$(echo "$nianbao/$poppler" | bc -l)"
rm -rf "$work"
