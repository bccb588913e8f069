#!/usr/bin/env bash
# Renders generated reports to PDF, DOCX and DOC with LibreOffice, plus bad PDFs (corrupt, truncated,
# encrypted, image-only), into test/fixtures/office/. Tests read the committed outputs and never need
# LibreOffice. Usage: bash scripts/make-office-fixtures.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100}"
seed="${2:-31}"

need=()
command -v pdftoppm >/dev/null || need+=(poppler-utils)
source scripts/office-pdf-tools.sh
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

npm run build >/dev/null 2>&1
work="$(mktemp -d)"
out=test/fixtures/office
rm -rf "$out" && mkdir -p "$out/pdf" "$out/docx" "$out/doc" "$out/bad"
node scripts/make-office-fixtures.mjs "$count" "$seed" "$work/html" "$out/specs.json"

profile="-env:UserInstallation=file://$work/profile"
soffice "$profile" --headless --norestore --convert-to pdf:writer_web_pdf_Export --outdir "$out/pdf" "$work"/html/*.html >/dev/null 2>&1
soffice "$profile" --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir "$out/docx" "$work"/html/*.html >/dev/null 2>&1
soffice "$profile" --headless --norestore --convert-to 'doc:MS Word 97' --outdir "$out/doc" $(ls "$work"/html/*.html | head -6) >/dev/null 2>&1

# Bad PDFs: every one must give a clear per-file error, never a crash or a guess.
first="$(ls "$out"/pdf/*.pdf | head -1)"
head -c 20000 "$first" > "$out/bad/truncated.pdf"
{ printf '%%PDF-1.7\n'; head -c 6000 /dev/urandom; } > "$out/bad/corrupt.pdf"
cp "$work"/html/$(ls "$work/html" | head -1) "$work/secret.html"
soffice "$profile" --headless --norestore --convert-to 'pdf:writer_web_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"nianbao"}}' --outdir "$work" "$work/secret.html" >/dev/null 2>&1
cp "$work/secret.pdf" "$out/bad/encrypted.pdf"
pdftoppm -r 60 -jpeg -f 3 -l 3 "$first" "$work/scan"
node scripts/image-to-pdf.mjs "$out/bad/image-only.pdf" "$work"/scan-*.jpg --dpi 60
rm -rf "$work"
du -sh "$out"/*
