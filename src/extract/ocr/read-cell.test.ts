import { beforeAll, describe, expect, test } from '@jest/globals';
import type { BBox } from '../../model/document.js';
import type { OcrEngine } from './engine.js';
import { cropToPng, expandBox } from './raster.js';
import { readTitleLines, type CellContext } from './read-cell.js';

/** Six lines of different widths, so each line's crop tells which line it is (its PNG width). */
const sixLines: BBox[] = Array.from({ length: 6 }, (_, i) => ({ x0: 10, x1: 60 + i * 50, y0: 10 + i * 40, y1: 34 + i * 40 }));

/**
 * A page of blank paper and an engine that answers each line's crop with that line of `lines`
 * (crops are made concurrently, so the calls may come in any order within a pair).
 */
function pageReading(lines: string[]): { ctx: CellContext; reads: () => number } {
  let reads = 0;
  const engine = {
    readCellText: async (png: Buffer) => {
      reads++;
      // Crops grow with their line's width: the rank of this crop's width is its line.
      const width = png.readUInt32BE(16);
      return { text: lines[pngWidths.filter((w) => w < width).length] ?? '', confidence: 0.9 };
    },
  } as unknown as OcrEngine;
  const width = 400;
  const height = 400;
  const raster = { width, height, data: new Uint8Array(width * height).fill(255) };
  const mask = { width, height, data: new Uint8Array(width * height) };
  return { ctx: { raster, mask, engine, textHeight: 20 }, reads: () => reads };
}

/** The PNG width of each line's crop as readTitleLines makes it (the box grown by 0.15 text heights), widest last. */
let pngWidths: number[] = [];
beforeAll(async () => {
  const raster = { width: 400, height: 400, data: new Uint8Array(400 * 400).fill(255) };
  pngWidths = await Promise.all(sixLines.map(async (box) => (await cropToPng(raster, expandBox(box, 3), { textHeight: 24, targetHeight: 36, margin: 10 })).readUInt32BE(16)));
  expect(new Set(pngWidths).size).toBe(6);
});

describe('title lines', () => {
  test('read in order until a year and the title’s end are read: the prose after it is not read', async () => {
    const { ctx, reads } = pageReading(['淮安市人民政府', '2024年政府信息公开工作年度报告', '本报告根据《条例》要求编制。', 'x', 'y', 'z']);
    const runs = await readTitleLines(ctx, sixLines);
    expect(runs.map((r) => r.text)).toEqual(['淮安市人民政府', '2024年政府信息公开工作年度报告']);
    expect(reads()).toBe(2);
  });

  test('a title wrapped over lines is read to its end', async () => {
    const { ctx, reads } = pageReading(['洪泽区人民政府', '2023年政府信息公开', '工作年度报告', '一、总体情况', 'y', 'z']);
    const runs = await readTitleLines(ctx, sixLines);
    expect(runs.map((r) => r.text).join('')).toContain('工作年度报告');
    expect(reads()).toBe(4);
  });

  test('a title without a year: lines are read on until one gives the year (the 统计期限)', async () => {
    const period = '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。';
    const { ctx, reads } = pageReading(['某某县市场监督管理局', '政府信息公开工作年度报告', period, '一、总体情况', 'c', 'd']);
    const runs = await readTitleLines(ctx, sixLines);
    expect(runs.map((r) => r.text)).toContain(period);
    expect(reads()).toBe(4);
  });

  test('no title at all: all six lines are read', async () => {
    const { ctx, reads } = pageReading(['一、总体情况', '（一）主动公开', 'a', 'b', 'c', 'd']);
    expect(await readTitleLines(ctx, sixLines)).toHaveLength(6);
    expect(reads()).toBe(6);
  });
});
