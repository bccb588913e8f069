import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { createRandom } from './random.js';
import { REAL_LAYOUTS, renderRealLayout } from './real.js';
import { generateSpec } from './values.js';

const spec = generateSpec(31, createRandom(31), { template: '2019', blanks: true, broken: false });
const render = (layout: (typeof REAL_LAYOUTS)[number], seed: number) => renderRealLayout(spec, layout, createRandom(seed), 0.3);
const text = (bytes: Uint8Array): string => {
  const utf8 = new TextDecoder().decode(bytes);
  return utf8.includes('charset=gbk') ? iconv.decode(Buffer.from(bytes), 'gbk') : utf8;
};

describe('layouts of real reports', () => {
  test.each(REAL_LAYOUTS.map((l) => [l]))('%s is a class of texts: the same values print differently from report to report', (layout) => {
    // Digits masked, so only separators, spacing, placeholders, numbering and wording count.
    const shapes = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => text(render(layout, seed).bytes).replace(/\d/g, '#')));
    expect(shapes.size).toBeGreaterThanOrEqual(4);
  });

  test('flat-glued: the whole page on one line, the cells of a row glued together', () => {
    const page = text(render('flat-glued', 3).bytes);
    expect(page.trimEnd().includes('\n')).toBe(false);
    const full = spec.requestRows.map((r) => Object.values(spec.requests[r] ?? {})).find((values) => values.every((v) => v !== null));
    expect(full).toBeDefined();
    expect(page).toContain((full ?? []).join(''));
  });

  test('html-script: the report is markup inside a JavaScript string, quotes escaped', () => {
    for (const seed of [1, 2, 3, 4]) {
      const page = text(render('html-script', seed).bytes);
      expect(page).toMatch(/document\.write\(|var content = "/);
      expect(page).toContain('\\"');
      expect(page).not.toMatch(/<table[^\\]*"/);
    }
  });

  test('text-cells-dropped: an empty cell leaves no line, so a row with blanks prints fewer than seven numbers', () => {
    const rendered = render('text-cells-dropped', 5);
    const withBlanks = spec.requestRows.filter((r) => Object.values(spec.requests[r] ?? {}).some((v) => v === null));
    expect(withBlanks.length).toBeGreaterThan(0);
    expect(rendered.evidence.map((e) => e.keys[0]?.split('.')[1])).toEqual(expect.arrayContaining(withBlanks.filter((r) => Object.values(spec.requests[r] ?? {}).some((v) => v !== null))));
    // Every row is evidence with blanks that may sit anywhere (a reader cannot tell which rows lost one); those with blanks print fewer numbers.
    expect(rendered.evidence.every((e) => e.dropped)).toBe(true);
    const withBlank = (e: (typeof rendered.evidence)[number]): boolean => e.keys.some((k) => rendered.spec.requests[k.split('.')[1] ?? '']?.[k.split('.')[2] ?? ''] === null);
    expect(rendered.evidence.filter((e) => e.keys[0]?.startsWith('requests.')).every((e) => e.tokens.length < e.keys.length === withBlank(e))).toBe(true);
  });

  test('html-script may leave 总计 blank on the sub-rows, and the spec it returns says so', () => {
    const blanked = [1, 2, 3, 4, 5, 6].map((seed) => render('html-script', seed).spec).find((s) => s !== spec);
    expect(blanked?.requests.deniedStateSecret?.total).toBeNull();
    expect(blanked?.requests.newReceived?.total).toBe(spec.requests.newReceived?.total);
  });
});
