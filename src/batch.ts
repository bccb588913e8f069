/**
 * Runs many files through the pipeline: expands inputs, hashes them (the same bytes under two
 * names are processed once), reuses results an earlier run stored (`incremental`), processes the
 * rest in worker threads with a per-file timeout, stores each result the moment it is done, and
 * writes the dataset and manifest atomically.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { expandInputs } from './inputs.js';
import { makeIssue } from './model/issues.js';
import { writeDataset } from './output/dataset.js';
import { DEFAULT_PROCESS_OPTIONS, processFile, type FileResult, type ProcessOptions } from './pipeline.js';
import type { Issue, ReportRecord } from './schema/records.js';
import type { BatchSummary, Manifest, ManifestEntry } from './schema/result.js';
import { loadState, saveResult, stateDir } from './state.js';
import { checkKind } from './validate/checks.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export { expandInputs } from './inputs.js';

/** Options of a batch run (the CLI fills them; defaults in DEFAULT_BATCH_OPTIONS). */
export interface BatchOptions {
  outDir: string;
  excel: boolean;
  /** Files processed at once, each in its own worker thread. */
  jobs: number;
  /** Reuse the results stored in outDir for files whose bytes are unchanged; the dataset then covers them too. */
  incremental: boolean;
  /** Per-file time limit in milliseconds (0: none). */
  timeoutMs: number;
  process: ProcessOptions;
  /** Called after each file, for progress output. */
  onFile?: (result: FileResult, done: number, total: number) => void;
}

export const DEFAULT_BATCH_OPTIONS: BatchOptions = {
  outDir: 'output',
  excel: false,
  jobs: Math.max(1, availableParallelism()),
  incremental: false,
  timeoutMs: 120_000,
  process: DEFAULT_PROCESS_OPTIONS,
};

/** The compiled worker entry beside this module (absent when running from TypeScript sources). */
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
/** A worker's heap limit: a pathological file fails alone instead of taking the batch's memory. */
const WORKER_HEAP_MB = 512;
/** Files hashed at once (I/O bound). */
const HASH_CONCURRENCY = 8;

/** Failure codes that may pass on a rerun; their results are not stored, so they are retried. */
const TRANSIENT = new Set(['worker_crashed', 'timeout', 'read_failed']);

async function hashFile(path: string, maxBytes: number): Promise<{ sha256: string } | { error: unknown }> {
  try {
    // Only regular files within the size limit are read: a FIFO would block, a huge file waste time.
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return { error: new Error('not read') };
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { sha256: hash.digest('hex') };
  } catch (error) {
    return { error };
  }
}

function failedResult(path: string, code: string, message: string, sha256: string | null = null): FileResult {
  const issue: Issue = makeIssue('error', code === 'timeout' || code === 'worker_crashed' ? 'extract' : 'input', code, message);
  return {
    record: null,
    manifest: { path, id: sha256?.slice(0, 16) ?? null, sha256, bytes: null, format: null, status: 'failed', error: code, issues: [issue], milliseconds: 0 },
  };
}

