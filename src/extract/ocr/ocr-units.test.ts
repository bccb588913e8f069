import { describe, expect, test } from '@jest/globals';
import type { InkMask } from './raster.js';
import { closeOpenEnds, eraseRules, findRules, skewOfSamples, skewSampleStep } from './geometry.js';
import sharp from 'sharp';
import { adaptiveMasks, stackCrops, textInkSamples, type Raster } from './raster.js';
import { cellInk, digitsOnly, faintInkBeside, faintTextBox, grownAlongLine, faintDigitBeside, faintMinusBefore, hasBlankMarkShape, holdsFaintCharacter, inkBox, isLoneStroke, startsWithMinus } from './ink.js';
import { emptyStretches, wordRows } from './empty-stretches.js';
import { digitsFromLookAlikes, removeHanSpaces, withOnesLeftOut } from './text-fix.js';

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
  test('a reading with 1s left out of a number (the Chinese reader drops thin 1s), and nothing else', () => {
    expect(withOnesLeftOut('+11', '+1')).toBe(true);
    expect(withOnesLeftOut('+11', '+')).toBe(true);
    expect(withOnesLeftOut('2101', '20')).toBe(true);
    expect(withOnesLeftOut('11', '11')).toBe(false);
    expect(withOnesLeftOut('17', '7')).toBe(true);
    expect(withOnesLeftOut('17', '1')).toBe(false);
    expect(withOnesLeftOut('37', '31')).toBe(false);
    expect(withOnesLeftOut('121', '22')).toBe(false);
  });

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
    // The mask as a page image: ink black on white paper.
    const raster = { width: m.width, height: m.height, data: m.data.map((ink) => (ink ? 0 : 255)) };
    const step = skewSampleStep(raster.width, raster.height);
    const samples = textInkSamples(raster, step);
    expect(Math.abs(skewOfSamples(samples, raster.height, step) - 1.5)).toBeLessThanOrEqual(0.1);
    // The samples are the text mask's pixels on the step grid, no more, no fewer.
    const text = adaptiveMasks(raster).text;
    const expected: number[] = [];
    for (let y = 0; y < text.height; y += step) for (let x = 0; x < text.width; x += step) if (text.data[y * text.width + x] === 1) expected.push(x, y);
    expect(Array.from(samples)).toEqual(expected);
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

