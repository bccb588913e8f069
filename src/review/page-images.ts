/**
 * Page images of a text-layer PDF for the crops of the provenance panel: each page that holds a
 * table cell is rendered once with pdf.js on @napi-rs/canvas (the renderer extraction uses for
 * scans; pdftoppm is not there at run time) and saved as PNG in the site; the panel shows the part
 * of it around the cell. Cell boxes of text-layer PDFs are in points from the top-left corner, so
 * a crop is the box times the scale. Scans and images are not rendered: their boxes are in the
 * pixels of the deskewed OCR raster, which a plain render does not reproduce.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderPageCanvas, withDocument } from '../extract/pdf.js';
import type { ReportRecord } from '../schema/records.js';
import type { PageImage } from './pages.js';

/** Pixels per point: enough to read a cell's digits in a crop. */
const SCALE = 2;

/**
 * Renders the pages of `record`'s source PDF that hold cells with boxes into `dir` (as
 * `<id>-p<N>.png`); returns them by page number, with `src` relative to a report page. Nothing
 * when the source is not a text-layer PDF or is no longer at its path.
 */
export async function renderPageImages(record: ReportRecord, dir: string): Promise<Record<string, PageImage>> {
  if (record.source.format !== 'pdf') return {};
  const pages = [...new Set(record.cells.filter((c) => c.bbox && c.page !== null).map((c) => c.page as number))].sort((a, b) => a - b);
  if (pages.length === 0) return {};
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(record.source.path));
  } catch {
    return {};
  }
  const images: Record<string, PageImage> = {};
  await withDocument(bytes, async (doc) => {
    for (const number of pages) {
      if (number > doc.numPages) continue;
      const { canvas, width, height } = await renderPageCanvas(await doc.getPage(number), SCALE);
      const png = await canvas.encode('png');
      const name = `${record.id}-p${number}.png`;
      await writeFile(join(dir, name), png);
      images[String(number)] = { src: `../pages/${name}`, width, height, scale: SCALE };
    }
  });
  return images;
}
