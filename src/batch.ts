/**
 * Runs many files through the pipeline: expands inputs, hashes them (the same bytes under two
 * names are processed once), reuses results an earlier run stored (`incremental`), processes the
 * rest in worker threads with a per-file timeout, stores each result the moment it is done, and
 * writes the dataset and manifest atomically.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { closeOcr } from './extract/ocr/lifecycle.js';
import { expandInputs } from './inputs.js';
import { makeIssue } from './model/issues.js';
import { OUTPUT_FILES, openDataset } from './output/dataset.js';
import { manifestJson } from './output/json.js';
import { writePanel } from './panel/write.js';
import { writeFileAtomic } from './output/write.js';
import { DEFAULT_PROCESS_OPTIONS, type ProcessOptions } from './pipeline.js';
import type { Issue } from './schema/records.js';
import { ManifestSchema, type BatchSummary, type Manifest, type ManifestEntry } from './schema/result.js';
import { indexState, readStoredRecord, stateDir, type StoredEntry } from './state.js';
import { processAndStore, type FileOutcome, type FileTask } from './worker.js';
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
  onFile?: (manifest: ManifestEntry, done: number, total: number) => void;
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

function failedOutcome(path: string, code: string, message: string): FileOutcome {
  const issue: Issue = makeIssue('error', 'extract', code, message);
  return {
    manifest: { path, id: null, sha256: null, bytes: null, format: null, status: 'failed', error: code, issues: [issue], milliseconds: 0 },
    hasRecord: false,
    stored: false,
  };
}

/** Runs the file tasks on a worker pool (or in this thread when no compiled worker exists, as in tests). */
function createRunner(options: BatchOptions): { run: (path: string) => Promise<FileOutcome>; close: () => Promise<void> } {
  const jobs = Math.max(1, options.jobs);
  const withTimeout = async (path: string, work: (signal?: AbortSignal) => Promise<FileOutcome>): Promise<FileOutcome> => {
    const signal = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined;
    try {
      return await work(signal);
    } catch (error) {
      if (signal?.aborted) return failedOutcome(path, 'timeout', `no result within ${options.timeoutMs / 1000} s; the worker was stopped`);
      return failedOutcome(path, 'worker_crashed', `processing stopped the worker: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const task = (path: string): FileTask => ({ path, options: options.process, outDir: options.outDir });
  // Files start `jobs` at a time, so a file's time limit runs from when it starts, not from when
  // it was queued behind slower files (a queue of scans would otherwise time out unread).
  const limit = pLimit(jobs);
  if (!existsSync(WORKER_FILE)) {
    return {
      run: (path) =>
        limit(() =>
          withTimeout(path, (signal) =>
            Promise.race([
              processAndStore(task(path)),
              new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error))),
            ]),
          ),
        ),
      close: closeOcr,
    };
  }
  const pool = new Piscina({ filename: WORKER_FILE, maxThreads: jobs, minThreads: jobs, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  return {
    run: (path) => limit(() => withTimeout(path, (signal) => pool.run(task(path), signal ? { signal } : {}) as Promise<FileOutcome>)),
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

/** True when every output exists and the manifest already lists exactly these paths and contents. */
async function describesSameFiles(outDir: string, entries: readonly ManifestEntry[]): Promise<boolean> {
  if (!OUTPUT_FILES.every((f) => existsSync(join(outDir, f)))) return false;
  try {
    const previous = ManifestSchema.parse(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')));
    const key = (e: ManifestEntry): string => `${e.path}\u0000${e.sha256 ?? ''}\u0000${e.status}`;
    const before = previous.files.map(key).sort();
    const now = entries.map(key).sort();
    return previous.version === TOOL_VERSION && before.length === now.length && before.every((k, i) => k === now[i]);
  } catch {
    return false;
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
  const stored = options.incremental ? await indexState(options.outDir) : new Map<string, StoredEntry>();

  const hashLimit = pLimit(HASH_CONCURRENCY);
  const hashes = await Promise.all(files.map((path) => hashLimit(async () => ({ path, ...(await hashFile(path, options.process.maxBytes)) }))));

  let done = 0;
  const report = (manifest: ManifestEntry): void => {
    done++;
    options.onFile?.(manifest, done, files.length);
  };
  // Only manifest entries stay in memory; records go to the state store as each file finishes.
  const thisRun = new Map<string, StoredEntry>(); // by sha256
  const unhashed: ManifestEntry[] = [];
  const primary = new Map<string, string>(); // sha256 → first path
  const toProcess: { path: string; sha256: string }[] = [];
  let skipped = 0;
  for (const h of hashes) {
    if (!('sha256' in h)) {
      // Not read before processing: processFile gives the precise code (not found, not a file, too large…).
      toProcess.push({ path: h.path, sha256: '' });
      continue;
    }
    if (primary.has(h.sha256)) continue; // a duplicate: its manifest entry follows its twin's
    primary.set(h.sha256, h.path);
    const previous = stored.get(h.sha256);
    if (previous) {
      skipped++;
      thisRun.set(h.sha256, previous);
      report(previous.manifest);
    } else {
      toProcess.push({ path: h.path, sha256: h.sha256 });
    }
  }

  const runner = createRunner(options);
  try {
    await Promise.all(
      toProcess.map(async ({ path, sha256 }) => {
        const outcome = await runner.run(path);
        report(outcome.manifest);
        const key = outcome.manifest.sha256 ?? sha256;
        if (!outcome.stored || !key) unhashed.push(outcome.manifest);
        else thisRun.set(key, { manifest: outcome.manifest, hasRecord: outcome.hasRecord });
      }),
    );
  } finally {
    await runner.close();
  }

  // Manifest: one entry per input path of this run (duplicates point at their twin), plus, when
  // incremental, the entries of earlier runs' files, so it describes the whole dataset.
  const entries: ManifestEntry[] = [...unhashed];
  for (const h of hashes) {
    if (!('sha256' in h)) continue;
    const result = thisRun.get(h.sha256);
    if (!result) continue;
    const first = primary.get(h.sha256) as string;
    if (first === h.path) entries.push({ ...result.manifest, path: h.path });
    else {
      report(result.manifest);
      entries.push({ ...result.manifest, path: h.path, duplicateOf: first });
    }
  }
  const dataset = new Map(options.incremental ? stored : []);
  for (const [sha, entry] of thisRun) dataset.set(sha, entry);
  if (options.incremental) {
    const listed = new Set(entries.map((e) => e.sha256));
    for (const [sha, entry] of stored) if (!listed.has(sha)) entries.push(entry.manifest);
  }
  entries.sort((a, b) => a.path.localeCompare(b.path));

  const manifest: Manifest = { tool: TOOL_NAME, version: TOOL_VERSION, createdAt: new Date().toISOString(), files: entries };
  if (toProcess.length === 0 && (await describesSameFiles(options.outDir, entries))) {
    // Nothing new and the outputs already describe exactly these files: only the manifest is renewed.
    await writeFileAtomic(join(options.outDir, 'manifest.json'), manifestJson(manifest));
  } else {
    // The dataset, one record at a time, read back from the state store in path order.
    const withRecords = [...dataset].filter(([, e]) => e.hasRecord).sort(([, a], [, b]) => a.manifest.path.localeCompare(b.manifest.path));
    const writer = await openDataset(options.outDir, options.excel);
    try {
      for (const [sha] of withRecords) {
        const record = await readStoredRecord(options.outDir, sha);
        if (record) await writer.add(record);
      }
      await writer.finish(manifest);
      await writePanel(options.outDir, options.excel); // panel.csv and the crossYear.* checks: they need the whole dataset
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }
  const failedChecks: Record<string, number> = {};
  for (const entry of entries.filter((e) => e.duplicateOf === undefined)) {
    for (const issue of entry.issues.filter((i) => i.code === 'check_failed' && i.path)) {
      const kind = `${issue.path?.[0]}.${issue.path?.[1]}`;
      failedChecks[kind] = (failedChecks[kind] ?? 0) + 1;
    }
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
