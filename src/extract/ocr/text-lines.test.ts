import { describe, expect, test } from '@jest/globals';
import type { InkMask } from './raster.js';
import type { RuledGrid } from '../../layout/ruling.js';
import { gridsAreStray, inkLines, mayHoldOneTable, mayHoldTable, mayHoldTableOnPage, wordBoxes, type InkLine } from './text-lines.js';

/** A page of `width` × `height` with ink drawn by `draw`. */
function mask(width: number, height: number, draw: (block: (x0: number, y0: number, x1: number, y1: number) => void) => void): InkMask {
  const data = new Uint8Array(width * height);
  draw((x0, y0, x1, y1) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 1;
  });
  return { width, height, data };
}

/** "Characters" 20 px high and 18 wide, 2 px apart, as Han text sets them. */
const text = (block: (x0: number, y0: number, x1: number, y1: number) => void, x: number, y: number, characters: number): void => {
  for (let k = 0; k < characters; k++) {
    block(x + k * 20, y, x + k * 20 + 18, y + 3);
    block(x + k * 20 + 8, y, x + k * 20 + 11, y + 20);
    block(x + k * 20, y + 17, x + k * 20 + 18, y + 20);
  }
};
/** A "digit" 14 px high and 8 wide. */
const digit = (block: (x0: number, y0: number, x1: number, y1: number) => void, x: number, y: number): void => {
  block(x, y + 3, x + 8, y + 17);
};

describe('lines of text and their columns', () => {
  test('rows of a label and numbers in columns may be a table; prose with a wide gap here and there is not', () => {
    const table = mask(1000, 600, (block) => {
      for (let row = 0; row < 6; row++) {
        text(block, 60, 40 + row * 60, 6);
        for (const x of [400, 520, 640, 760]) digit(block, x, 40 + row * 60);
      }
    });
    expect(mayHoldTable(inkLines(table, { x0: 0, y0: 0, x1: 1000, y1: 600 }, 20), 20)).toBe(true);
    const prose = mask(1000, 600, (block) => {
      for (let row = 0; row < 6; row++) {
        // A gap of three characters' width, somewhere else on every line.
        const gapAt = 100 + row * 110;
        text(block, 60, 40 + row * 60, Math.floor((gapAt - 60) / 20));
        text(block, gapAt + 60, 40 + row * 60, Math.floor((940 - gapAt - 60) / 20));
      }
    });
    expect(mayHoldTable(inkLines(prose, { x0: 0, y0: 0, x1: 1000, y1: 600 }, 20), 20)).toBe(false);
  });

  test('specks make no line', () => {
    const specks = mask(1000, 600, (block) => {
      for (let k = 0; k < 400; k++) block((k * 37) % 1000, (k * 53) % 600, ((k * 37) % 1000) + 2, ((k * 53) % 600) + 2);
    });
    expect(inkLines(specks, { x0: 0, y0: 0, x1: 1000, y1: 600 }, 20)).toEqual([]);
  });
});

describe('words of an unruled table', () => {
  test('a label, its numbers and a group label over three lines beside it are words of their own', () => {
    const page = mask(800, 200, (block) => {
      // A group label of one character per line over three lines, close beside the row's label.
      for (const y of [40, 66, 92]) text(block, 20, y, 1);
      text(block, 70, 66, 5);
      digit(block, 400, 66);
      digit(block, 410, 66);
      digit(block, 520, 66);
    });
    const words = wordBoxes(page, { x0: 0, y0: 0, x1: 800, y1: 200 }, 20).sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
    expect(words).toEqual([
      { x0: 20, y0: 40, x1: 38, y1: 60 },
      { x0: 20, y0: 66, x1: 38, y1: 86 },
      { x0: 20, y0: 92, x1: 38, y1: 112 },
      { x0: 70, y0: 66, x1: 168, y1: 86 },
      { x0: 400, y0: 69, x1: 418, y1: 83 },
      { x0: 520, y0: 69, x1: 528, y1: 83 },
    ]);
  });

  test('一、 before a label is the start of the label (a full-width 、 leaves a gap after it), not a dash of its own', () => {
    const page = mask(600, 100, (block) => {
      block(20, 38, 38, 41); // 一
      block(44, 52, 48, 56); // 、
      text(block, 62, 30, 6);
      digit(block, 400, 30);
    });
    const words = wordBoxes(page, { x0: 0, y0: 0, x1: 600, y1: 100 }, 20).sort((a, b) => a.x0 - b.x0);
    expect(words).toEqual([
      { x0: 20, y0: 30, x1: 180, y1: 56 },
      { x0: 400, y0: 33, x1: 408, y1: 47 },
    ]);
  });
});

