import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ExtractedDocument } from '../model/document.js';
import { recordOfDocument } from '../pipeline.js';

/** OCR output of a drawn scan as layout made it (scripts/make-ocr-line-fixtures.mjs). */
const fixture = (name: string): { doc: ExtractedDocument } => JSON.parse(readFileSync(`test/fixtures/ocr-lines/${name}.json`, 'utf8')) as { doc: ExtractedDocument };
const source = () => ({ path: 'scan.pdf', sha256: '0'.repeat(64), format: 'scanned-pdf' as const, pages: null });

describe('identities failing among OCR numbers', () => {
  test('one misread digit that breaks an identity leaves the numbers that could be it unread, never a wrong number', () => {
    // drawn-095 (a photo): 结转下年度继续办理's 商业企业 prints 6, both readers read 5; 185 + 0 = 179 + 5 fails by one.
    const { record } = recordOfDocument(source(), fixture('drawn-095-2021-ruled-photo').doc);
    const cell = (row: string, column: string) => record.cells.find((c) => c.table === 'requests' && c.row === row && c.column === column);
    expect(cell('carriedForward', 'commercial')).toMatchObject({ value: null, flag: 'unreadable' });
    // 185 → 184 would make it hold too: unread; 179 → 180 changes two digits and stands.
    expect(cell('newReceived', 'commercial')).toMatchObject({ value: null, flag: 'unreadable' });
    expect(cell('totalHandled', 'commercial')).toMatchObject({ value: 179, flag: 'ok' });
    expect(record.issues.find((i) => i.code === 'check_failed_ocr')?.message).toMatch(/printed 185, sum 184/);
    expect(record.status).toBe('partial');
  });

  test('a balance off by one that each of its four OCR numbers a digit off would explain leaves all four unread (drawn-095, read again: 结转\'s 研究机构 0 read 1 by both readers)', () => {
    // The fixture's 结转 row reads "0 5 1 1 0 — 6", its 研究机构 and 社会公益组织 1s unsure (0); read again, the
    // 研究机构 1 came sure: 223 + 0 = 223 + 1 fails by one, and 223, 0, 223 and 1 each a digit off would hold it.
    const { doc } = fixture('drawn-095-2021-ruled-photo');
    const row = doc.markupTables.flatMap((t) => t.rows).find((r) => r[0]?.text.includes('结转下年度')) as { text: string; confidence?: number }[];
    Object.assign(row[3] as object, { confidence: 0.96 });
    const { record } = recordOfDocument(source(), doc);
    const cell = (row: string) => record.cells.find((c) => c.table === 'requests' && c.row === row && c.column === 'research');
    for (const key of ['newReceived', 'carriedOver', 'totalHandled', 'carriedForward']) expect(cell(key)).toMatchObject({ value: null, flag: 'unreadable' });
    expect(record.issues.find((i) => i.code === 'check_failed_ocr' && i.message.startsWith('research'))?.message).toMatch(/printed 223, sum 224; one misread digit in 4/);
  });

  test('a number read sure that an identity fails over once the numbers read unsure stand in is left unread; an identity never proves a value far from the ink', () => {
    // drawn-027 (a grey seal over 三): 5.属于三类内部事务信息 prints 15 0 0 0 0 0 15. Its 15 was read unsure (0.56), and the
    // 0 under the seal's stroke read 6 by both readers. 15 = ? + 6 inferred 9 for the 15, and the 6 stood: two silent cells.
    const { record } = recordOfDocument(source(), fixture('drawn-027-2021-ruled-scan').doc);
    const cell = (column: string) => record.cells.find((c) => c.table === 'requests' && c.row === 'deniedInternalAffairs' && c.column === column);
    expect(cell('naturalPerson')).toMatchObject({ value: null, flag: 'unreadable' });
    expect(cell('commercial')).toMatchObject({ value: null, flag: 'unreadable' });
    expect(cell('total')).toMatchObject({ value: 15, flag: 'ok' });
  });

  test('a reading one model made that the other contradicted outright does not stand in: the numbers read sure beside it stay read', () => {
    // drawn-131: 本年新收 prints 16747 0 无 0 0 187 16,934. The 无 was read 7 by the digit reader alone (confidence 0);
    // standing in, 16747 + 7 + 187 = 16941 against 16934 made 16747 and 187 look misread (left unread).
    const { record } = recordOfDocument(source(), fixture('drawn-131-2021-ruled-scan').doc);
    const cell = (column: string) => record.cells.find((c) => c.table === 'requests' && c.row === 'newReceived' && c.column === column);
    expect(cell('research')).toMatchObject({ value: null, flag: 'unreadable', raw: '7', confidence: 0 });
    expect(cell('naturalPerson')).toMatchObject({ value: 16747, flag: 'ok' });
    expect(cell('otherOrg')).toMatchObject({ value: 187, flag: 'ok' });
    expect(cell('total')).toMatchObject({ value: 16934, flag: 'ok' });
  });
});
