/**
 * The JPEG fast path for scanned PDF pages: which pages qualify (one upright JPEG over the whole
 * page, nothing else drawn), and that the rest are left to pdf.js.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from '@jest/globals';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { fullPageJpegs } from './pdf-scans.js';

/** A grey JPEG of the given size with a dark bar in it. */
async function jpeg(width: number, height: number): Promise<Uint8Array> {
  const bar = await sharp({ create: { width: Math.round(width / 2), height: 10, channels: 3, background: '#000000' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#f0f0f0' } })
    .composite([{ input: bar, top: Math.round(height / 3), left: 20 }])
    .grayscale()
    .jpeg()
    .toBuffer();
}

/** A PDF of A4 pages, each painted by `draw` with a 200 dpi JPEG. */
async function pdfOf(pages: ((page: import('pdf-lib').PDFPage, image: import('pdf-lib').PDFImage, doc: PDFDocument) => Promise<void>)[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(await jpeg(1654, 2339));
  for (const draw of pages) await draw(doc.addPage([595.44, 842.04]), image, doc);
  return doc.save();
}

const fullPage = async (page: import('pdf-lib').PDFPage, image: import('pdf-lib').PDFImage): Promise<void> => {
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
};

describe('fullPageJpegs', () => {
  test('a scan fixture: every page is one JPEG at its own resolution', async () => {
    const bytes = new Uint8Array(await readFile('test/fixtures/scans/office-004-2019-ruled-heavy.pdf'));
    const pages = await fullPageJpegs(bytes);
    expect([...pages.keys()]).toEqual([1, 2, 3, 4, 5]);
    const first = pages.get(1);
    expect(first?.width).toBe(1292);
    expect(first?.height).toBe(1790);
    // 150 dpi: 150/72 pixels per point.
    expect(first?.scale).toBeCloseTo(150 / 72, 2);
    const meta = await sharp(first?.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1292, 1790]);
  });

  test('pages drawn otherwise are left to pdf.js', async () => {
    const bytes = await pdfOf([
      fullPage,
      // Turned by the page's /Rotate.
      async (page, image) => {
        await fullPage(page, image);
        page.setRotation(degrees(90));
      },
      // Half the page.
      async (page, image) => page.drawImage(image, { x: 0, y: 0, width: page.getWidth() / 2, height: page.getHeight() / 2 }),
      // Text beside the image.
      async (page, image, doc) => {
        await fullPage(page, image);
        page.drawText('2024', { x: 50, y: 50, font: await doc.embedFont(StandardFonts.Helvetica) });
      },
      // A rule drawn over it.
      async (page, image) => {
        await fullPage(page, image);
        page.drawLine({ start: { x: 10, y: 10 }, end: { x: 300, y: 10 } });
      },
      // Turned by the image's own matrix.
      async (page, image) => page.drawImage(image, { x: page.getWidth(), y: 0, width: page.getHeight(), height: page.getWidth(), rotate: degrees(90) }),
      fullPage,
    ]);
    const pages = await fullPageJpegs(bytes);
    expect([...pages.keys()]).toEqual([1, 7]);
    expect(pages.get(1)?.scale).toBeCloseTo(200 / 72, 2);
  });

  test('a text PDF, a PNG scan and bytes that are no PDF give nothing', async () => {
    const text = new Uint8Array(await readFile('../shared/corpus/huaian-city-2024-pdf/source.pdf'));
    expect((await fullPageJpegs(text)).size).toBe(0);
    const doc = await PDFDocument.create();
    const png = await doc.embedPng(await sharp({ create: { width: 400, height: 566, channels: 3, background: '#ffffff' } }).png().toBuffer());
    const page = doc.addPage([595, 842]);
    page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
    expect((await fullPageJpegs(await doc.save())).size).toBe(0);
    expect((await fullPageJpegs(new TextEncoder().encode('%PDF-1.4 /DCTDecode garbage'))).size).toBe(0);
  });
});