describe('an image of one table (a screenshot)', () => {
  // 四 drawn without vertical rules: its header over two lines, then one row of 15 numbers.
  const shot = mask(1700, 180, (block) => {
    text(block, 10, 10, 4);
    text(block, 600, 10, 4);
    text(block, 10, 60, 70);
    for (let k = 0; k < 15; k++) digit(block, 10 + k * 110, 130);
  });
  const lines = inkLines(shot, { x0: 0, y0: 0, x1: 1700, y1: 180 }, 20);

  test('a header and one row of values: too few lines for a page\'s table, but a row of values for a table alone', () => {
    expect(lines).toHaveLength(3);
    expect(mayHoldTable(lines, 20)).toBe(false);
    expect(mayHoldOneTable(lines, 20)).toBe(true);
  });

  test('lines of prose are no table, alone or not', () => {
    const prose = mask(1700, 180, (block) => {
      text(block, 10, 10, 60);
      text(block, 10, 60, 30);
      text(block, 800, 60, 30);
    });
    expect(mayHoldOneTable(inkLines(prose, { x0: 0, y0: 0, x1: 1700, y1: 180 }, 20), 20)).toBe(false);
  });

  test('a number right-aligned in its column, close before the next column\'s number, stays a word of its own', () => {
    // "156" ends 14 px before "33" starts (2019's 四: 总计 right-aligned, the lawsuits' first column left-aligned).
    const row = mask(600, 100, (block) => {
      for (const x of [100, 110, 120]) digit(block, x, 30);
      for (const x of [142, 152]) digit(block, x, 30);
    });
    const words = wordBoxes(row, { x0: 0, y0: 0, x1: 600, y1: 100 }, 20).sort((a, b) => a.x0 - b.x0);
    expect(words).toEqual([
      { x0: 100, y0: 33, x1: 128, y1: 47 },
      { x0: 142, y0: 33, x1: 160, y1: 47 },
    ]);
  });

  test('a label\'s numbering stays its start: "2." and "12" whose dot blur took (digits, then Han text)', () => {
    const row = mask(600, 160, (block) => {
      digit(block, 100, 30);
      block(111, 44, 114, 47); // .
      text(block, 130, 30, 6);
      digit(block, 100, 90);
      digit(block, 110, 90);
      text(block, 134, 90, 6);
    });
    expect(wordBoxes(row, { x0: 0, y0: 0, x1: 600, y1: 160 }, 20).sort((a, b) => a.y0 - b.y0)).toEqual([
      { x0: 100, y0: 30, x1: 248, y1: 50 },
      { x0: 100, y0: 90, x1: 252, y1: 110 },
    ]);
  });
});

describe('grids framed by stray rules', () => {
  /** Ten rows of a label and six numbers in columns, 60 px apart: a table without vertical rules. */
  const page = mask(1000, 700, (block) => {
    for (let row = 0; row < 10; row++) {
      text(block, 60, 40 + row * 60, 6);
      for (const x of [400, 480, 560, 640, 720, 800]) digit(block, x, 40 + row * 60);
    }
  });
  const lines = inkLines(page, { x0: 0, y0: 0, x1: 1000, y1: 700 }, 20);
  /** A grid over rows `from` to `to` (a fold crossing two horizontal rules, or a real grid over all). */
  const grid = (from: number, to: number): RuledGrid => {
    const ys = Array.from({ length: to - from + 2 }, (_, k) => 30 + (from + k) * 60);
    return { xs: [40, 380, 980], ys, bbox: { x0: 40, x1: 980, y0: ys[0] as number, y1: ys.at(-1) as number }, cells: [] };
  };

  test('two rows framed by chance, beside eight rows standing in columns: strays, the page is read by its words', () => {
    expect(gridsAreStray(lines, [grid(0, 1)], 20, 5)).toBe(true);
  });

  test('grids over the labels alone, the values beside them outside every grid: strays (strokes of 1. 2. 3. chained into rules), on a page as in an image of one table', () => {
    const overLabels: RuledGrid = { xs: [40, 200, 380], ys: [30, 330, 630], bbox: { x0: 40, x1: 380, y0: 30, y1: 630 }, cells: [] };
    expect(gridsAreStray(lines, [overLabels], 20, 5)).toBe(true);
  });

  test('a grid over the table\'s rows is the table', () => {
    expect(gridsAreStray(lines, [grid(0, 9)], 20, 5)).toBe(false);
    expect(gridsAreStray(lines, [grid(0, 5)], 20, 5)).toBe(false);
  });
});