/** Runs the file tasks on a worker pool (or in this thread when no compiled worker exists, as in tests). */
function createRunner(options: BatchOptions): { run: (path: string) => Promise<FileResult>; close: () => Promise<void> } {
  const jobs = Math.max(1, options.jobs);
  const withTimeout = async (path: string, work: (signal?: AbortSignal) => Promise<FileResult>): Promise<FileResult> => {
    const signal = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined;
    try {
      return await work(signal);
    } catch (error) {
      if (signal?.aborted) return failedResult(path, 'timeout', `no result within ${options.timeoutMs / 1000} s; the worker was stopped`);
      return failedResult(path, 'worker_crashed', `processing stopped the worker: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (!existsSync(WORKER_FILE)) {
    const limit = pLimit(jobs);
    return {
      run: (path) =>
        limit(() =>
          withTimeout(path, (signal) =>
            Promise.race([
              processFile(path, options.process),
              new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error))),
            ]),
          ),
        ),
      close: async () => undefined,
    };
  }
  const pool = new Piscina({ filename: WORKER_FILE, maxThreads: jobs, minThreads: jobs, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  return {
    run: (path) => withTimeout(path, (signal) => pool.run({ path, options: options.process }, signal ? { signal } : {}) as Promise<FileResult>),
    close: () => pool.destroy(),
  };
}

/** Temp files a killed run left behind (writes go to a temp name, then rename). */
async function removeStaleTemps(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => rm(join(dir, n), { force: true })));
  }
}

/** Processes every input and writes the dataset; returns the summary. */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  // The output folder is never its own input (`nianbao extract . --out output`).
  const outside = resolve(options.outDir) + sep;
  const files = (await expandInputs(inputs)).filter((f) => !resolve(f).startsWith(outside));
  // A plain run describes exactly its inputs: what an earlier run stored is dropped.
  if (!options.incremental) await rm(stateDir(options.outDir), { recursive: true, force: true });
  await removeStaleTemps([options.outDir, stateDir(options.outDir)]);
  const stored = options.incremental ? await loadState(options.outDir) : new Map<string, FileResult>();

  const hashLimit = pLimit(HASH_CONCURRENCY);
  const hashes = await Promise.all(files.map((path) => hashLimit(async () => ({ path, ...(await hashFile(path, options.process.maxBytes)) }))));

  let done = 0;
  const report = (result: FileResult): FileResult => {
    done++;
    options.onFile?.(result, done, files.length);
    return result;
  };
  const thisRun = new Map<string, FileResult>(); // by sha256
  const entries: ManifestEntry[] = [];
  const primary = new Map<string, string>(); // sha256 → first path
  const toProcess: { path: string; sha256: string }[] = [];
  let skipped = 0;
  for (const h of hashes) {
    if (!('sha256' in h)) {
      // Unreadable before anything else: processFile gives the precise code (not found, permission…).
      toProcess.push({ path: h.path, sha256: '' });
      continue;
    }
    const first = primary.get(h.sha256);
    if (first !== undefined) continue; // a duplicate: its manifest entry is written after its twin's
    primary.set(h.sha256, h.path);
    const previous = stored.get(h.sha256);
    if (previous) {
      skipped++;
      thisRun.set(h.sha256, previous);
      report(previous);
    } else {
      toProcess.push({ path: h.path, sha256: h.sha256 });
    }
  }

  const runner = createRunner(options);
  try {
    await Promise.all(
      toProcess.map(async ({ path, sha256 }) => {
        const result = report(await runner.run(path));
        const key = result.manifest.sha256 ?? sha256;
        if (!key) {
          entries.push(result.manifest);
          return;
        }
        thisRun.set(key, result);
        if (!TRANSIENT.has(result.manifest.error ?? '')) await saveResult(options.outDir, key, result);
      }),
    );
  } finally {
    await runner.close();
  }

  // Manifest: one entry per input path of this run (duplicates point at their twin), plus, when
  // incremental, the entries of earlier runs' files, so it describes the whole dataset.
  for (const h of hashes) {
    if (!('sha256' in h)) continue;
    const result = thisRun.get(h.sha256);
    if (!result) continue;
    const first = primary.get(h.sha256) as string;
    if (first === h.path) entries.push({ ...result.manifest, path: h.path });
    else entries.push({ ...report(result).manifest, path: h.path, duplicateOf: first });
  }
  const dataset = new Map(stored);
  for (const [sha, result] of thisRun) dataset.set(sha, result);
  if (options.incremental) {
    const listed = new Set(entries.map((e) => e.sha256));
    for (const [sha, result] of stored) if (!listed.has(sha)) entries.push(result.manifest);
  }
  const records: ReportRecord[] = [...(options.incremental ? dataset : thisRun).values()]
    .flatMap((r) => (r.record ? [r.record] : []))
    .sort((a, b) => a.source.path.localeCompare(b.source.path) || a.id.localeCompare(b.id));
  entries.sort((a, b) => a.path.localeCompare(b.path));
  const manifest: Manifest = { tool: TOOL_NAME, version: TOOL_VERSION, createdAt: new Date().toISOString(), files: entries };
  await writeDataset(options.outDir, records, manifest, options.excel);

  const failedChecks: Record<string, number> = {};
  for (const record of records) {
    for (const c of record.checks.filter((x) => !x.pass)) failedChecks[checkKind(c)] = (failedChecks[checkKind(c)] ?? 0) + 1;
  }
  const counted = entries.filter((e) => e.duplicateOf === undefined);
  return {
    files: counted.length,
    ok: counted.filter((e) => e.status === 'ok').length,
    partial: counted.filter((e) => e.status === 'partial').length,
    failed: counted.filter((e) => e.status === 'failed').length,
    skipped,
    duplicates: entries.length - counted.length,
    failedChecks,
    outDir: options.outDir,
    milliseconds: Math.round(performance.now() - started),
  };
}
