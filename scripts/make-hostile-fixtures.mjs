#!/usr/bin/env node
/**
 * Writes the hostile-input corpus (issue 14) into test/fixtures/hostile/: small files that each
 * claim sizes, depths or structure far past what a report has, with cases.json naming the code each
 * must fail with (null: it must be read, like the good file it was made from).
 *
 *   node scripts/make-hostile-fixtures.mjs              small files → test/fixtures/hostile/
 *   node scripts/make-hostile-fixtures.mjs --large DIR  the generated large cases (2–50 MB each) → DIR
 *
 * Deterministic: the same bytes on every run (no dates, no randomness).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/hostile');
const SEED_TEXT = readFileSync(join(ROOT, 'samples/000_d92f6972ebe26fca.txt'));
const SAMPLE_HTML = readFileSync(join(ROOT, 'samples/gen-0000-2019-html-merged.html'), 'utf8');

// ---------------------------------------------------------------- PDF

/** A PDF from its objects (numbered from 1; object 1 is the catalog); a stream is { dict, data }. */
function buildPdf(objects) {
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(object, 'latin1')
        : Buffer.concat([Buffer.from(`<< ${object.dict} /Length ${object.data.length} >>\nstream\n`, 'latin1'), object.data, Buffer.from('\nendstream', 'latin1')]);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A one-page PDF: page size, resources and content; `extra` objects follow as 5, 6, … */
function onePagePdf(width, height, resources, content, extra = []) {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources ${resources} /Contents 4 0 R >>`,
    { dict: '', data: Buffer.from(content, 'latin1') },
    ...extra,
  ]);
}

/** A page 5520 pt square whose text has no Unicode mapping (control codes): it would go to OCR at 300 dpi, 23000² pixels. */
function wideUnmappedPdf() {
  return onePagePdf(5520, 5520, '<< /Font << /F1 5 0 R >> >>', 'BT /F1 24 Tf 72 5000 Td <0102030405060708> Tj ET', [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3 /g4 /g5 /g6 /g7 /g8] >> >>',
  ]);
}

/** A 4×4 grey image stretched over an 11040 pt page: a scan by coverage, rendered from the MediaBox it was 6.7 GB. */
function tinyImageHugePagePdf() {
  return onePagePdf(11040, 11040, '<< /XObject << /Im1 5 0 R >> >>', 'q 11040 0 0 11040 0 0 cm /Im1 Do Q', [
    { dict: '/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8', data: Buffer.alloc(16, 0x80) },
  ]);
}

/** A JBIG2 image claiming 20000² pixels in a few bytes over an A4 page. */
function jbig2HugePdf() {
  return onePagePdf(595, 842, '<< /XObject << /Im1 5 0 R >> >>', 'q 595 0 0 842 0 0 cm /Im1 Do Q', [
    { dict: '/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode', data: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x30, 0x00, 0x01, 0x00, 0x00, 0x00, 0x13]) },
  ]);
}

/** A content stream of zeros deflated `layers` times: 1 GiB from about 2 KB with two layers. */
function flateBombPdf(bytes, layers) {
  let data = deflateSync(Buffer.alloc(bytes), { level: 9 });
  for (let i = 1; i < layers; i++) data = deflateSync(data, { level: 9 });
  const filter = layers === 1 ? '/FlateDecode' : `[${' /FlateDecode'.repeat(layers)} ]`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
    { dict: `/Filter ${filter}`, data },
  ]);
}

/** Forms that each paint the next one ten times, ten deep: 10¹⁰ paintings from a few KB (pdf.js expands every one). */
function nestedFormsPdf() {
  const depth = 10;
  const forms = [];
  for (let level = 0; level < depth; level++) {
    const id = 5 + level;
    const last = level === depth - 1;
    const body = last ? '0 0 m 1 1 l S' : Array.from({ length: 10 }, () => '/X Do').join(' ');
    forms.push({ dict: `/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X ${id + 1} 0 R >> >>`, data: Buffer.from(body, 'latin1') });
  }
  return onePagePdf(595, 842, '<< /XObject << /X 5 0 R >> >>', '/X Do /X Do', forms);
}

/** A content stream that is broken: a string left open to the end and operators no PDF has. */
function malformedContentPdf() {
  return onePagePdf(595, 842, '<< /Font << /F1 5 0 R >> >>', 'BT /F1 12 Tf 72 720 Td @@ ## !! ~~ (政府信息公开 Tj ET', ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
}

/** A page dictionary nested 50 000 arrays deep: recursive parsers overflow their stack. */
function deepArraysPdf() {
  const depth = 50_000;
  return onePagePdf(595, 842, `<< /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >>`, 'BT ET');
}

// ---------------------------------------------------------------- Word

/** A DOCX of one document.xml body. */
function docx(body) {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        'word/document.xml': strToU8(xml),
      },
      { level: 9, mtime: new Date('2020-01-01T00:00:00Z') },
    ),
  );
}

/** One cell spanning 2·10⁹ grid columns (a 300-byte document.xml): one grid entry per spanned column filled the heap. */
function gridSpanDocx() {
  return docx('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
}

/** document.xml whose central-directory entry claims 3 GB once inflated. */
function zipSizeLieDocx() {
  const bytes = docx('<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>');
  // The central directory entry of word/document.xml: its uncompressed size (offset 24) says 3·10⁹.
  const name = Buffer.from('word/document.xml');
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) bytes.writeUInt32LE(3_000_000_000, at + 24);
  }
  return bytes;
}

/** Content controls nested 100 000 deep in document.xml. */
function deepDocx() {
  const depth = 100_000;
  return docx(`${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`);
}

/**
 * A Word 97 compound file whose directory sector chain loops 1 → 2 → 1 (word-extractor stops only
 * on a sector that points at itself, and grows its chain array until the heap is gone).
 */
function fatLoopDoc() {
  const sector = 512;
  const file = Buffer.alloc(sector * 4, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  file.writeUInt16LE(0x3e, 24); // minor version
  file.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28); // little-endian
  file.writeUInt16LE(9, 30); // sector shift
  file.writeUInt16LE(6, 32); // mini sector shift
  file.writeInt32LE(1, 44); // one FAT sector
  file.writeInt32LE(1, 48); // directory starts at sector 1
  file.writeInt32LE(4096, 56); // mini stream cutoff
  file.writeInt32LE(-2, 60); // no mini FAT
  file.writeInt32LE(0, 64);
  file.writeInt32LE(-2, 68); // no DIFAT sectors
  file.writeInt32LE(0, 72);
  for (let i = 0; i < 109; i++) file.writeInt32LE(-1, 76 + i * 4);
  file.writeInt32LE(0, 76); // the FAT is sector 0
  // Sector 0 (file offset 512): the FAT. Sector 0 is FAT (-3); 1 → 2; 2 → 1 (the loop).
  const fat = sector;
  for (let i = 0; i < sector / 4; i++) file.writeInt32LE(-1, fat + i * 4);
  file.writeInt32LE(-3, fat);
  file.writeInt32LE(2, fat + 4);
  file.writeInt32LE(1, fat + 8);
  // Sector 1: the root directory entry.
  const dir = 2 * sector;
  Buffer.from('Root Entry\0', 'utf16le').copy(file, dir);
  file.writeUInt16LE(22, dir + 64);
  file.writeInt8(5, dir + 66);
  file.writeInt32LE(-1, dir + 68);
  file.writeInt32LE(-1, dir + 72);
  file.writeInt32LE(-1, dir + 76);
  file.writeInt32LE(-2, dir + 116);
  return file;
}

// ---------------------------------------------------------------- images

/** An RLE8 BMP whose header says 23000×23000 (the width is 32-bit at offset 18: reading one byte gave 200×1). */
function rleBmp() {
  const palette = Buffer.alloc(256 * 4);
  for (let i = 0; i < 256; i++) palette.writeUInt32LE(i * 0x010101, i * 4);
  const pixels = Buffer.from([0x00, 0x01]); // end of bitmap
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + palette.length + pixels.length, 2);
  header.writeUInt32LE(54 + palette.length, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(23000, 18);
  header.writeInt32LE(23000, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(8, 28);
  header.writeUInt32LE(1, 30); // BI_RLE8
  header.writeUInt32LE(pixels.length, 34);
  header.writeUInt32LE(256, 46);
  return Buffer.concat([header, palette, pixels]);
}

/** A little-endian TIFF of two frames: 8×8 grey, then one claiming 10000×10000 (100 megapixels) in PackBits. */
function twoFrameTiff() {
  const frames = [
    { width: 8, height: 8 },
    { width: 10000, height: 10000 },
  ];
  const entries = 9;
  const ifdBytes = 2 + entries * 12 + 4;
  // One PackBits run per frame ("repeat 0xff 128 times"): the decoder runs out of data long before the claimed size.
  const strip = Buffer.from([0x81, 0xff]);
  const parts = [Buffer.alloc(8)];
  parts[0].write('II', 0, 'latin1');
  parts[0].writeUInt16LE(42, 2);
  parts[0].writeUInt32LE(8, 4);
  let offset = 8;
  frames.forEach((frame, i) => {
    const ifd = Buffer.alloc(ifdBytes);
    const stripAt = offset + ifdBytes;
    const next = i < frames.length - 1 ? stripAt + strip.length : 0;
    const tags = [
      [256, 4, frame.width],
      [257, 4, frame.height],
      [258, 3, 8],
      [259, 3, 32773],
      [262, 3, 1],
      [273, 4, stripAt],
      [277, 3, 1],
      [278, 4, frame.height],
      [279, 4, strip.length],
    ];
    ifd.writeUInt16LE(entries, 0);
    tags.forEach(([tag, type, value], k) => {
      const at = 2 + k * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    ifd.writeUInt32LE(next, 2 + entries * 12);
    parts.push(ifd, strip);
    offset = stripAt + strip.length;
  });
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- text and HTML

/** The seed report with CR alone ending every line (old Mac line ends): it must read as the LF original. */
function crOnlyText() {
  return Buffer.from(SEED_TEXT.toString('utf8').replace(/\r?\n/g, '\r'), 'utf8');
}

/** The seed report with one byte made invalid UTF-8 (0xff in a line of prose): it must not be read as GB18030. */
function badByteText() {
  const text = Buffer.from(SEED_TEXT);
  const at = text.indexOf(Buffer.from('本报告'));
  const copy = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
  return copy;
}

/** The sample HTML page declaring charset=utf-16 in its meta tag while its bytes are UTF-8. */
function utf16MetaHtml() {
  return Buffer.from(SAMPLE_HTML.replace('charset=utf-8', 'charset=utf-16'), 'utf8');
}

/** Table 四 of the sample page with one value cell of its data row missing: the cells after it must not shift left. */
function missingCellHtml() {
  const row = '<tr><td>0</td><td>5</td><td>0</td><td>3</td><td>8</td><td>0</td><td>3</td><td>0</td><td>0</td><td>3</td><td>0</td><td>9</td><td>0</td><td>3</td><td>12</td></tr>';
  if (!SAMPLE_HTML.includes(row)) throw new Error('the sample page changed: its table 四 data row is not there');
  return Buffer.from(SAMPLE_HTML.replace(row, row.replace('<td>5</td>', '')), 'utf8');
}

/** A copy of table 三 with other values placed before the real one: the values must come from the table whose identities hold. */
function decoyTableHtml() {
  const start = SAMPLE_HTML.indexOf('<h2>三、');
  const tableStart = SAMPLE_HTML.indexOf('<table', start);
  const tableEnd = SAMPLE_HTML.indexOf('</table>', tableStart) + '</table>'.length;
  const real = SAMPLE_HTML.slice(tableStart, tableEnd);
  // Every number of the copy grows by 7: same shape, other values, identities broken.
  const decoy = real.replace(/<td>(\d+)<\/td>/g, (_, n) => `<td>${Number(n) + 7}</td>`);
  return Buffer.from(SAMPLE_HTML.slice(0, tableStart) + decoy + '\n<p>（更正后）</p>\n' + SAMPLE_HTML.slice(tableStart), 'utf8');
}

// ---------------------------------------------------------------- large cases (generated, not committed)

/** 2 MB of <script> tags and no table after them: /<script[\s\S]*<table/ backtracked quadratically (120 s). */
function scriptRegexHtml() {
  return Buffer.from(`<html><body><p>hello</p>${'<script>var a=1;</script>'.repeat(85_000)}</body></html>`, 'utf8');
}

/** 100 000 tables nested in each other's cells (92 s). */
function nestedTablesHtml() {
  const depth = 100_000;
  return Buffer.from(`<html><body>${'<table><tr><td>'.repeat(depth)}政府信息公开${'</td></tr></table>'.repeat(depth)}</body></html>`, 'utf8');
}

/** 10⁶ nested divs (never finished). */
function nestedDivsHtml() {
  const depth = 1_000_000;
  return Buffer.from(`<html><body>${'<div>'.repeat(depth)}政府信息公开${'</div>'.repeat(depth)}</body></html>`, 'utf8');
}

/** 25 MB of table cells (crashed a worker). */
function denseHtml() {
  return Buffer.from(`<html><body><table>${'<tr><td>1</td><td>2</td><td>3</td></tr>'.repeat(25 * 1024 * 1024 / 39)}</table></body></html>`, 'latin1');
}

/** The seed report with its line breaks lost (replaced by spaces), repeated to 50 MB on one line. */
function singleLineText() {
  const line = SEED_TEXT.toString('utf8').replace(/\r?\n/g, ' ');
  const unit = Buffer.from(line + ' ', 'utf8');
  return Buffer.concat(Array.from({ length: Math.ceil((50 * 1024 * 1024) / unit.length) }, () => unit));
}

/** Every case: file name, what it is, the code it must fail with (null: read as `sameAs`), and how it is made. */
export const CASES = [
  { file: 'docx-gridspan-2e9.docx', code: 'table_too_large', issue: '14.1', what: 'DOCX cell with w:gridSpan 2000000000', make: gridSpanDocx },
  { file: 'docx-zip-size-lie.docx', code: 'zip_entry_too_large', issue: '14.2', what: 'DOCX whose document.xml claims 3 GB inflated', make: zipSizeLieDocx },
  { file: 'docx-deep-nesting.docx', code: 'too_deeply_nested', issue: '14.8', what: 'DOCX with 100 000 nested content controls', make: deepDocx },
  { file: 'doc-fat-loop.doc', code: 'doc_corrupt', issue: '14.1', what: '.doc whose directory sector chain loops 1→2→1', make: fatLoopDoc },
  { file: 'bmp-rle8-23000.bmp', code: 'image_too_large', issue: '14.2', what: 'RLE8 BMP, 1 KB, header 23000×23000', make: rleBmp },
  { file: 'tiff-second-frame-100mp.tif', code: 'image_too_large', issue: '14.8', what: 'TIFF whose second frame claims 10000×10000', make: twoFrameTiff },
  { file: 'pdf-wide-unmapped.pdf', code: 'page_too_large', issue: '14.2', what: '5520 pt page with unmapped text (OCR render 23000²)', make: wideUnmappedPdf },
  { file: 'pdf-tiny-image-huge-page.pdf', code: 'image_too_small', issue: '14.2', what: '4×4 image stretched over an 11040 pt page', make: tinyImageHugePagePdf },
  { file: 'pdf-jbig2-20000.pdf', code: 'image_too_large', issue: '14.2', what: 'JBIG2 image claiming 20000×20000', make: jbig2HugePdf },
  { file: 'pdf-flate-bomb-1gib.pdf', code: 'pdf_stream_too_large', issue: '14.2', what: 'content stream of two Flate layers inflating to 1 GiB', make: () => flateBombPdf(1024 * 1024 * 1024, 2) },
  { file: 'pdf-flate-bomb-160mib.pdf', code: 'pdf_stream_too_large', issue: '14.2', what: 'content stream of one Flate layer inflating 160 KB to 160 MiB', make: () => flateBombPdf(160 * 1024 * 1024, 1) },
  { file: 'pdf-nested-forms.pdf', code: 'too_complex', issue: '14.4', what: 'form XObjects painting the next ten times, ten deep', make: nestedFormsPdf },
  { file: 'pdf-malformed-content.pdf', code: 'pdf_corrupt', issue: '14.8', what: 'content stream with an unterminated string and unknown operators', make: malformedContentPdf },
  { file: 'pdf-deep-arrays.pdf', code: 'too_deeply_nested', issue: '14.8', what: 'page dictionary with arrays nested 50 000 deep (a stack overflow in pdf.js)', make: deepArraysPdf },
  { file: 'text-cr-only.txt', code: null, sameAs: 'samples/000_d92f6972ebe26fca.txt', issue: '14.3', what: 'the seed report with CR-only line ends', make: crOnlyText },
  { file: 'text-bad-utf8-byte.txt', code: null, sameAs: 'samples/000_d92f6972ebe26fca.txt', issue: '14.8', what: 'the seed report with one invalid UTF-8 byte', make: badByteText },
  { file: 'html-meta-utf16.html', code: null, sameAs: 'samples/gen-0000-2019-html-merged.html', issue: '14.8', what: 'UTF-8 page declaring charset=utf-16', make: utf16MetaHtml },
  { file: 'html-missing-cell-4.html', code: null, tableDecoder: true, original: 'samples/gen-0000-2019-html-merged.html', issue: '14.3', what: 'table 四 data row with one cell missing', make: missingCellHtml },
  { file: 'html-decoy-table-3.html', code: null, tableDecoder: true, original: 'samples/gen-0000-2019-html-merged.html', issue: '14.3', what: 'a copy of table 三 with other values before the real one', make: decoyTableHtml },
  { file: 'html-script-regex-2mb.html', code: 'not_a_report', large: true, issue: '14.4', what: '2 MB of <script> tags, no table', make: scriptRegexHtml },
  { file: 'html-nested-tables-100k.html', code: 'too_deeply_nested', large: true, issue: '14.4', what: '100 000 nested tables', make: nestedTablesHtml },
  { file: 'html-nested-divs-1m.html', code: 'too_deeply_nested', large: true, issue: '14.4', what: '10⁶ nested divs', make: nestedDivsHtml },
  { file: 'html-dense-25mb.html', code: 'too_complex', large: true, issue: '14.8', what: '25 MB of table cells', make: denseHtml },
  { file: 'text-single-line-50mb.txt', code: 'line_breaks_lost', large: true, issue: '14.3', what: 'the seed report with line breaks lost, 50 MB on one line', make: singleLineText },
];

function main() {
  const largeAt = process.argv.indexOf('--large');
  if (largeAt >= 0) {
    const dir = process.argv[largeAt + 1];
    if (!dir) throw new Error('--large needs a folder');
    mkdirSync(dir, { recursive: true });
    for (const c of CASES.filter((c) => c.large)) writeFileSync(join(dir, c.file), c.make());
    return;
  }
  mkdirSync(OUT, { recursive: true });
  for (const c of CASES.filter((c) => !c.large)) writeFileSync(join(OUT, c.file), c.make());
  const listed = CASES.map(({ make: _make, ...rest }) => rest);
  writeFileSync(join(OUT, 'cases.json'), JSON.stringify(listed, null, 2) + '\n');
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) main();
