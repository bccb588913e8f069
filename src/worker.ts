/** Worker-thread entry for the batch pool: runs the whole pipeline for one file (CPU-bound work off the main thread). */
import { processFile, type FileResult, type ProcessOptions } from './pipeline.js';
import type { ManifestEntry } from './schema/result.js';
import { saveResult } from './state.js';

/** One task: a path, the per-file options, and where to store the result. */
export interface FileTask {
  path: string;
  options: ProcessOptions;
  outDir: string;
}

/** What goes back to the batch: the manifest entry (the record stays in the state store). */
export interface FileOutcome {
  manifest: ManifestEntry;
  hasRecord: boolean;
  stored: boolean;
}

/** Failure codes that may pass on a rerun; their results are not stored, so they are retried. */
export const TRANSIENT_ERRORS = new Set(['worker_crashed', 'timeout', 'read_failed']);

/** Processes one file and stores its result; used in worker threads and, without them, in-process. */
export async function processAndStore(task: FileTask): Promise<FileOutcome> {
  const result: FileResult = await processFile(task.path, task.options);
  const sha = result.manifest.sha256;
  const store = sha !== null && !TRANSIENT_ERRORS.has(result.manifest.error ?? '');
  if (store) await saveResult(task.outDir, sha, result);
  return { manifest: result.manifest, hasRecord: result.record !== null, stored: store };
}

export default processAndStore;
