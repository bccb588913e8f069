// Writes the lines OCR gives the decoder for a few drawn scans (scripts/make-drawn-scans.mjs, default
// seed and count), so that src/tables/ocr-rows.test.ts decodes real OCR output without running OCR:
// test/fixtures/ocr-lines/<scan>.json holds the document as layout made it (its pages' lines and its
// ruled grids as markup tables, what readDocumentTables reads) and the scan's truth for 三 (for a
// screenshot of 二 or 四 alone, for that table). OCR output
// depends on tesseract's models: made again, the lines may differ by a reading here and there.
// Usage: npm run build && node scripts/make-ocr-line-fixtures.mjs [--from test-artifacts/drawn-scans] [--only NAME[,NAME…]] [--cache DIR]
// --cache DIR: take a scan's extracted document from bench/scans.mjs's cache of the same name where it holds one
// (made by the same OCR code), instead of running OCR again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, extractDocument } from '../dist/extract/index.js';
import { closeOcr } from '../dist/extract/ocr/lifecycle.js';
import { layoutDocument } from '../dist/layout/positioned.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const FROM = resolve(ROOT, args.includes('--from') ? args[args.indexOf('--from') + 1] : 'test-artifacts/drawn-scans');
const OUT = join(ROOT, 'test/fixtures/ocr-lines');

/** The scans, with what their lines show the decoder. */
const PICKS = new Map([
  ['drawn-036-2019-ruled-scan.pdf', '(五)不予处理 on its first row\'s grid line, that row\'s label lost; two rows below without labels'],
  ['drawn-057-2021-ruled-screenshot-requests.png', 'garbled labels of 1.属于国家秘密 and 2.其他法律… read as one row\'s pieces over two grid lines'],
  ['drawn-136-2019-hrules-scan.pdf', '三 continued on page 2 without its header, that page a column\'s width off page 1'],
  ['drawn-060-2019-unruled-photo.pdf', 'a photo whose columns drift down the page under their header; rows split over two lines by the tilt'],
  ['drawn-071-2021-unruled-scan.pdf', '三 continued on page 2 without its header, from its row 3.补正后申请内容仍不明确 on (page 1 holds none of it)'],
  ['drawn-127-2021-ruled-scan.pdf', '三\'s header read as "BR请大情况", its first rows as "“年新收…" and 上年转结…: no word the region needs'],
  ['drawn-064-2019-unruled-scan.pdf', 'a dash under 商业企业 whose word comes after the row\'s numbers: placed under 其他, it moved them a column left'],
  ['drawn-044-2019-hrules-scan.pdf', '四、结转下年度继续办理 read "四 □下年度□" under (七)总计: its seven zeros had joined 总计\'s, and the row was missing'],
  ['drawn-075-2021-hrules-photo.pdf', 'a photo: "2" read for a printed 22 in a row placed by position whose 总计 OCR did not see (总计 would be inferred 2)'],
  ['drawn-104-2019-unruled-scan.pdf', '三 continued on page 2 without its header: two full rows; the rest print blanks as nothing, "—" or 无, and "24", "5" stand off their columns'],
  ['drawn-147-2021-unruled-scan.pdf', '(二)部分公开 printing 自然人 blank: its 18 stands 3 px right of the line through its column\'s numbers'],
  ['drawn-119-2021-hrules-scan.pdf', 'a seal over (五)不予处理: "4.无正□基反复申请" matched 2.重复申请 by 复申请; the 无 of 无法提供 among its row\'s words'],
  ['drawn-059-2021-hrules-scan.pdf', '3.其他 read 6 values of 7 (one not seen); under it (七)总计\'s, its label garbled to "□ 5": they had joined 3.其他\'s'],
  ['drawn-123-2021-hrules-scan.pdf', '三 continued on page 2, each wrapped label round its line of values: read as values printed before labels, every row took the next row\'s'],
  ['drawn-015-2021-hrules-photo.pdf', 'a photo turned 90°: "2.8有现" for 2.没有现成…, its "2.8" taken for the row\'s first value, the row\'s values a column right'],
  ['drawn-140-2019-unruled-photo.pdf', 'a photo: four rows\' labels read as one word ("2.没有现成…3.补正后…1.信访举报…2重复申") before one row\'s values'],
  ['drawn-079-2021-unruled-scan.pdf', 'garbled labels of two rows in a row, each on its own OCR line of seven values: they had joined one row (14 values, both unread)'],
  ['drawn-048-2019-ruled-scan.pdf', 'a grey seal over 三\'s middle rows: rows of garbled labels, each its own line of values, between rows read'],
  ['drawn-111-2021-ruled-scan.pdf', 'a faint 121 dpi 2021 table: its （六） group label read as 2019\'s single row, the three rows under it read as nothing'],
  ['drawn-020-2019-unruled-photo.pdf', 'a photo: the labels of 三\'s first seven rows garbled into one long line, its seven lines of values right under the header'],
  ['drawn-095-2021-ruled-photo.pdf', 'a photo: 结转下年度继续办理\'s 商业企业 6 read 5 by both readers; its column\'s identity fails by one digit'],
  ['drawn-027-2021-ruled-scan.pdf', 'a grey seal over 三: a 0 under its stroke read 6 by both readers beside a 15 read unsure, in a row whose 总计 is 15; 四 continued on page 3 with dashes OCR read in cells its rules lost'],
  ['drawn-047-2021-unruled-scan.pdf', '3.要求提供公开出版物 garbled, label and values ("□外 7 呆 喇 吐 哇"), under 2.重复申请\'s whole row: its 7 had joined that row'],
  ['drawn-131-2021-ruled-scan.pdf', '无 printed for blanks, read 7 by the digit reader alone (confidence 0): standing in, it made sure numbers beside it look misread'],
  ['drawn-007-2021-hrules-scan.pdf', '二\'s band headers read "信息内7", "信息9容": the band kept the columns above, and 行政许可\'s 可, read 7, stood among its values'],
  ['drawn-115-2021-hrules-photo.pdf', 'a photo: 三\'s header garbled ("□ 请人情况", "本列数据的勾移关系"), its first two rows labelled only "开申请数量", a piece of 法人或其他组织 with a stray 24'],
  ['drawn-031-2021-unruled-scan.pdf', '(一)予以公开 read "至以公关" beside "度办理结" (a piece of 三、本年度办理结果, over a garbled (二)): two unknown labels where one row was missing'],
  ['drawn-022-2019-hrules-screenshot-reviews.png', '四 alone, unruled between its rules: header words run together on a line ("结果维持结果纠正其他结果"), two blanks printed as nothing'],
  ['drawn-063-2021-ruled-scan.pdf', 'a seal over 三\'s last rows: 5.要求行政机关确认… and 2021\'s three （六） rows, labels garbled or lost, between 4.无正当理由… and (七)总计'],
  ['drawn-041-2021-unruled-screenshot-active.png', '二 alone: its band header\'s 本年制发件数 and 本年废止件数 read as one cell, two columns for three'],
  ['drawn-035-2021-unruled-photo.pdf', 'a photo: 三\'s header words wrapped with one character on the next line (商业企 / 业, 科研机 / 构): the columns were not found'],
  ['drawn-135-2021-unruled-photo.pdf', 'a photo: 三\'s header at the foot of page 1; on page 2 本年新收\'s values a line above its label, merged with 上年结转\'s'],
  ['drawn-000-2019-unruled-photo.pdf', 'a photo: 四\'s values alone on page 3, its header on page 2, where the same columns stand up to 70 px apart'],
  ['drawn-128-2019-hrules-scan.pdf', '四\'s 总计 words read as noise ("全一1/上和计"), its last 总计 as "区": the header was not found, 14 values for 15 columns'],
  ['drawn-056-2019-ruled-scan.pdf', '四\'s grid with a row of 15 empty cells (the header\'s lower edge) over its row of values'],
  ['drawn-051-2021-unruled-scan.pdf', '四\'s 298 and 0 read as one word "2980" over two columns: its parts share one box'],
]);
/** Picks whose fixture is about a table other than 三 (its truth is that table's). */
const TABLE_OF = new Map([
  ['drawn-007-2021-hrules-scan.pdf', 'active'],
  ['drawn-041-2021-unruled-screenshot-active.png', 'active'],
  ['drawn-000-2019-unruled-photo.pdf', 'reviews'],
  ['drawn-128-2019-hrules-scan.pdf', 'reviews'],
  ['drawn-056-2019-ruled-scan.pdf', 'reviews'],
  ['drawn-051-2021-unruled-scan.pdf', 'reviews'],
]);
/** Picks whose fixture is about another table besides (`also`: those tables' truths). */
const ALSO_TABLES = new Map([['drawn-027-2021-ruled-scan.pdf', ['reviews']]]);
/** `--only NAME[,NAME…]`: make only these (the others stay as made: OCR output moves with the OCR code). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const cacheDir = args.includes('--cache') ? resolve(args[args.indexOf('--cache') + 1]) : null;

/** The scan's extracted document: from the cache (bench/scans.mjs's name for it) when there, else OCR's. */
async function extracted(file, bytes) {
  const kept = cacheDir && join(cacheDir, `${file}.${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.json`);
  if (kept && existsSync(kept)) return JSON.parse(readFileSync(kept, 'utf8'));
  return extractDocument(bytes, detectFormat(bytes), { maxPages: 300, ocr: true });
}

