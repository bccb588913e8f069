/**
 * Runs many files through the pipeline: expands folders, processes with bounded concurrency
 * (one bad file never stops the rest), writes the dataset and manifest.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { makeIssue } from './model/issues.js';
import { processFile, DEFAULT_PROCESS_OPTIONS, type FileResult } from './pipeline.js';
import type { ReportRecord } from './schema/records.js';
import type { BatchSummary, Manifest, ManifestEntry } from './schema/result.js';
import { writeDataset } from './output/dataset.js';
import { checkKind } from './validate/checks.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

/** Options of a batch run (the CLI fills them; defaults in DEFAULT_BATCH_OPTIONS). */
export interface BatchOptions {
  outDir: string;
  excel: boolean;
  /** Files processed at once; above 1 they run in worker threads so every core works. */
  jobs: number;
  /** Called after each file, for progress output. */
  onFile?: (result: FileResult, done: number, total: number) => void;
}

export const DEFAULT_BATCH_OPTIONS: BatchOptions = { outDir: 'output', excel: false, jobs: Math.max(1, availableParallelism()) };

/** Expands inputs: files as given, folders recursively (hidden entries skipped), sorted for stable output. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const walk = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      files.push(path); // processFile records the error for this path
      return;
    }
    if (!info.isDirectory()) {
      files.push(path);
      return;
    }
    const key = `${info.dev}:${info.ino}`;
    if (seenDirs.has(key)) return; // a symlink loop
    seenDirs.add(key);
    const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
    for (const entry of entries) await walk(join(path, entry));
  };
  for (const input of inputs) await walk(input);
  return files;
}

/** The compiled worker entry beside this module (absent when running from TypeScript sources). */
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
/** A worker's heap limit: a pathological file fails alone instead of taking the batch's memory. */
const WORKER_HEAP_MB = 512;

/** Runs the files through `process` with bounded concurrency, in input order. */
async function processAll(files: readonly string[], options: BatchOptions): Promise<FileResult[]> {
  let done = 0;
  const report = (result: FileResult): FileResult => {
    done++;
    options.onFile?.(result, done, files.length);
    return result;
  };
  const jobs = Math.max(1, options.jobs);
  if (jobs === 1 || !existsSync(WORKER_FILE)) {
    const limit = pLimit(jobs);
    return Promise.all(files.map((file) => limit(async () => report(await processFile(file, DEFAULT_PROCESS_OPTIONS)))));
  }
  const pool = new Piscina({ filename: WORKER_FILE, maxThreads: jobs, minThreads: jobs, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  try {
    return await Promise.all(
      files.map(async (file) => {
        try {
          return report((await pool.run({ path: file, options: DEFAULT_PROCESS_OPTIONS })) as FileResult);
        } catch (error) {
          // The worker died on this file (out of memory, a crash in a parser): the file fails, the batch goes on.
          return report(crashedResult(file, error));
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}

function crashedResult(path: string, error: unknown): FileResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    record: null,
    manifest: {
      path,
      id: null,
      sha256: null,
      bytes: null,
      format: null,
      status: 'failed',
      error: 'worker_crashed',
      issues: [makeIssue('error', 'extract', 'worker_crashed', `processing stopped the worker: ${message}`)],
      milliseconds: 0,
    },
  };
}

/** Processes every file and writes the dataset; returns the summary. */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const files = await expandInputs(inputs);
  const results = await processAll(files, options);
  const records: ReportRecord[] = results.flatMap((r) => (r.record ? [r.record] : []));
  const entries: ManifestEntry[] = results.map((r) => r.manifest);
  const manifest: Manifest = { tool: TOOL_NAME, version: TOOL_VERSION, createdAt: new Date().toISOString(), files: entries };
  await writeDataset(options.outDir, records, manifest, options.excel);
  const failedChecks: Record<string, number> = {};
  for (const record of records) {
    for (const c of record.checks.filter((x) => !x.pass)) failedChecks[checkKind(c)] = (failedChecks[checkKind(c)] ?? 0) + 1;
  }
  return {
    files: entries.length,
    ok: entries.filter((e) => e.status === 'ok').length,
    partial: entries.filter((e) => e.status === 'partial').length,
    failed: entries.filter((e) => e.status === 'failed').length,
    failedChecks,
    outDir: options.outDir,
    milliseconds: Math.round(performance.now() - started),
  };
}
