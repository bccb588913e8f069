/**
 * The OCR engine: tesseract.js workers, offline. Language data comes from the
 * `@tesseract.js-data/*` packages as plain local paths with no cache written (stack.md); nothing is
 * ever downloaded. Two workers with fixed settings, so concurrent jobs never race on parameters:
 * digits (eng, whitelist, a block of stacked cells) and cell text (chi_sim, a block). One of each:
 * every worker costs its start (the Chinese model's load) and its memory in every batch child, and
 * the batch runs a child per core, so a second Chinese reader only bought wall time with CPU.
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

/** One set of workers (a set retired by recycling ends once its calls are answered). */
interface Workers {
  digits: Worker;
  cellText: Worker;
  /** Calls not yet answered, both workers together. */
  calls: number;
  retired: boolean;
}

export interface OcrEngineOptions {
  /** Terminate and restart the workers after this many pages, to bound memory. */
  recycleAfterPages: number;
}

export const DEFAULT_OCR_ENGINE_OPTIONS: OcrEngineOptions = { recycleAfterPages: 100 };

function terminate(workers: Workers): Promise<unknown> {
  return Promise.allSettled([workers.digits.terminate(), workers.cellText.terminate()]);
}

/**
 * One set of tesseract.js workers; methods queue on the worker they need. Pages may be read two at
 * a time (one page's labels while the next page's numbers), so recycling retires the set in use:
 * new calls go to a new set, and the old one ends once its queued calls are answered.
 */
export class OcrEngine {
  private workers: Promise<Workers> | null = null;
  /** Every set started and not yet terminated, for close(). */
  private readonly live = new Set<Promise<Workers>>();
  private pages = 0;

  constructor(private readonly options: OcrEngineOptions = DEFAULT_OCR_ENGINE_OPTIONS) {}

  private ready(): Promise<Workers> {
    if (this.workers) return this.workers;
    const starting = (async (): Promise<Workers> => {
      const [digits, cellText] = await Promise.all([
        // A block, not a line: cells are read stacked, one per line (raster.ts stackCrops).
        startWorker('eng', { tessedit_char_whitelist: DIGIT_WHITELIST, tessedit_pageseg_mode: PSM.SINGLE_BLOCK }),
        startWorker('chi_sim', { tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '0' }),
      ]);
      return { digits, cellText, calls: 0, retired: false };
    })();
    this.workers = starting;
    this.live.add(starting);
    // A set that failed to start is forgotten, so the next call tries again.
    starting.catch(() => {
      this.live.delete(starting);
      if (this.workers === starting) this.workers = null;
    });
    return starting;
  }

  /** Reads an image on the worker `pick` chooses from a set that is not retired, counting the call until it is answered. */
  private async call<T>(png: Buffer, pick: (workers: Workers) => Worker, read: (worker: Worker, png: Buffer) => Promise<T>): Promise<T> {
    let workers = await this.ready();
    // Retired while this call waited for the set: take the new one.
    while (workers.retired) workers = await this.ready();
    workers.calls++;
    try {
      return await read(pick(workers), png);
    } finally {
      workers.calls--;
      if (workers.retired && workers.calls === 0) void this.end(workers);
    }
  }

  /** Terminates a set and forgets it. */
  private async end(workers: Workers): Promise<void> {
    for (const set of this.live) {
      if ((await set.catch(() => null)) === workers) this.live.delete(set);
    }
    await terminate(workers);
  }

  /** Counts a page; after `recycleAfterPages` pages the workers are replaced (the old set ends when idle). */
  async pageDone(): Promise<void> {
    this.pages++;
    if (this.pages < this.options.recycleAfterPages || !this.workers) return;
    this.pages = 0;
    const current = this.workers;
    const workers = await current.catch(() => null);
    // close() may have replaced the set meanwhile: only the set counted for is retired.
    if (this.workers === current) this.workers = null;
    if (!workers || workers.retired) return;
    workers.retired = true;
    if (workers.calls === 0) await this.end(workers);
  }

  /** Reads a crop (PNG bytes) as a block of Chinese text. */
  async readCellText(png: Buffer): Promise<OcrText> {
    const { data } = await this.call(png, (w) => w.cellText, (worker) => worker.recognize(png));
    return { text: data.text.trim(), confidence: data.confidence / 100 };
  }

  /** Reads a stack of crops (PNG bytes) as digits: words with boxes. */
  async readDigitWords(png: Buffer): Promise<OcrWord[]> {
    return this.call(png, (w) => w.digits, wordsOf);
  }

  /** Reads a stack of crops (PNG bytes) as Chinese text: words with boxes. */
  async readCellTextWords(png: Buffer): Promise<OcrWord[]> {
    return this.call(png, (w) => w.cellText, wordsOf);
  }

  /** Terminates every worker, retired sets too; the engine starts new ones if used again. */
  async close(): Promise<void> {
    const sets = [...this.live];
    this.live.clear();
    this.workers = null;
    this.pages = 0;
    await Promise.allSettled(
      sets.map(async (set) => {
        const workers = await set.catch(() => null);
        if (workers) {
          workers.retired = true;
          await terminate(workers);
        }
      }),
    );
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