mkdirSync(OUT, { recursive: true });
try {
  for (const [file, why] of PICKS) {
    if (only && !only.some((o) => file.includes(o))) continue;
    const bytes = new Uint8Array(readFileSync(join(FROM, file)));
    const doc = layoutDocument(await extracted(file, bytes));
    const laidOut = { format: doc.format, pages: doc.pages, markupTables: doc.markupTables, plainText: '', pageCount: doc.pageCount, issues: [] };
    const entry = JSON.parse(readFileSync(join(FROM, 'scans.json'), 'utf8')).entries.find((e) => e.file === file);
    // 三's truth; a screenshot of another table alone, or a pick about another table, that table's.
    const table = TABLE_OF.get(file) ?? (entry.kind === 'screenshot' && entry.table !== 'requests' ? entry.table : 'requests');
    const also = ALSO_TABLES.has(file) ? { also: Object.fromEntries(ALSO_TABLES.get(file).map((t) => [t, entry.truth[t]])) } : {};
    writeFileSync(join(OUT, file.replace(/\.\w+$/, '.json')), JSON.stringify({ file, why, table, truth: entry.truth[table], ...also, doc: laidOut }) + '\n');
    console.log(`${file}: ${doc.pages.length} pages, ${doc.markupTables.length} grids`);
  }
} finally {
  await closeOcr();
}
