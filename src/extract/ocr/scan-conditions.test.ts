/**
 * The page preparation for scans as they come (issue 16): dark scanner edges and a photo's desk,
 * perspective, character strokes taken for rules, the text height of a screenshot, a page lying on its side.
 */
import { describe, expect, test } from '@jest/globals';
import type { Edge } from '../../model/document.js';
import { withoutDarkBorders } from './borders.js';
import { hasColumnRule } from './geometry.js';
import { homography, warp, type Quad } from './perspective.js';
import { preparePage } from './page.js';
import { adaptiveMasks, rotateRaster, type Raster } from './raster.js';
import { withoutStrayStrokes } from './stray-strokes.js';
import { measuredTextHeight } from './text-height.js';
import { inkLines, sidewaysLines } from './text-lines.js';

/** A white page with black boxes drawn on it. */
function page(width: number, height: number, boxes: readonly [number, number, number, number, number?][]): Raster {
  const data = new Uint8Array(width * height).fill(245);
  for (const [x0, y0, x1, y1, grey = 0] of boxes) for (let y = y0; y < y1; y++) data.fill(grey, y * width + x0, y * width + x1);
  return { width, height, data };
}

/** Lines of "glyphs": 14×18 blocks with 4-pixel gaps, like a line of digits. */
function textLines(x: number, y: number, lines: number, perLine: number, glyph = 18): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  for (let l = 0; l < lines; l++) for (let k = 0; k < perLine; k++) boxes.push([x + k * (glyph + 4), y + l * glyph * 2, x + k * (glyph + 4) + Math.round(glyph * 0.7), y + l * glyph * 2 + glyph]);
  return boxes;
}

const darkAt = (r: Raster, x: number, y: number): boolean => (r.data[y * r.width + x] as number) < 128;

describe('dark borders', () => {
  test('a scanner edge down the left side is painted paper; the text beside it stays', async () => {
    const scan = page(800, 1100, [[0, 0, 40, 1100, 30], ...textLines(120, 100, 10, 20)]);
    const clean = await withoutDarkBorders(scan);
    expect(darkAt(scan, 10, 500)).toBe(true);
    expect(darkAt(clean, 10, 500)).toBe(false);
    expect(darkAt(clean, 125, 105)).toBe(true);
  });

  test('a shadow fading into the paper along the right side leaves no line of ink where its dark part ends (#16 drawn-059 p2)', async () => {
    // As the drawn scans' soft shadow: grey 48 at the border rising linearly to white over 5% of
    // the width, on paper with the scanner's noise (σ 12). Its outer part is dark enough to be
    // painted over, its inner part is not: painted white, the step between them was ink down the page.
    const scan = page(800, 1100, textLines(120, 100, 10, 20));
    const depth = 40;
    let seed = 7;
    const uniform = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
    for (let y = 0; y < scan.height; y++) {
      for (let x = 0; x < scan.width; x++) {
        const i = y * scan.width + x;
        const shade = x >= scan.width - depth ? (48 + ((scan.width - 1 - x) / depth) * 207) / 255 : 1;
        const noise = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) * 12;
        scan.data[i] = Math.max(0, Math.min(255, Math.round((scan.data[i] as number) * shade + noise)));
      }
    }
    const clean = await withoutDarkBorders(scan);
    const { text } = adaptiveMasks(clean);
    // Rows with ink in the band where the shadow was: a line down the page would be ink in most.
    let inkedRows = 0;
    for (let y = 0; y < text.height; y++) {
      let inked = false;
      for (let x = scan.width - depth - 20; x < scan.width; x++) if (text.data[y * text.width + x] === 1) inked = true;
      if (inked) inkedRows++;
    }
    expect(inkedRows).toBeLessThan(text.height * 0.05);
    // The text beside it stays.
    expect(darkAt(clean, 125, 105)).toBe(true);
  });

  test('a table screenshot whose rules run to the image border is left alone', async () => {
    const rules: [number, number, number, number][] = [[0, 0, 600, 2], [0, 60, 600, 62], [0, 120, 600, 122], [0, 0, 2, 122], [598, 0, 600, 122], [300, 0, 302, 122]];
    const shot = page(600, 122, [...rules, ...textLines(10, 20, 1, 10), ...textLines(310, 80, 1, 10)]);
    const clean = await withoutDarkBorders(shot);
    expect(clean.data).toEqual(shot.data);
  });

  test('a photographed sheet on a desk is mapped back onto an upright rectangle', async () => {
    // A sheet whose corners lean in: the desk (grey 60) shows around it.
    const width = 800;
    const height = 1100;
    const sheet = page(width, height, [[100, 100, 700, 104]]);
    const quad: Quad = [40, 30, 770, 60, 740, 1070, 20, 1040];
    const photo = { width, height, data: warp(sheet.data, { width, height, channels: 1 }, homography(quad, [0, 0, width, 0, width, height, 0, height]), { width, height }, 60) };
    expect(darkAt(photo, 5, 5)).toBe(true);
    const straight = await withoutDarkBorders(photo);
    // No desk left in the corners, and the sheet's rule is level again: its two ends on one row.
    expect(darkAt(straight, 3, 3)).toBe(false);
    expect(darkAt(straight, straight.width - 3, straight.height - 3)).toBe(false);
    const rowOf = (x: number): number => {
      for (let y = 0; y < straight.height; y++) if (darkAt(straight, x, y)) return y;
      return -1;
    };
    const left = rowOf(Math.round(straight.width * 0.2));
    const right = rowOf(Math.round(straight.width * 0.8));
    expect(left).toBeGreaterThan(0);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(Math.round(straight.height * 0.01));
  });
});