describe('a table split across pages', () => {
  const h = (position: number, start = 100, end = 700) => ({ orientation: 'h' as const, position, start, end });
  const v = (position: number, start: number, end: number) => ({ orientation: 'v' as const, position, start, end });
  test('vertical rules that run on past the last rule and stop together close the last row', () => {
    const open = [h(100), h(200), h(300), h(310, 150, 220), v(100, 100, 360), v(400, 100, 361), v(700, 100, 359)];
    expect(closeOpenEnds(open, 30).filter((e) => e.orientation === 'h').map((e) => e.position)).toEqual([100, 200, 300, 310, 360]);
  });
  test('a closed table, or verticals ending at different places, gets no rule', () => {
    const closed = [h(100), h(200), h(300), v(100, 100, 300), v(400, 100, 300), v(700, 100, 300)];
    expect(closeOpenEnds(closed, 30)).toHaveLength(closed.length);
    const ragged = [h(100), h(200), v(100, 100, 260), v(400, 100, 330), v(700, 100, 400)];
    expect(closeOpenEnds(ragged, 30)).toHaveLength(ragged.length);
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
    // A speck of noise at mid-height, or a bar far off to the left (a wiped rule's end), is no minus.
    const speckNine = mask(120, 60, (set) => {
      bar(set, 28, 29, 34, 31);
      bar(set, 40, 15, 56, 45);
    });
    expect(startsWithMinus(speckNine, { x0: 0, y0: 0, x1: 120, y1: 60 }, height)).toBe(false);
    const farBarNine = mask(120, 60, (set) => {
      bar(set, 4, 29, 16, 32);
      bar(set, 40, 15, 56, 45);
    });
    expect(startsWithMinus(farBarNine, { x0: 0, y0: 0, x1: 120, y1: 60 }, height)).toBe(false);
  });

  test('a rule left inside a cell is wiped even where it touches a digit; a tall 1 in a tall cell stays text', () => {
    // A vertical rule the page's rule finder missed, along the cell's left edge, touching a 2.
    const remnant = mask(100, 120, (set) => {
      bar(set, 2, 0, 4, 120);
      bar(set, 4, 50, 20, 53); // the 2's foot reaches the rule
      bar(set, 8, 30, 20, 50);
    });
    expect(inkBox(remnant, { x0: 0, y0: 0, x1: 100, y1: 120 }, 20)).toEqual({ x0: 4, y0: 30, x1: 20, y1: 53 });
    // The corner of two crossing rules, and a piece of rule broken by noise, near a 16.
    const leftovers = mask(140, 156, (set) => {
      bar(set, 4, 33, 40, 61); // the digits
      bar(set, 137, 60, 140, 156); // a broken piece of the right rule, 96 px of a 156 px cell
      bar(set, 100, 153, 140, 156); // with the bottom rule: a corner
    });
    expect(inkBox(leftovers, { x0: 0, y0: 0, x1: 140, y1: 156 }, 28)).toEqual({ x0: 4, y0: 33, x1: 40, y1: 61 });
    // A serif 1 taller than the page's usual text (a table printed larger) is not a rule.
    const tallOne = mask(70, 112, (set) => {
      bar(set, 18, 47, 21, 70);
      bar(set, 16, 68, 23, 70);
    });
    expect(cellInk(tallOne, { x0: 0, y0: 0, x1: 70, y1: 112 }, 14)).toMatchObject({ kind: 'text' });
  });

  test('a lone upright stroke is told from a 7 and from two digits', () => {
    const one = mask(60, 60, (set) => {
      bar(set, 28, 15, 31, 45);
      bar(set, 25, 15, 28, 18); // the flag
      bar(set, 24, 43, 35, 45); // the serif foot
    });
    expect(isLoneStroke(one, { x0: 0, y0: 0, x1: 60, y1: 60 })).toBe(true);
    const seven = mask(60, 60, (set) => {
      bar(set, 20, 15, 36, 18);
      for (let y = 18; y < 45; y++) bar(set, 34 - (y - 18) * 0.4, y, 37 - (y - 18) * 0.4, y + 1);
    });
    expect(isLoneStroke(seven, { x0: 0, y0: 0, x1: 60, y1: 60 })).toBe(false);
    const eleven = mask(60, 60, (set) => {
      bar(set, 20, 15, 23, 45);
      bar(set, 30, 15, 33, 45);
    });
    expect(isLoneStroke(eleven, { x0: 0, y0: 0, x1: 60, y1: 60 })).toBe(false);
    // A 4 whose bar the mask broke off: the box holds only the stem, but the bar is beside it.
    const brokenFour = mask(60, 60, (set) => {
      bar(set, 32, 15, 35, 45);
      bar(set, 20, 34, 29, 37);
    });
    expect(isLoneStroke(brokenFour, { x0: 31, y0: 14, x1: 36, y1: 46 })).toBe(false);
  });
});

