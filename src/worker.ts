/** One file through the pipeline and into the result cache; run in a child process of the batch, or in-process. */
import { processFile, type FileResult, type ProcessOptions } from './pipeline.js';
import type { ManifestEntry } from './schema/result.js';
import { saveResult, type StoredEntry } from './state.js';

/** One task: a path (as shown, and as the file system reaches it), the per-file options, and where to store the result. */
export interface FileTask {
  path: string;
  fsPath: string | Buffer;
  options: ProcessOptions;
  outDir: string;
  /** The cache key's settings part (see state.ts). */
  settings: string;
}

/** What goes back to the batch: the manifest entry and, when stored, the cache entry (the record stays in the cache). */
export interface FileOutcome {
  manifest: ManifestEntry;
  stored: StoredEntry | null;
}

/** Failure codes that may pass on a rerun without any change (an I/O error); their results are not stored. */
export const TRANSIENT_ERRORS = new Set(['read_failed']);

/** Processes one file and stores its result. */
export async function processAndStore(task: FileTask): Promise<FileOutcome> {
  const result: FileResult = await processFile(task.path, task.options, task.fsPath);
  const sha = result.manifest.sha256;
  if (sha === null || TRANSIENT_ERRORS.has(result.manifest.error ?? '')) return { manifest: result.manifest, stored: null };
  return { manifest: result.manifest, stored: await saveResult(task.outDir, sha, task.settings, result) };
}