describe('a page holding the part of a table a page break left on it (#16)', () => {
  /** A line as inkLines gives it: its box and the pieces across it. */
  const line = (x0: number, y0: number, x1: number, y1: number, pieces: readonly [number, number][]): InkLine => ({ box: { x0, y0, x1, y1 }, pieces: pieces.map(([from, to]) => ({ from, to })) });
  // drawn-035 p2 (a phone photo, 181 dpi, text height 26.5), its lines as found: eleven paragraphs
  // of prose (two lines each, run together), 申请人情况 (三's header; its taller lines are no line),
  // then 三's first three rows ("一、本年新收… 6509 274959 6958 0 0 288426" …).
  const prose = Array.from({ length: 11 }, (_, k) => line(99, 135 + k * 82, 1900, 187 + k * 82, [[99, 1899]]));
  const page = [
    ...prose,
    line(1200, 1045, 1329, 1069, [[1200, 1328]]),
    line(104, 1193, 1905, 1217, [[104, 525], [1197, 1357], [1486, 1536], [1638, 1648], [1771, 1781], [1828, 1904]]),
    line(104, 1231, 1905, 1255, [[104, 525], [1280, 1291], [1489, 1562], [1776, 1904]]),
    line(104, 1271, 1904, 1323, [[104, 484], [1197, 1207], [1280, 1344], [1486, 1549], [1772, 1903]]),
  ];

  test('three rows of values under prose: too few lines in columns for a table, but rows of values on a page', () => {
    expect(mayHoldTable(page, 26.5)).toBe(false);
    expect(mayHoldTableOnPage(page, 26.5)).toBe(true);
  });

  test("四's row of values alone at a page's top, prose under it: a row of values on a page", () => {
    // drawn-060 p4 (a photo, text height 35.7), its lines as found: 四's 15 values (13 pieces, two pairs
    // run together) continued from the page before without their header, then the report's closing
    // headings and prose. Unread, the page lost 四's whole row (drawn-060 182 -> 197/198 read).
    const lone = [
      line(208, 311, 1698, 337, [[208, 225], [321, 358], [434, 451], [545, 562], [657, 766], [843, 879], [956, 992], [1068, 1083], [1176, 1264], [1356, 1373], [1464, 1481], [1573, 1590], [1681, 1697]]),
      line(200, 390, 687, 424, [[200, 686]]),
      line(200, 470, 1387, 506, [[200, 1386]]),
      line(200, 554, 583, 588, [[200, 582]]),
      line(201, 636, 561, 670, [[201, 560]]),
    ];
    expect(mayHoldTableOnPage(lone, 35.7)).toBe(true);
    expect(mayHoldTableOnPage(lone.slice(1), 35.7)).toBe(false);
  });

  test('prose alone, or with one row of values, is not read', () => {
    expect(mayHoldTableOnPage(prose, 26.5)).toBe(false);
    expect(mayHoldTableOnPage([...prose, page[12] as InkLine], 26.5)).toBe(false);
    // A row broken into four pieces is not enough on a page: a line of prose may have a few wide gaps.
    expect(mayHoldTableOnPage([...prose, page[13] as InkLine, page[13] as InkLine], 26.5)).toBe(false);
  });
});