describe('faint and broken ink', () => {
  test('a dash the threshold broke into pieces along one line is still a dash', () => {
    const dash = mask(80, 60, (set) => {
      bar(set, 20, 30, 30, 32);
      bar(set, 33, 30, 50, 32);
    });
    expect(cellInk(dash, { x0: 0, y0: 0, x1: 80, y1: 60 }, 20)).toMatchObject({ kind: 'mark' });
    // One piece a speck (3×2, office-009): it is part of the bar, and of the mark's box.
    const speckAndBar = mask(100, 72, (set) => {
      bar(set, 6, 15, 9, 17);
      bar(set, 10, 15, 28, 17);
    });
    expect(cellInk(speckAndBar, { x0: 0, y0: 0, x1: 100, y1: 72 }, 19)).toEqual({ kind: 'mark', shape: 'dash', box: { x0: 6, y0: 15, x1: 28, y1: 17 } });
    // A speck beside the bar but below its rows may be a faint digit broken up: not a dash.
    const brokenSeven = mask(100, 72, (set) => {
      bar(set, 10, 15, 28, 17);
      bar(set, 25, 18, 28, 21);
    });
    expect(cellInk(brokenSeven, { x0: 0, y0: 0, x1: 100, y1: 72 }, 19)).toEqual({ kind: 'faint' });
  });

  test('a character printed too lightly for the text mask is found in the faint mask; noise and a dash are not', () => {
    const three = mask(80, 60, (set) => {
      bar(set, 30, 18, 40, 20);
      bar(set, 38, 18, 40, 40);
      bar(set, 30, 28, 40, 30);
      bar(set, 30, 38, 40, 40);
      set(5, 5);
      set(70, 50);
    });
    expect(faintTextBox(three, { x0: 0, y0: 0, x1: 80, y1: 60 }, 20)).toEqual({ x0: 30, y0: 18, x1: 40, y1: 40 });
    const noise = mask(80, 60, (set) => {
      for (let i = 0; i < 40; i++) set((i * 37) % 80, (i * 23) % 60);
      bar(set, 20, 30, 50, 32);
    });
    expect(faintTextBox(noise, { x0: 0, y0: 0, x1: 80, y1: 60 }, 20)).toBeNull();
  });
});

describe('wiping rules out of the text', () => {
  test('a rule drifting from its mean position is wiped along its whole length; a digit beside it stays', () => {
    // A vertical rule 3 px thick that drifts 8 px over 1000 px (0.46°: what deskewing can leave), and a digit 12 px from it.
    const drift = (y: number) => 100 + (y * 8) / 1000;
    const page = mask(200, 1000, (set) => {
      for (let y = 0; y < 1000; y++) bar(set, drift(y), y, drift(y) + 3, y + 1);
      bar(set, 120, 900, 123, 930);
    });
    const [rule] = findRules(page, page, 20).filter((e) => e.orientation === 'v');
    expect(rule).toBeDefined();
    const wiped = eraseRules(page, [rule!], 1.6);
    const left = (x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < 1000; y++) for (let x = x0; x < x1; x++) n += wiped.data[y * 200 + x] ?? 0;
      return n;
    };
    expect(left(90, 115)).toBe(0);
    expect(left(118, 125)).toBe(3 * 30);
  });
});

describe('a number broken by the text mask', () => {
  test('a digit the text mask broke into specks is taken back into the box from the faint mask; noise apart from it is not', () => {
    // "233" of 12 px high digits: the text mask holds the two 3s, the faint mask all three, and a speck far right.
    const digit = (set: (x: number, y: number) => void, x: number): void => {
      bar(set, x, 10, x + 8, 12);
      bar(set, x + 6, 10, x + 8, 22);
      bar(set, x, 20, x + 8, 22);
    };
    const text = mask(120, 40, (set) => {
      digit(set, 30);
      digit(set, 41);
    });
    const faint = mask(120, 40, (set) => {
      digit(set, 19);
      digit(set, 30);
      digit(set, 41);
      bar(set, 100, 15, 103, 18);
    });
    const inner = { x0: 2, y0: 2, x1: 118, y1: 38 };
    const box = inkBox(text, inner, 14);
    expect(box).toEqual({ x0: 30, y0: 10, x1: 49, y1: 22 });
    expect(grownAlongLine(faint, box!, inner, 14)).toEqual({ x0: 19, y0: 10, x1: 49, y1: 22 });
  });

  test('faint ink in pieces beside a faint glyph makes its box unsure; pieces that make a glyph together join it; a speck of noise beside it does not', () => {
    // A faint "52": the 2 whole, the 5 in three pieces (top bar, body, foot), none a glyph of its own.
    const two = (set: (x: number, y: number) => void): void => {
      bar(set, 30, 10, 38, 12);
      bar(set, 36, 10, 38, 16);
      bar(set, 30, 15, 38, 17);
      bar(set, 30, 15, 32, 22);
      bar(set, 30, 20, 38, 22);
    };
    const inner = { x0: 2, y0: 2, x1: 118, y1: 38 };
    // The pieces lie a line apart at most: one glyph, the 5, and the box holds the whole 52.
    const fiftyTwo = mask(120, 40, (set) => {
      two(set);
      bar(set, 19, 10, 27, 12);
      bar(set, 19, 14, 27, 19);
      bar(set, 19, 20, 22, 22);
    });
    const whole = faintTextBox(fiftyTwo, inner, 14);
    expect(whole).toEqual({ x0: 19, y0: 10, x1: 38, y1: 22 });
    expect(faintInkBeside(fiftyTwo, whole!, inner, 14)).toBe(false);
    // Only the 5's top bar and foot, far apart: no glyph, but ink beside the 2 that may be a digit.
    const barAndFoot = mask(120, 40, (set) => {
      two(set);
      bar(set, 19, 10, 27, 12);
      bar(set, 19, 20, 24, 22);
    });
    const box = faintTextBox(barAndFoot, inner, 14);
    expect(box).toEqual({ x0: 30, y0: 10, x1: 38, y1: 22 });
    expect(faintInkBeside(barAndFoot, box!, inner, 14)).toBe(true);
    // A "2" with a 2×2 speck before it (the dot of a ".36").
    const speckled = mask(120, 40, (set) => {
      two(set);
      bar(set, 25, 19, 27, 21);
    });
    expect(faintInkBeside(speckled, faintTextBox(speckled, inner, 14)!, inner, 14)).toBe(false);
  });
});

