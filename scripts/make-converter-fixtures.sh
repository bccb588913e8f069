#!/usr/bin/env bash
# Runs the tools that most real page texts come from on generated reports, and commits what they make:
# test/fixtures/converters/<converter>-<report>/source.{txt,md} + truth.json (the generated values, dataset.md keys,
# null where the generated cell is blank) and a README naming every tool and its version.
# HTML converters read the generator's printable HTML; PDF converters read the PDF that LibreOffice makes of it
# (as scripts/make-office-fixtures.sh does). The tools are test tooling only: installed here, never at run time.
# Usage: bash scripts/make-converter-fixtures.sh [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-41}"
# Debian's python3, where python3-bs4 and python3-html2text install (a pyenv python3 on PATH has neither).
py=/usr/bin/python3
# pdf2md and the unpdf (bundled pdf.js) it is run with, pinned so a rerun makes the same Markdown.
pdf2md_version=0.3.2
unpdf_version=1.7.0

need=()
[ -x "$py" ] && "$py" -c 'import bs4' 2>/dev/null || need+=(python3-bs4)
[ -x "$py" ] && "$py" -c 'import html2text' 2>/dev/null || need+=(python3-html2text)
command -v chromium >/dev/null || need+=(chromium)
command -v pandoc >/dev/null || need+=(pandoc)
command -v lynx >/dev/null || need+=(lynx)
command -v w3m >/dev/null || need+=(w3m)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -d /usr/share/poppler ] || need+=(poppler-data)
source scripts/office-pdf-tools.sh
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

npm run build >/dev/null 2>&1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out=test/fixtures/converters
rm -rf "$out" && mkdir -p "$out"
node scripts/make-converter-fixtures.mjs "$seed" "$work/html" "$work/truth" > "$work/picked.txt"

soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf:writer_web_pdf_Export --outdir "$work/pdf" "$work"/html/*.html >/dev/null 2>&1

npm install --prefix "$work/pdf2md" --no-audit --no-fund --no-save "@opendocsg/pdf2md@$pdf2md_version" "unpdf@$unpdf_version" >/dev/null 2>&1
cat > "$work/pdf2md/run.cjs" <<'EOF'
// unpdf's bundled pdf.js calls ArrayBuffer.prototype.transferToFixedLength (Node 22+). Node 20 lacks it, and then
// every page's operator list fails and pdf2md waits forever for a font; this is the method as Node 22 defines it.
if (!ArrayBuffer.prototype.transferToFixedLength) {
  ArrayBuffer.prototype.transferToFixedLength = function (length = this.byteLength) {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    return copy;
  };
}
const pdf2md = require('@opendocsg/pdf2md');
pdf2md(new Uint8Array(require('fs').readFileSync(process.argv[2]))).then((text) => process.stdout.write(text));
EOF

# Chromium's innerText: the page computes it once laid out and replaces itself with it (URI-encoded, so the
# serialised DOM cannot alter it); --dump-dom prints that.
innertext() {
  { cat "$1"; echo '<script>(() => { const t = document.body.innerText; const pre = document.createElement("pre"); pre.id = "innertext"; pre.textContent = encodeURIComponent(t); document.body.replaceChildren(pre); })();</script>'; } > "$work/innertext.html"
  chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$work/innertext.html" 2>/dev/null |
    node -e 'const s = require("fs").readFileSync(0, "utf8"); const m = /<pre id="innertext">([^<]*)<\/pre>/.exec(s); if (!m) process.exit(1); process.stdout.write(decodeURIComponent(m[1]));'
}

# name|extension|input|command (input file as $1)
converters=(
  "bs4-get-text|txt|html|$py -c 'import sys; from bs4 import BeautifulSoup; print(BeautifulSoup(open(sys.argv[1], encoding=\"utf-8\").read(), \"html.parser\").get_text())' \"\$1\""
  "bs4-get-text-newline-strip|txt|html|$py -c 'import sys; from bs4 import BeautifulSoup; print(BeautifulSoup(open(sys.argv[1], encoding=\"utf-8\").read(), \"html.parser\").get_text(\"\\n\", strip=True))' \"\$1\""
  "bs4-get-text-space-strip|txt|html|$py -c 'import sys; from bs4 import BeautifulSoup; print(BeautifulSoup(open(sys.argv[1], encoding=\"utf-8\").read(), \"html.parser\").get_text(\" \", strip=True))' \"\$1\""
  "chromium-innertext|txt|html|innertext \"\$1\""
  "html2text|md|html|html2markdown \"\$1\""
  "pandoc-markdown|md|html|pandoc -f html -t markdown \"\$1\""
  "pandoc-plain|txt|html|pandoc -f html -t plain \"\$1\""
  "lynx-dump|txt|html|lynx -dump -nolist -assume_charset=utf-8 -display_charset=utf-8 \"\$1\""
  "w3m-dump|txt|html|w3m -dump -T text/html -I UTF-8 -O UTF-8 \"\$1\""
  "pdftotext|txt|pdf|pdftotext -enc UTF-8 \"\$1\" -"
  "pdftotext-layout|txt|pdf|pdftotext -layout -enc UTF-8 \"\$1\" -"
  "pdf2md|md|pdf|node \"$work/pdf2md/run.cjs\" \"\$1\""
)

for report in "$work"/html/*.html; do
  slug="$(basename "$report" .html)"
  for entry in "${converters[@]}"; do
    IFS='|' read -r name ext input command <<< "$entry"
    src="$work/$input/$slug.$input"
    dir="$out/$name-$slug"
    mkdir -p "$dir"
    (set -- "$src"; eval "$command") > "$dir/source.$ext"
    node -e '
      const [truthPath, converter, format] = process.argv.slice(1);
      const truth = JSON.parse(require("fs").readFileSync(truthPath, "utf8"));
      const { source, ...rest } = truth;
      process.stdout.write(JSON.stringify({ source: `${converter} of ${source}`, converter, format, ...rest }, null, 1) + "\n");
    ' "$work/truth/$slug.json" "$name" "$ext" > "$dir/truth.json"
  done
done

deb() { dpkg-query -W -f='${Package} ${Version}' "$1"; }
pkg() { node -p "require('$work/pdf2md/node_modules/$1/package.json').version"; }
{
  echo '# converter fixtures'
  echo
  echo "Made by \`bash scripts/make-converter-fixtures.sh $seed\`: what common tools make of a generated report. Each"
  echo 'folder `<converter>-<report>/` holds `source.txt` or `source.md` (the tool'"'"'s output, unchanged) and `truth.json`'
  echo '(the generated values in the corpus truth format: dataset.md keys, `null` where the generated cell is blank,'
  echo '`template`, `year`, `agency`). `test/converters.test.ts` reads every one and scores it cell by cell.'
  echo
  echo 'HTML tools read the printable HTML of `renderPrintableHtml` (UTF-8, merged header cells, blanks printed as'
  echo 'nothing, `&nbsp;`, U+3000, `—`, `/` or `无`); PDF tools read the PDF that LibreOffice Writer/Web makes of it'
  echo '(`soffice --convert-to pdf:writer_web_pdf_Export`, as `make-office-fixtures.sh` does).'
  echo
  echo '## Converters'
  echo
  echo '| converter | command | version |'
  echo '| --- | --- | --- |'
  echo "| \`bs4-get-text\` | \`BeautifulSoup(html, 'html.parser').get_text()\` | $(deb python3-bs4) (Python $("$py" -c 'import sys; print(sys.version.split()[0])')) |"
  echo "| \`bs4-get-text-newline-strip\` | \`BeautifulSoup(html, 'html.parser').get_text('\\\\n', strip=True)\` | $(deb python3-bs4) |"
  echo "| \`bs4-get-text-space-strip\` | \`BeautifulSoup(html, 'html.parser').get_text(' ', strip=True)\` | $(deb python3-bs4) |"
  echo "| \`chromium-innertext\` | \`document.body.innerText\` in \`chromium --headless --dump-dom\` | $(deb chromium) |"
  echo "| \`html2text\` | \`html2markdown page.html\` (Python html2text, defaults: Markdown, lines wrapped at 78) | $(deb python3-html2text) |"
  echo "| \`pandoc-markdown\` | \`pandoc -f html -t markdown\` | $(deb pandoc) |"
  echo "| \`pandoc-plain\` | \`pandoc -f html -t plain\` | $(deb pandoc) |"
  echo "| \`lynx-dump\` | \`lynx -dump -nolist -assume_charset=utf-8 -display_charset=utf-8\` | $(deb lynx) |"
  echo "| \`w3m-dump\` | \`w3m -dump -T text/html -I UTF-8 -O UTF-8\` | $(deb w3m) |"
  echo "| \`pdftotext\` | \`pdftotext -enc UTF-8 report.pdf -\` | $(deb poppler-utils), $(deb poppler-data) |"
  echo "| \`pdftotext-layout\` | \`pdftotext -layout -enc UTF-8 report.pdf -\` | $(deb poppler-utils) |"
  echo "| \`pdf2md\` | \`@opendocsg/pdf2md\` on the PDF's bytes (Node $(node -v); Node 22's \`ArrayBuffer.prototype.transferToFixedLength\` added, without which it hangs on Node 20) | @opendocsg/pdf2md $(pkg @opendocsg/pdf2md), unpdf $(pkg unpdf) |"
  echo
  echo "PDFs: $(soffice --version | head -1), fonts $(deb fonts-wqy-zenhei), $(deb fonts-arphic-uming)."
  echo
  echo 'Not used: Debian'"'"'s C++ `html2text` (1.3.2a) counts bytes, not characters, and cuts UTF-8 sequences in CJK'
  echo 'table cells, so its output is not valid UTF-8; the Python html2text is the one people mean.'
  echo
  echo '## Reports'
  echo
  echo 'Picked by `scripts/make-converter-fixtures.mjs`: for each template, one report per profile (no hybrid （六） row).'
  echo
  echo '| report | spec seed | what it shows |'
  echo '| --- | --- | --- |'
  for t in "$work"/truth/*.json; do
    node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const slug = require("path").basename(process.argv[1], ".json"); console.log(`| \`${slug}\` | ${/generateSpec\((\d+)\)/.exec(t.source)[1]} | ${t.template}, ${t.year}, ${t.agency}; ${t.notes} |`)' "$t"
  done
} > "$out/README.md"
du -sh "$out"
ls "$out" | wc -l
