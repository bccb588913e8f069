/**
 * Who stops this thread's OCR workers. Kept apart from the engine so a batch can always call
 * `closeOcr()` without loading tesseract.js when no file needed OCR.
 */
let closer: (() => Promise<void>) | null = null;

/** Registers how to stop the running engine (the engine calls this when it starts). */
export function registerOcrCloser(close: () => Promise<void>): void {
  closer = close;
}

/** Terminates this thread's OCR workers, if any were started; safe to call at any time. */
export async function closeOcr(): Promise<void> {
  const close = closer;
  closer = null;
  await close?.();
}