describe('homography', () => {
  test('maps each corner onto its corner', () => {
    const from: Quad = [0, 0, 100, 0, 100, 200, 0, 200];
    const to: Quad = [3, 5, 97, 1, 104, 196, -2, 203];
    const h = homography(from, to);
    for (let i = 0; i < 4; i++) {
      const [x, y] = [from[2 * i] as number, from[2 * i + 1] as number];
      const w = (h[6] as number) * x + (h[7] as number) * y + (h[8] as number);
      expect(((h[0] as number) * x + (h[1] as number) * y + (h[2] as number)) / w).toBeCloseTo(to[2 * i] as number, 6);
      expect(((h[3] as number) * x + (h[4] as number) * y + (h[5] as number)) / w).toBeCloseTo(to[2 * i + 1] as number, 6);
    }
  });
});

describe('stray strokes', () => {
  const h = (position: number, start: number, end: number): Edge => ({ orientation: 'h', position, start, end });
  const v = (position: number, start: number, end: number): Edge => ({ orientation: 'v', position, start, end });
  test("a character's stroke between two row rules goes; a cell's side from rule to rule and a long rule stay", () => {
    const edges = [h(100, 0, 1000), h(160, 0, 1000), v(300, 108, 152), v(500, 100, 160), v(900, 0, 400)];
    expect(withoutStrayStrokes(edges, 20)).toEqual([h(100, 0, 1000), h(160, 0, 1000), v(500, 100, 160), v(900, 0, 400)]);
  });

  test("a line of characters' middle strokes joined from a column rule to the next goes; a short rule between two rows stays", () => {
    // 四's first group column on a 110 dpi screenshot (drawn-030): 结果维持 set close to the column
    // rule at x 100, its middle strokes joined into a run from rule to rule at y 123, between the
    // row rules at 101 and 150; the glyphs' upright strokes cross it. Below, a real short rule at
    // 200 between two low rows (rules at 175 and 225, as close as the stroke's), whose text stops short of it.
    const glyphs: [number, number, number, number][] = [];
    for (let k = 0; k < 4; k++) {
      const x = 106 + k * 26;
      glyphs.push([x, 122, x + 24, 125], [x + 4, 109, x + 7, 135], [x + 16, 109, x + 19, 135]);
    }
    const raster = page(400, 300, [...glyphs, [106, 180, 190, 195], [106, 205, 190, 220], [100, 199, 212, 202]]);
    const text = { width: raster.width, height: raster.height, data: raster.data.map((g) => (g < 128 ? 1 : 0)) };
    const rows = [h(101, 0, 400), h(150, 0, 400), h(175, 0, 400), h(225, 0, 400)];
    const columns = [v(100, 0, 300), v(212, 0, 300)];
    const edges = [...rows, ...columns, h(123, 98, 212), h(200, 100, 212)];
    expect(withoutStrayStrokes(edges, 30, text)).toEqual([...rows, ...columns, h(200, 100, 212)]);
  });
});

