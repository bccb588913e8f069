import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ExtractedDocument } from '../model/document.js';
import { recordOfDocument } from '../pipeline.js';
import { COMMON_OUTCOME_ROWS, OTHER_HANDLING_ROWS_2019 } from '../schema/keys.js';
import type { CellReading } from '../tables/reading.js';
import { identities } from './checks.js';
import { confirmUnsureReadings } from './confirm.js';

/** OCR output of a drawn scan as layout made it (scripts/make-ocr-line-fixtures.mjs), with 三's truth. */
const fixture = (name: string): { doc: ExtractedDocument; truth: Record<string, Record<string, number | null>> } =>
  JSON.parse(readFileSync(`test/fixtures/ocr-lines/${name}.json`, 'utf8')) as { doc: ExtractedDocument; truth: Record<string, Record<string, number | null>> };
const source = () => ({ path: 'scan.pdf', sha256: '0'.repeat(64), format: 'scanned-pdf' as const, pages: null });

describe('unsure OCR numbers the identities confirm together', () => {
  test.each([
    // A photo: 总计 of 3.危及“三安全一稳定” read 37 unsure, beside another unsure number in its row; 37 and 23 stood unread.
    ['drawn-095-2021-ruled-photo', ['deniedThirdParty.total', 'rejectedConfirmReissue.research', 'rejectedConfirmReissue.total']],
    // 总计 of two rows read 35 unsure each (the models disagreed), in rows and a column with other unsure numbers.
    ['drawn-131-2021-ruled-scan', ['deniedThreeSafeties.total', 'unableUnclear.total']],
  ] as const)('%s: each confirmed by its row and its column, as printed, flagged inferred', (name, keys) => {
    const { doc, truth } = fixture(name);
    const { record } = recordOfDocument(source(), doc);
    const confirmed = record.issues.filter((i) => i.code === 'value_confirmed').map((i) => i.path?.slice(1).join('.'));
    expect(confirmed).toEqual([...keys]);
    for (const key of keys) {
      const [row, column] = key.split('.') as [string, string];
      const cell = record.cells.find((c) => c.table === 'requests' && c.row === row && c.column === column);
      expect(cell).toMatchObject({ value: truth[row]?.[column], flag: 'inferred' });
      expect(Number(cell?.raw)).toBe(truth[row]?.[column]);
    }
  });

  // drawn-063 (a seal over 三): 28 printed under 自然人 and under 总计 of a row whose other cells are 0, both read "8"
  // unsure. The row's total holds with both misread alike; its columns' sums, with other cells unread, check nothing.
  const cell = (row: string, column: string, raw: string, flag: CellReading['flag'], confidence = 0.9): CellReading => ({
    table: 'requests', row, column, raw, flag, confidence, value: flag === 'ok' ? Number(raw) : null, page: 2, method: 'ocr',
  });
  const columns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
  const row = (name: string, raws: readonly string[], unsure: readonly number[] = []): CellReading[] =>
    raws.map((raw, i) => (unsure.includes(i) ? cell(name, columns[i] as string, raw, 'unreadable', 0.3) : cell(name, columns[i] as string, raw, 'ok')));
  // Every outcome row of 2019 printed, all 0 but 2.其他法律行政法规禁止公开 (deniedOtherLaws): the columns' sums are complete.
  const outcomeRows = [...COMMON_OUTCOME_ROWS, ...OTHER_HANDLING_ROWS_2019];
  const list = identities(new Set([...outcomeRows, 'totalHandled']));
  const zeroRows = (): CellReading[] => outcomeRows.filter((r) => r !== 'deniedOtherLaws').flatMap((r) => row(r, ['0', '0', '0', '0', '0', '0', '0']));

  test('one identity holding is no proof: a row whose one number is its total holds with both misread alike', () => {
    const cells = [
      ...zeroRows(),
      ...row('deniedOtherLaws', ['8', '0', '0', '0', '0', '0', '8'], [0, 6]),
      // 总计's row with 自然人 not seen, and its total read unsure: the columns' sums check nothing.
      ...row('totalHandled', ['', '0', '0', '0', '0', '0', '28'], [6]).map((c) => (c.column === 'naturalPerson' ? { ...c, flag: 'unreadable' as const, value: null, confidence: 0 } : c)),
    ];
    const { cells: out, issues } = confirmUnsureReadings(cells, list, 0.25);
    expect(issues).toEqual([]);
    expect(out.filter((c) => c.flag === 'unreadable')).toHaveLength(4);
  });

  test('an identity through the number that fails leaves it unread, whatever others hold; where its row and column hold, it is confirmed', () => {
    const withTotals = (printed: string): CellReading[] => [
      ...zeroRows(),
      ...row('deniedOtherLaws', ['8', '0', '0', '0', '0', '0', '8'], [0, 6]),
      ...row('totalHandled', [printed, '0', '0', '0', '0', '0', printed]),
    ];
    // 总计 prints 28 over the column: 8 fails it.
    expect(confirmUnsureReadings(withTotals('28'), list, 0.25).issues).toEqual([]);
    // 总计 prints 8: the row and each column hold.
    const { cells, issues } = confirmUnsureReadings(withTotals('8'), list, 0.25);
    expect(issues.map((i) => i.path?.join('.'))).toEqual(['requests.deniedOtherLaws.naturalPerson', 'requests.deniedOtherLaws.total']);
    expect(cells.find((c) => c.row === 'deniedOtherLaws' && c.column === 'total')).toMatchObject({ value: 8, flag: 'inferred', raw: '8' });
  });
});
