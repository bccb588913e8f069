import { expect, test } from '@jest/globals';
import type { BBox } from '../../model/document.js';
import { GlyphModel } from './glyphs.js';
import type { InkMask } from './raster.js';

/** A page of 40-px cells, one glyph each: a ring (0), a bar (1) or an S-like shape (5). */
const CELL = 40;
const shapes: Record<string, (set: (x: number, y: number) => void) => void> = {
  '0': (set) => {
    for (let y = 10; y < 30; y++) for (let x = 14; x < 26; x++) if (x < 17 || x >= 23 || y < 13 || y >= 27) set(x, y);
  },
  '1': (set) => {
    for (let y = 10; y < 30; y++) for (let x = 18; x < 21; x++) set(x, y);
  },
  '5': (set) => {
    for (let y = 10; y < 30; y++) for (let x = 14; x < 26; x++) if (y < 13 || (y >= 18 && y < 21) || y >= 27 || (x < 17 && y < 20) || (x >= 23 && y >= 20)) set(x, y);
  },
};

function page(glyphs: string): { mask: InkMask; cells: BBox[] } {
  const width = CELL * glyphs.length;
  const data = new Uint8Array(width * CELL);
  [...glyphs].forEach((g, i) => shapes[g]?.((x, y) => (data[y * width + x + i * CELL] = 1)));
  const cells = [...glyphs].map((_, i) => ({ x0: i * CELL + 12, y0: 8, x1: i * CELL + 28, y1: 32 }));
  return { mask: { width, height: CELL, data }, cells };
}

test("the page's own digit shapes veto a reading they contradict and confirm one they spell", () => {
  const { mask, cells } = page('000111550');
  const model = new GlyphModel(mask, 20);
  ['0', '0', '0', '1', '1', '1', '5'].forEach((digit, i) => model.learn(cells[i] as BBox, digit));
  const five = cells[7] as BBox;
  const zero = cells[8] as BBox;
  // Both tesseract models read the 5 as 3: one sample of 5 is enough to veto.
  expect(model.contradicts(five, '3')).toBe(true);
  expect(model.contradicts(five, '5')).toBe(false);
  expect(model.contradicts(zero, '0')).toBe(false);
  // A confirmation needs three samples of each digit: the 0 yes, the 5 (one sample) no.
  expect(model.confirms(zero, ['8', '0'])).toBe('0');
  expect(model.confirms(five, ['3', '5'])).toBeNull();
});