describe('column rules', () => {
  const v = (position: number, start: number, end: number): Edge => ({ orientation: 'v', position, start, end });
  const grid = { xs: [100, 400, 900], ys: [100, 160, 220, 280, 340, 400], bbox: { x0: 100, x1: 900, y0: 100, y1: 400 }, cells: [] };
  test("a table's grid has a rule down most of its height; one framed by strokes chained over two rows has none", () => {
    expect(hasColumnRule(grid, [v(100, 100, 400), v(470, 150, 230)], 5)).toBe(true);
    // The numbering 1. 2. 3. down the labels, chained into "rules" two or three rows long (drawn-061).
    expect(hasColumnRule(grid, [v(470, 150, 230), v(470, 260, 380), v(820, 100, 160)], 5)).toBe(false);
  });
});

describe('text height', () => {
  test('measured from the glyphs, whatever the image size says', () => {
    const shot = page(500, 300, textLines(20, 20, 5, 18, 22));
    const measured = measuredTextHeight(shot)!;
    expect(measured).toBeGreaterThan(22);
    expect(measured).toBeLessThan(30);
  });

  test('too few glyphs to tell: null', () => {
    expect(measuredTextHeight(page(500, 300, textLines(20, 20, 1, 5)))).toBeNull();
  });
});

describe('pages lying on their side', () => {
  // An A4 page at 150 dpi, text 22 px high, set as print is: Han characters square with 2 px
  // between them, digits 12 px wide with 1 px between them.
  const glyphs = (x: number, y: number, count: number, width: number, gap: number): [number, number, number, number][] =>
    Array.from({ length: count }, (_, k) => [x + k * (width + gap), y, x + k * (width + gap) + width, y + 22] as [number, number, number, number]);
  // A table without vertical rules: 24 rows of a label and six numbers.
  const tableRows = (): [number, number, number, number][] => {
    const boxes: [number, number, number, number][] = [];
    for (let row = 0; row < 24; row++) {
      const y = 300 + row * 44;
      boxes.push(...glyphs(120, y, 10, 22, 2));
      for (let column = 0; column < 6; column++) boxes.push(...glyphs(460 + column * 110, y, 4, 12, 1));
    }
    return boxes;
  };
  // A page of prose: 24 lines running across the page.
  const proseRows = (): [number, number, number, number][] => Array.from({ length: 24 }, (_, line) => glyphs(120, 300 + line * 44, 40, 22, 2)).flat();

  test('upright, a table lying on its side shows few lines of text; turned, its 24 rows', async () => {
    const turned = await rotateRaster(page(1240, 1754, tableRows()), 90);
    const mask = { width: turned.width, height: turned.height, data: turned.data.map((grey) => (grey < 128 ? 1 : 0)) };
    const whole = { x0: 0, y0: 0, x1: mask.width, y1: mask.height };
    expect(inkLines(mask, whole, 22).length).toBeLessThan(8);
    expect(sidewaysLines(mask, 22)).toHaveLength(24);
    // The page upright: its rows are lines, and turned it shows none of them.
    const upright = page(1240, 1754, tableRows());
    const uprightMask = { width: upright.width, height: upright.height, data: upright.data.map((grey) => (grey < 128 ? 1 : 0)) };
    expect(inkLines(uprightMask, { x0: 0, y0: 0, x1: upright.width, y1: upright.height }, 22)).toHaveLength(24);
    expect(sidewaysLines(uprightMask, 22).length).toBeLessThan(8);
  });

  test('a table turned 270° is turned 90° more and read by its words: its 24 rows are lines again', async () => {
    // (Upright or upside down is for the reading to say: readPreparedPage's samples.)
    const prepared = await preparePage(await rotateRaster(page(1240, 1754, tableRows()), 270));
    expect(prepared.turned).toBe(90);
    expect(prepared.read.source).toBe('words');
    expect(prepared.read.lines).toHaveLength(24);
  });

  test('a page of prose stays upright: turned it shows no table', async () => {
    const prepared = await preparePage(page(1240, 1754, proseRows()));
    expect(prepared.turned).toBe(0);
    expect(prepared.read.source).toBe('none');
  });
});

