/**
 * The OCR engine: tesseract.js workers, offline. Language data comes from the
 * `@tesseract.js-data/*` packages as plain local paths with no cache written (stack.md); nothing is
 * ever downloaded. Workers with fixed settings, so concurrent jobs never race on parameters:
 * digits (eng, whitelist, a block of stacked cells) and two for cell text (chi_sim, a block).
 * Workers are recycled every `recycleAfterPages` pages (tesseract.js grows with use) and always
 * terminated by `close()`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { BBox } from '../../model/document.js';
import { InputError } from '../../model/issues.js';
import { registerOcrCloser } from './lifecycle.js';

/** A word, line or cell as the engine read it; confidence 0..1. */
export interface OcrText {
  text: string;
  confidence: number;
}

/** A word of a page read as a whole, with its box in the image's pixels. */
export interface OcrWord extends OcrText {
  bbox: BBox;
}

const require = createRequire(import.meta.url);

/** The LSTM-only ("best_int") data directory of a `@tesseract.js-data` package. */
function languageDirectory(language: 'chi_sim' | 'eng'): string {
  const dir = join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int');
  // A missing file kills tesseract.js in a way try/catch cannot see (stack.md): check first.
  if (!existsSync(join(dir, `${language}.traineddata.gz`))) {
    throw new InputError('ocr_unavailable', `OCR language data for ${language} is missing from ${dir}; reinstall @tesseract.js-data/${language}`);
  }
  return dir;
}

async function startWorker(language: 'chi_sim' | 'eng', parameters: Record<string, string>): Promise<Worker> {
  const worker = await createWorker(language, OEM.LSTM_ONLY, { langPath: languageDirectory(language), gzip: true, cacheMethod: 'none' });
  // Crops carry no resolution; without one tesseract warns on every image and guesses.
  // Crops are dark ink on white paper (raster.ts): tesseract's second reading of every unsure
  // line inverted (white on black) never helps them and cost a sixth of the OCR time.
  await worker.setParameters({ user_defined_dpi: '300', tessedit_do_invert: '0', ...parameters });
  return worker;
}

/** Characters the digit reader may return. */
export const DIGIT_WHITELIST = '0123456789+-.';

interface Workers {
  digits: Worker;
  /** Two Chinese readers: label lines and stacks are read two at a time while the digit reader waits. */
  cellText: [Worker, Worker];
}

export interface OcrEngineOptions {
  /** Terminate and restart the workers after this many pages, to bound memory. */
  recycleAfterPages: number;
}

export const DEFAULT_OCR_ENGINE_OPTIONS: OcrEngineOptions = { recycleAfterPages: 100 };

/** One set of tesseract.js workers; methods queue on the worker they need. */
export class OcrEngine {
  private workers: Promise<Workers> | null = null;
  private pages = 0;
  /** Calls so far to the Chinese readers, to take turns between them. */
  private cellTextCalls = 0;

  constructor(private readonly options: OcrEngineOptions = DEFAULT_OCR_ENGINE_OPTIONS) {}

  private async ready(): Promise<Workers> {
    this.workers ??= (async () => {
      const chinese = { tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '0' };
      const [digits, first, second] = await Promise.all([
        // A block, not a line: cells are read stacked, one per line (raster.ts stackCrops).
        startWorker('eng', { tessedit_char_whitelist: DIGIT_WHITELIST, tessedit_pageseg_mode: PSM.SINGLE_BLOCK }),
        startWorker('chi_sim', chinese),
        startWorker('chi_sim', chinese),
      ]);
      return { digits, cellText: [first, second] };
    })();
    return this.workers;
  }

  /** Counts a page; recycles the workers when the limit is reached (between pages, never inside one). */
  async pageDone(): Promise<void> {
    this.pages++;
    if (this.pages >= this.options.recycleAfterPages) {
      this.pages = 0;
      await this.close();
    }
  }

  /** Reads a crop (PNG bytes) as digits. */
  async readDigits(png: Buffer): Promise<OcrText> {
    const { digits } = await this.ready();
    const { data } = await digits.recognize(png);
    return { text: data.text.trim(), confidence: data.confidence / 100 };
  }

  /** The Chinese reader whose turn it is (both have the same model and settings). */
  private async chinese(): Promise<Worker> {
    const { cellText } = await this.ready();
    return cellText[this.cellTextCalls++ % cellText.length] as Worker;
  }

  /** Reads a crop (PNG bytes) as a block of Chinese text. */
  async readCellText(png: Buffer): Promise<OcrText> {
    const { data } = await (await this.chinese()).recognize(png);
    return { text: data.text.trim(), confidence: data.confidence / 100 };
  }

  /** Reads a stack of crops (PNG bytes) as digits: words with boxes. */
  async readDigitWords(png: Buffer): Promise<OcrWord[]> {
    return wordsOf((await this.ready()).digits, png);
  }

  /** Reads a stack of crops (PNG bytes) as Chinese text: words with boxes. */
  async readCellTextWords(png: Buffer): Promise<OcrWord[]> {
    return wordsOf(await this.chinese(), png);
  }

  /** Terminates every worker; the engine starts new ones if used again. */
  async close(): Promise<void> {
    const pending = this.workers;
    this.workers = null;
    if (!pending) return;
    const workers = await pending.catch(() => null);
    if (!workers) return;
    await Promise.allSettled([workers.digits.terminate(), ...workers.cellText.map((w) => w.terminate())]);
  }
}

/** The words a worker reads in an image, with their boxes in the image's pixels. */
async function wordsOf(worker: Worker, png: Buffer): Promise<OcrWord[]> {
  const { data } = await worker.recognize(png, {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          if (word.text.trim() === '') continue;
          words.push({ text: word.text.trim(), confidence: word.confidence / 100, bbox: { x0: word.bbox.x0, y0: word.bbox.y0, x1: word.bbox.x1, y1: word.bbox.y1 } });
        }
      }
    }
  }
  return words;
}

let shared: OcrEngine | null = null;

/** The engine of this thread (one per batch worker thread, so the pool is sized by --jobs); `closeOcr()` stops it. */
export function sharedOcrEngine(): OcrEngine {
  if (!shared) {
    const engine = new OcrEngine();
    shared = engine;
    registerOcrCloser(async () => {
      if (shared === engine) shared = null;
      await engine.close();
    });
  }
  return shared;
}