describe('crops stacked for the readers', () => {
  /** A page of one paper grey with a dark digit-sized block on it. */
  const page = (paper: number, ink: number): Raster => {
    const data = new Uint8Array(100 * 40).fill(paper);
    for (let y = 10; y < 30; y++) for (let x = 40; x < 52; x++) data[y * 100 + x] = ink;
    return { width: 100, height: 40, data };
  };
  const stackedGreys = async (raster: Raster): Promise<{ paper: number; ink: number }> => {
    const stack = await stackCrops(raster, [{ box: { x0: 30, y0: 5, x1: 62, y1: 35 }, textHeight: 24 }], 24);
    const { data, info } = await sharp(stack.png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number => data[(y * info.width + x) * info.channels] ?? -1;
    // The crop sits at (gap, gap) in the stack, read at its own size.
    return { paper: at(stack.gap + 2, stack.gap + 2), ink: at(stack.gap + 15, stack.gap + 15) };
  };

  test('a crop on grey paper (the dark side of an unevenly lit page) is read as white paper and black ink', async () => {
    expect(await stackedGreys(page(150, 90))).toEqual({ paper: 255, ink: 0 });
  });

  test('a crop on light paper is read as printed: a light print keeps its greys', async () => {
    expect(await stackedGreys(page(240, 150))).toEqual({ paper: 240, ink: 150 });
  });
});

/**
 * The text mask ('#') and the faint mask ('#' and '+') of a cell, from rows of characters drawn
 * `top` rows into a `width` × `height` cell.
 */
function cellMasks(width: number, height: number, top: number, rows: readonly string[]): { text: InkMask; faint: InkMask } {
  const at = (marks: string): InkMask =>
    mask(width, height, (set) => rows.forEach((row, y) => [...row].forEach((ch, x) => marks.includes(ch) && set(x, top + y))));
  return { text: at('#'), faint: at('#+') };
}

describe('faint numbers are never printed blanks (#16 drawn-091 p1, drawn-063 p1)', () => {
  // The masks of drawn-091's 规章 row at 153 dpi (text height 23.3): a 55 and a 58 printed lightly.
  const fiftyFive = cellMasks(143, 29, 4, [
    '',
    '',
    '',
    '                     +',
    '      ++++++    +++++++',
    '      +++        ++++',
    '',
    '',
    '',
    '      +++++      ++++++',
    '       ++++++    ++++##+',
    '          +++        +##+',
    '           +#+        +#+',
    '           +#+        +#+',
    '           +++        +#+',
    '     +     ++  ++     ++',
    '     +          ++   +++',
    '                  +++++',
  ]);
  const fiftyEight = cellMasks(142, 29, 4, [
    '',
    '',
    '',
    '',
    '      ++++++',
    '      ++++      ++   ++',
    '                ++    ++',
    '                ++    ++',
    '                ++    ++',
    '      +++++     +##++++',
    '      +++++#+   +#####+',
    '          +#+   ++#####+',
    '           +#+  ++  ++##+',
    '            #++++     +#+',
    '            #++++      #+',
    '     +     +#+ +#+    +++',
    '     +    +++   ++   +++',
    '                 ++++++',
  ]);
  const th = 23.3;

  test('a faint 55 the lower contrast broke into bars and bodies is one glyph a digit: text, not a cell seen empty', () => {
    const inner = { x0: 0, y0: 0, x1: 143, y1: 29 };
    expect(cellInk(fiftyFive.text, inner, th).kind).toBe('empty');
    expect(faintTextBox(fiftyFive.faint, inner, th)).toEqual({ x0: 6, y0: 7, x1: 25, y1: 22 });
  });

  test("a faint 58 whose darkest middles make a flat 'dash' in the text mask: the digits around it are text", () => {
    const inner = { x0: 0, y0: 0, x1: 142, y1: 29 };
    const ink = cellInk(fiftyEight.text, inner, th);
    expect(ink.kind).toBe('mark');
    if (ink.kind !== 'mark') return;
    expect(faintTextBox(fiftyEight.faint, inner, th, ink.box)).toEqual({ x0: 6, y0: 8, x1: 25, y1: 22 });
    // A real dash, and its fatter faint ink, stays a dash.
    const dash = cellMasks(142, 29, 12, ['     ++++++++++++++', '     +############+', '     +############+', '     ++++++++++++++']);
    const dashInk = cellInk(dash.text, inner, th);
    expect(dashInk).toEqual({ kind: 'mark', box: { x0: 6, y0: 13, x1: 18, y1: 15 }, shape: 'dash' });
    if (dashInk.kind === 'mark') expect(faintTextBox(dash.faint, inner, th, dashInk.box)).toBeNull();
  });

  test("a reader's dash is a printed blank only on ink of a dash's or a slash's shape", () => {
    expect(hasBlankMarkShape(fiftyEight, { x0: 5, y0: 8, x1: 25, y1: 22 }, th)).toBe(false);
    expect(hasBlankMarkShape(fiftyFive, { x0: 5, y0: 7, x1: 25, y1: 22 }, th)).toBe(false);
    expect(hasBlankMarkShape(fiftyEight, { x0: 6, y0: 13, x1: 26, y1: 17 }, th)).toBe(true);
    const slash = mask(40, 40, (set) => {
      for (let y = 8; y < 30; y++) bar(set, 24 - (y - 8) * 0.5, y, 27 - (y - 8) * 0.5, y + 1);
    });
    const none = mask(40, 40, () => undefined);
    expect(hasBlankMarkShape({ text: slash, faint: slash }, { x0: 12, y0: 8, x1: 28, y1: 30 }, 23.3)).toBe(true);
    // office-013 (heavy, 150 dpi): a slash the text mask broke in two, whole in the faint mask.
    const broken = cellMasks(48, 30, 0, [
      '           ++', '          +#+', '          +#+', '          +#+', '         +#+', '         ##+', '        +#+', '        +++',
      '       +#+', '      ++#+', '      +#+', '     +##', '     +#+', '    +##+', '    +##', '    ##+', '   +#+', '   +#+', '  ++++',
    ]);
    expect(hasBlankMarkShape(broken, { x0: 2, y0: 0, x1: 13, y1: 20 }, 22.7)).toBe(true);
    // A slash printed lightly (drawn-063 p2's blanks): in the faint mask alone.
    expect(hasBlankMarkShape({ text: none, faint: slash }, { x0: 12, y0: 8, x1: 28, y1: 30 }, 23.3)).toBe(true);
  });

  test('a line is seen empty only where both masks hold no ink: the faint 55 (text-mask ink at x 12..23 only) breaks the stretch over all of x 5..24 (#16 empty-stretches.ts)', () => {
    const line = { box: { x0: 5, x1: 25, y0: 4, y1: 22 }, pieces: [] };
    expect(emptyStretches(fiftyFive.text, fiftyFive.faint, [line], 23.3).map((s) => [s.x0, s.x1])).toEqual([[25, 143]]);
    // The text mask alone would have called x 0..12 paper: a printed number read as blank.
    expect(emptyStretches(fiftyFive.text, fiftyFive.text, [line], 23.3).map((s) => [s.x0, s.x1])[0]).toEqual([0, 12]);
  });

  test('blanks are looked for in rows of words, not ink lines: drawn-052 p2 (text height 22) interleaves a wrapped label with a row of values', () => {
    const word = (x0: number, y0: number, y1: number): { x0: number; x1: number; y0: number; y1: number } => ({ x0, x1: x0 + 30, y0, y1 });
    // （二）部分公开's first label line, its values (0 32 无 16 0 48), the label's second line, the next row's values.
    const words = [word(100, 582, 604), word(300, 582, 604), word(659, 598, 615), word(735, 598, 616), word(808, 596, 618), word(100, 611, 633), word(300, 611, 633), word(659, 650, 672), word(735, 652, 669)];
    expect(wordRows(words, 22).map((r) => [r.box.y0, r.box.y1])).toEqual([[582, 604], [596, 618], [611, 633], [650, 672]]);
  });
});

describe('faint digits beside a number and under a blank (#16 drawn-063 p1, drawn-115 p2)', () => {
  test('a faint 36 whose 3 lost its top is too low to read but is ink of a character: never a cell seen empty', () => {
    // drawn-063 p1, 本年废止件数 of 行政规范性文件 at 130 dpi (text height 23.1): nothing in the text mask
    // but specks, the faint mask holding the 36 eleven pixels high.
    const thirtySix = cellMasks(132, 30, 10, [
      '                 +',
      '+     +     +    ++',
      '      ++   ++',
      '      ++  +++',
      '     ++   +#++++++',
      '   ++++   ###++++++',
      '    ++++ +###   +#+',
      '     +++++##+    +#+',
      '      +++++#+    +#+',
      '      +++++++    +++',
      '+     +++  ++    ++',
      '      +     +    +',
    ]);
    const inner = { x0: 0, y0: 0, x1: 132, y1: 30 };
    expect(cellInk(thirtySix.text, inner, 23.1).kind).toBe('empty');
    expect(faintTextBox(thirtySix.faint, inner, 23.1)).toBeNull();
    expect(holdsFaintCharacter(thirtySix.faint, inner, 23.1)).toBe(true);
    // Noise of the same page's paper is no character.
    const noise = mask(132, 30, (set) => {
      for (let i = 0; i < 60; i++) bar(set, (i * 37) % 130, (i * 17) % 28, ((i * 37) % 130) + 2, ((i * 17) % 28) + 2);
    });
    expect(holdsFaintCharacter(noise, inner, 23.1)).toBe(false);
  });

  test('the 5 of a 15 printed too lightly for the text mask makes the 1 that alone made the word unsure; short of it, nothing does', () => {
    // drawn-115 p2 (a photo turned 90°, text height 26.9): 属于国家秘密, 自然人: the 1 in the text
    // mask, the 5 almost all faint, 6 px to its right.
    const fifteen = cellMasks(60, 30, 5, [
      '',
      '           ...+.       .+++++++..',
      '          ..####.     ..+++#+++..',
      '           .+###.     ..+.......',
      '             +##.     ....',
      '             +##.     ...',
      '             +##.     .........',
      '             +##.     .++++++++.',
      '             +##.     ..++++####.',
      '             +##.      ......+##+',
      '             +##.            .+##.',
      '             +##.      .      +##+',
      '             +##.     ...     +##.',
      '             +##.    .++.     +##.',
      '           ..+##..   .+++.. ..+#+.',
      '           .+###+..   .+++++++++.',
      '           ..+#++..    ...++++..',
    ].map((row) => row.replace(/\./g, ' ')));
    const one = { x0: 12, y0: 7, x1: 17, y1: 22 };
    expect(digitsOnly(fifteen.text, one, 26.9)).toBe(true);
    expect(faintDigitBeside(fifteen.faint, one, { x0: 0, y0: 0, x1: 60, y1: 30 }, 26.9)).toBe(true);
    // The look stops short of the next word on the line: the 5 is not seen, nothing else is there.
    expect(faintDigitBeside(fifteen.faint, one, { x0: 0, y0: 0, x1: 20, y1: 30 }, 26.9)).toBe(false);
    // The 5 itself, read with the 1 (a box over both), has no faint digit beside it.
    expect(faintDigitBeside(fifteen.faint, { x0: 12, y0: 7, x1: 34, y1: 22 }, { x0: 0, y0: 0, x1: 60, y1: 30 }, 26.9)).toBe(false);
  });
});

describe('a faint minus before a number (#16 drawn-052 p1: "-3" in 2019 二\'s 本年增/减 read "3")', () => {
  // The masks around the number as drawn-052 p1 gave them (blur 1, text height 20): the minus a
  // 5-px faint bar at the 3's middle height, 3 px before it; the word held the 3 alone.
  const minusThree = cellMasks(37, 18, 0, [
    '                    ++######+        ',
    '                    ####+####+       ',
    '                    ##+...####       ',
    '                    +.....+###       ',
    '                          +###       ',
    '                         +####       ',
    '                       +#####+       ',
    '                       #######       ',
    '            +++        +######       ',
    '           +###+          +####      ',
    '            +++            ####      ',
    '                   ++      ####      ',
    '                   +##+   +###+      ',
    '                   +##########       ',
    '                    +#######+        ',
    '                      ++++++         ',
  ]);
  const three = { x0: 19, y0: 0, x1: 31, y1: 16 };
  const line = { x0: 0, y0: 0, x1: 37, y1: 18 };

  test('makes the number unsure: its sign may be lost', () => {
    expect(faintMinusBefore(minusThree.faint, three, line, 20)).toBe(true);
  });

  test('a bar at the foot of the line (an underline, a rule remnant) or far before the number is no minus', () => {
    const low = cellMasks(37, 18, 0, ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '           ++++++            ']);
    expect(faintMinusBefore(low.faint, three, line, 20)).toBe(false);
    const far = cellMasks(60, 18, 0, ['', '', '', '', '', '', '', '', '', '  ++++++                             ']);
    expect(faintMinusBefore(far.faint, { x0: 40, y0: 0, x1: 52, y1: 16 }, { x0: 0, y0: 0, x1: 60, y1: 18 }, 20)).toBe(false);
  });
});

