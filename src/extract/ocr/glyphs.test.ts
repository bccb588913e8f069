import { expect, test } from '@jest/globals';
import type { BBox, TextRun } from '../../model/document.js';
import { GlyphModel, glyphShapes, judgeWithDocumentShapes } from './glyphs.js';
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

test("the digit shapes veto a reading they contradict and confirm one they spell", () => {
  const { mask, cells } = page('000111550');
  const shapes = cells.map((cell) => glyphShapes(mask, cell, 20));
  const model = new GlyphModel();
  ['0', '0', '0', '1', '1', '1', '5'].forEach((digit, i) => model.learn(shapes[i]!, digit));
  const five = shapes[7]!;
  const zero = shapes[8]!;
  // Both tesseract models read the 5 as 3: one sample of 5 is enough to veto.
  expect(model.contradicts(five, '3')).toBe(true);
  expect(model.contradicts(five, '5')).toBe(false);
  expect(model.contradicts(zero, '0')).toBe(false);
  // A confirmation needs three samples of each digit: the 0 yes, the 5 (one sample) no.
  expect(model.confirms(zero, ['8', '0'])).toBe('0');
  expect(model.confirms(five, ['3', '5'])).toBeNull();
});

test("the document's shapes judge a page again: a page with one 5 learns from another page's 5s", () => {
  const first = page('5553');
  const second = page('55');
  const firstShapes = first.cells.map((cell) => glyphShapes(first.mask, cell, 20));
  const secondShapes = second.cells.map((cell) => glyphShapes(second.mask, cell, 20));
  const pageOne = new GlyphModel();
  firstShapes.slice(0, 3).forEach((s) => pageOne.learn(s, '5'));
  const pageTwo = new GlyphModel();
  pageTwo.learn(secondShapes[0]!, '5');
  const read = (text: string, confidence: number): TextRun => ({ text, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, confidence });
  const agreedWrong = read('3', 0.9);
  const unagreed = read('', 0.3);
  const issues = judgeWithDocumentShapes([
    { model: pageOne, checks: [] },
    { model: pageTwo, checks: [{ run: agreedWrong, shapes: secondShapes[1]!, agreed: true, candidates: ['3'] }, { run: unagreed, shapes: secondShapes[1]!, agreed: false, candidates: ['8', '5'] }] },
  ]);
  expect(agreedWrong.confidence).toBeLessThan(0.75);
  expect(unagreed).toMatchObject({ text: '5', confidence: 0.8 });
  expect(issues.map((i) => i.code)).toEqual(['ocr_digit_shapes']);
});
