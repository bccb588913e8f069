import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import { OcrEngine } from './engine.js';

/** One line of printed text from a page fixture (a report's prose, 本年度，我单位坚持…). */
async function lineOfText(): Promise<Buffer> {
  const page = readFileSync(new URL('../../../test/fixtures/scans/office-001-2021-ruled-clean-page3.png', import.meta.url));
  return sharp(page).extract({ left: 150, top: 140, width: 1400, height: 50 }).png().toBuffer();
}

describe('OCR engine', () => {
  const engine = new OcrEngine({ recycleAfterPages: 1 });
  afterAll(() => engine.close());

  test('recycling while a call is queued (two pages read at once): the call is answered, later calls go to new workers', async () => {
    const png = await lineOfText();
    const queued = engine.readCellText(png);
    // The page limit is reached while the other page's call is still being read.
    await engine.pageDone();
    const after = engine.readCellText(png);
    const [first, second] = await Promise.all([queued, after]);
    expect(first.text.replace(/\s/g, '')).toContain('本年度');
    expect(second.text).toBe(first.text);
    expect(second.confidence).toBeCloseTo(first.confidence, 5);
  }, 60_000);

  test('many calls queued at once on the Chinese reader all come back, each with its own reading', async () => {
    const png = await lineOfText();
    const blank = await sharp({ create: { width: 200, height: 60, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const reads = await Promise.all([png, blank, png, blank, png].map((image) => engine.readCellText(image)));
    expect(reads.map((r) => r.text.replace(/\s/g, '').includes('本年度'))).toEqual([true, false, true, false, true]);
  }, 60_000);
});