describe('text ink of faint print', () => {
  /**
   * A page of paper at `paper` with ten rows of blurred strokes 5 px across: `depth` below the paper at
   * the core, 0.7 of it on either side, 0.3 at the edges (a photo's blur spreads a thin stroke so).
   */
  const strokes = (paper: number, depth: number): Raster => {
    const width = 400;
    const height = 300;
    const data = new Uint8Array(width * height).fill(paper);
    const profile = [0.3, 0.7, 1, 0.7, 0.3];
    for (let y = 50; y < 250; y += 20) for (let x = 40; x < 360; x++) if (x % 24 < 16) profile.forEach((share, t) => (data[(y + t) * width + x] = Math.round(paper - depth * share)));
    return { width, height, data };
  };
  const inkPixels = (raster: Raster): number => adaptiveMasks(raster).text.data.reduce((n, v) => n + v, 0);
  /** The strokes' cores and the pixels either side: 3 px of each stroke's 5. */
  const strokeMiddles = 10 * Array.from({ length: 320 }, (_, k) => k + 40).filter((x) => x % 24 < 16).length * 3;

  test('the strokes of a blurred photo (90 below paper at 215) are text ink three pixels across, as crisp ones are (drawn-015 p3)', () => {
    expect(inkPixels(strokes(235, 215))).toBeGreaterThanOrEqual(strokeMiddles);
    // At the usual contrast (60 below the local mean) only their cores were: the text was specks.
    expect(inkPixels(strokes(215, 90))).toBeGreaterThanOrEqual(strokeMiddles);
  });

  test('on a page of crisp print a smudge 50 below the paper stays paper', () => {
    const page = strokes(255, 255);
    for (let y = 270; y < 280; y++) for (let x = 100; x < 110; x++) page.data[y * page.width + x] = 205;
    expect(adaptiveMasks(page).text.data[275 * page.width + 105]).toBe(0);
  });
});
