/** Worker-thread entry for the batch pool: runs the whole pipeline for one file (CPU-bound work off the main thread). */
import { processFile, type FileResult, type ProcessOptions } from './pipeline.js';

/** One task: a path and the per-file options. */
export interface FileTask {
  path: string;
  options: ProcessOptions;
}

export default async function runFileTask(task: FileTask): Promise<FileResult> {
  return processFile(task.path, task.options);
}
