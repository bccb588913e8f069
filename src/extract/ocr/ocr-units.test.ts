import { describe, expect, test } from '@jest/globals';
import type { InkMask } from './raster.js';
import { estimateSkew, findRules } from './geometry.js';
import { inkBox, startsWithMinus } from './ink.js';
import { digitsFromLookAlikes, removeHanSpaces } from './text-fix.js';

/** A blank mask with strokes drawn by `draw(set)`. */
function mask(width: number, height: number, draw: (set: (x: number, y: number) => void) => void): InkMask {
  const data = new Uint8Array(width * height);
  draw((x, y) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi >= 0 && yi >= 0 && xi < width && yi < height) data[yi * width + xi] = 1;
  });
  return { width, height, data };
}

const bar = (set: (x: number, y: number) => void, x0: number, y0: number, x1: number, y1: number): void => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y);
};

describe('OCR text clean-up', () => {
  test('spaces between Han characters go; spaces between numbers stay', () => {
    expect(removeHanSpaces('本 年 新 制作 数量')).toBe('本年新制作数量');
    expect(removeHanSpaces('（ 三 ） 不予 公开')).toBe('（三）不予公开');
    expect(removeHanSpaces('12  34')).toBe('12 34');
  });

  test('look-alikes map to digits only when the whole cell then spells a number', () => {
    expect(digitsFromLookAlikes('1O')).toBe('10');
    expect(digitsFromLookAlikes('l2〇')).toBe('120');
    expect(digitsFromLookAlikes('了')).toBe('7');
    expect(digitsFromLookAlikes('无')).toBeNull();
    expect(digitsFromLookAlikes('O公开')).toBeNull();
  });
});

describe('page geometry', () => {
  test('skew of lines falling to the right is found within 0.1°', () => {
    const tan = Math.tan((1.5 * Math.PI) / 180);
    const m = mask(1200, 1200, (set) => {
      for (let line = 100; line < 1100; line += 40) for (let x = 100; x < 1100; x++) for (let t = 0; t < 3; t++) if (x % 30 < 22) set(x, line + t + x * tan);
    });
    expect(Math.abs(estimateSkew(m) - 1.5)).toBeLessThanOrEqual(0.1);
  });

  test('rules are found; a line of text is not a rule', () => {
    const m = mask(800, 600, (set) => {
      bar(set, 50, 100, 750, 103); // horizontal rule
      bar(set, 50, 300, 750, 302);
      bar(set, 50, 100, 53, 300); // vertical rules
      bar(set, 400, 100, 402, 300);
      for (let x = 100; x < 380; x += 32) bar(set, x, 150, x + 24, 153); // strokes of text
    });
    const rules = findRules(m, m, 30);
    expect(rules.filter((r) => r.orientation === 'h').map((r) => r.position)).toEqual([101, 300.5]);
    expect(rules.filter((r) => r.orientation === 'v').map((r) => r.position)).toEqual([51, 400.5]);
  });
});

describe('cell ink', () => {
  const height = 30;
  test('a slash and a dash are printed blanks; specks and rule remnants are not ink', () => {
    const slash = mask(100, 60, (set) => {
      for (let y = 15; y < 45; y++) bar(set, 60 - (y - 15) * 0.6, y, 63 - (y - 15) * 0.6, y + 1);
    });
    expect(inkBox(slash, { x0: 0, y0: 0, x1: 100, y1: 60 }, height)).toBeNull();
    const dash = mask(100, 60, (set) => bar(set, 30, 29, 70, 32));
    expect(inkBox(dash, { x0: 0, y0: 0, x1: 100, y1: 60 }, height)).toBeNull();
    const noise = mask(100, 60, (set) => {
      bar(set, 0, 0, 100, 2); // a piece of the rule above
      bar(set, 80, 40, 82, 42); // a speck
    });
    expect(inkBox(noise, { x0: 0, y0: 0, x1: 100, y1: 60 }, height)).toBeNull();
  });

  test('a digit keeps its tight box; a minus sign before digits is seen', () => {
    const seven = mask(100, 60, (set) => {
      bar(set, 40, 15, 58, 18); // the bar of a 7
      for (let y = 18; y < 45; y++) bar(set, 56 - (y - 18) * 0.5, y, 59 - (y - 18) * 0.5, y + 1);
    });
    expect(inkBox(seven, { x0: 0, y0: 0, x1: 100, y1: 60 }, height)).toEqual({ x0: 40, y0: 15, x1: 59, y1: 45 });
    const minusNine = mask(120, 60, (set) => {
      bar(set, 20, 29, 32, 32);
      bar(set, 40, 15, 56, 45);
    });
    expect(startsWithMinus(minusNine, { x0: 0, y0: 0, x1: 120, y1: 60 }, height)).toBe(true);
    const nine = mask(120, 60, (set) => bar(set, 40, 15, 56, 45));
    expect(startsWithMinus(nine, { x0: 0, y0: 0, x1: 120, y1: 60 }, height)).toBe(false);
  });
});