describe('grids of characters (#16 drawn-115 p3)', () => {
  // A table ruled with horizontal lines only: 10 rows of a label and six numbers between rules; over
  // five of its rows, upright strokes `apart` px apart from `from` run from rule to rule (characters'
  // strokes chained into short "rules", as a photo's label column made them: 22–28 px apart, text 26
  // high; or column rules between the values).
  const ruledRows = (apart: number, from = 300, count = 4): Raster => {
    const boxes: [number, number, number, number][] = [];
    for (let row = 0; row <= 10; row++) boxes.push([100, 300 + row * 44, 1140, 302 + row * 44]);
    for (let row = 0; row < 10; row++) {
      const y = 300 + row * 44 + 12;
      for (let k = 0; k < 6; k++) boxes.push([120 + k * 24, y, 140 + k * 24, y + 20]);
      for (let column = 0; column < 6; column++) for (let k = 0; k < 3; k++) boxes.push([560 + column * 96 + k * 14, y + 2, 570 + column * 96 + k * 14, y + 18]);
    }
    for (let k = 0; k < count; k++) boxes.push([from + k * apart, 300, from + 2 + k * apart, 522]);
    return page(1240, 1754, boxes);
  };

  test('upright strokes a character apart make no table grid: the page is read by its words', async () => {
    const prepared = await preparePage(ruledRows(25));
    expect(prepared.prepared.grids).toHaveLength(0);
    expect(prepared.read.source).toBe('words');
  });

  test('rules a column apart between the values do; the rows below that grid, which no rule crosses, are read by their words', async () => {
    const prepared = await preparePage(ruledRows(96, 548, 7));
    expect(prepared.prepared.grids).toHaveLength(1);
    expect(prepared.read.source).toBe('mixed');
    // The five rows under the grid (522–740), not the five in it.
    const band = prepared.read.wordBand!;
    expect(band.y0).toBeGreaterThanOrEqual(prepared.prepared.grids[0]!.bbox.y1);
    expect(band.y1).toBeGreaterThan(700);
    // Each of the five rows' label and six numbers, none level with the grid (its rows' labels stand
    // outside it, beside its rows: they are its rows', not words of the table below).
    const words = prepared.read.cells.filter((c) => c.word);
    expect(words).toHaveLength(5 * 7);
    expect(words.every((c) => c.inner.y0 >= prepared.prepared.grids[0]!.bbox.y1 - prepared.prepared.snap)).toBe(true);
  });
});

describe('a screenshot of one table ruled with horizontal lines only (#16 drawn-053)', () => {
  // 二 of 2021 as an image: 15 rows of a label and one value between full-width rules; a stroke or two
  // down three of its rows (a column rule of a part ruled whole) frame a grid of three rows there.
  const screenshot = (): Raster => {
    const boxes: [number, number, number, number][] = [];
    for (let row = 0; row <= 15; row++) boxes.push([4, 10 + row * 40, 706, 12 + row * 40]);
    for (let row = 0; row < 15; row++) {
      const y = 10 + row * 40 + 10;
      for (let k = 0; k < 6; k++) boxes.push([20 + k * 24, y, 40 + k * 24, y + 20]);
      for (let k = 0; k < 2; k++) boxes.push([240 + k * 14, y + 2, 250 + k * 14, y + 20]);
    }
    for (const x of [4, 215, 704]) boxes.push([x, 10 + 8 * 40, x + 2, 12 + 11 * 40]);
    return page(711, 640, boxes);
  };

  test('its grid frames three rows, twelve stand outside: the image is read by its words', async () => {
    const prepared = await preparePage(screenshot(), 0, true, true);
    expect(prepared.prepared.grids).toHaveLength(0);
    expect(prepared.read.source).toBe('words');
  });

  test('on a page of a document the grid stays (a page holds more than one table)', async () => {
    const prepared = await preparePage(screenshot(), 0, true, false);
    expect(prepared.prepared.grids).toHaveLength(1);
  });
});
