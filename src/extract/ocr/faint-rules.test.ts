import { describe, expect, test } from '@jest/globals';
import { createRandom } from '../../generate/random.js';
import type { RuledGrid } from '../../layout/ruling.js';
import { faintRuleAt, faintRuleSegments } from './faint-rules.js';
import type { Raster } from './raster.js';

/** Paper (grey 245) with noise of about ±12 grey levels, and what `draw` darkens. */
function page(width: number, height: number, draw: (shade: (x: number, y: number, grey: number) => void) => void): Raster {
  const random = createRandom(7);
  const rand = (): number => random.next();
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(245 + (rand() + rand() + rand() - 1.5) * 24)));
  draw((x, y, grey) => {
    if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = Math.min(data[y * width + x] as number, grey + Math.round((rand() - 0.5) * 24));
  });
  return { width, height, data };
}

/** A faint hairline rule: grey 205, two pixels thick, broken every few pixels as noise breaks it. */
function faintRule(shade: (x: number, y: number, grey: number) => void, y: number, x0: number, x1: number): void {
  for (let x = x0; x < x1; x++) if (x % 7 !== 3) for (let t = 0; t < 2; t++) shade(x, y + t, 205);
}

/** Rows of "Han characters": blocks of strokes 20 px high with gaps between them. */
function textLine(shade: (x: number, y: number, grey: number) => void, y: number, x0: number, x1: number): void {
  for (let x = x0; x < x1; x++) {
    if (x % 24 >= 20) continue;
    for (let t = 0; t < 20; t++) if (t % 6 === 0 || x % 6 === 0) shade(x, y + t, 60);
  }
}

describe('faint rules', () => {
  test('a faint, broken hairline along a grid line is found; paper is not a rule', () => {
    const raster = page(400, 120, (shade) => faintRule(shade, 60, 20, 380));
    expect(faintRuleAt(raster, true, 61, 20, 380, 5, 22)).not.toBeNull();
    expect(Math.abs((faintRuleAt(raster, true, 61, 20, 380, 5, 22) as number) - 60.5)).toBeLessThanOrEqual(1.5);
    expect(faintRuleAt(page(400, 120, () => undefined), true, 61, 20, 380, 5, 22)).toBeNull();
  });

  test('a rule with text printed close beside it is still a rule; a line of text is not', () => {
    const ruleByText = page(400, 140, (shade) => {
      faintRule(shade, 60, 20, 380);
      textLine(shade, 67, 30, 370);
    });
    expect(faintRuleAt(ruleByText, true, 61, 20, 380, 5, 22)).not.toBeNull();
    const text = page(400, 140, (shade) => textLine(shade, 50, 30, 370));
    for (const y of [50, 56, 62, 68]) expect(faintRuleAt(text, true, y, 20, 380, 5, 22)).toBeNull();
  });

  test('a rule across part of a segment only is not one (a short dash of a line)', () => {
    const raster = page(400, 120, (shade) => faintRule(shade, 60, 20, 180));
    expect(faintRuleAt(raster, true, 61, 20, 380, 5, 22)).toBeNull();
  });

  test('vertical rules too', () => {
    const raster = page(120, 400, (shade) => {
      for (let y = 20; y < 380; y++) if (y % 7 !== 3) for (let t = 0; t < 2; t++) shade(60 + t, y, 205);
    });
    expect(faintRuleAt(raster, false, 61, 20, 380, 5, 22)).not.toBeNull();
  });

  test('a merged cell over a faint rule is split; a cell merged as printed is left alone', () => {
    // Two rows of one column whose rule between them is faint, beside a cell merged over two rows as printed.
    const raster = page(420, 200, (shade) => {
      faintRule(shade, 100, 210, 400);
      textLine(shade, 90, 30, 190);
    });
    const grid: RuledGrid = {
      xs: [10, 200, 400],
      ys: [20, 100, 180],
      bbox: { x0: 10, y0: 20, x1: 400, y1: 180 },
      cells: [
        { row: 0, col: 0, rowSpan: 2, colSpan: 1, bbox: { x0: 10, y0: 20, x1: 200, y1: 180 } },
        { row: 0, col: 1, rowSpan: 2, colSpan: 1, bbox: { x0: 200, y0: 20, x1: 400, y1: 180 } },
      ],
    };
    expect(faintRuleSegments(raster, [grid], 5, 22)).toEqual([{ orientation: 'h', position: 100, start: 200, end: 400 }]);
  });
});
