/**
 * Runs many files through the pipeline into one dataset. In order: the output folder is checked
 * and locked before any work; inputs are expanded (nothing matched is a usage error); a folder
 * holding a dataset of other inputs is refused unless --incremental (add) or --overwrite
 * (replace); inputs are hashed and every result the cache holds for the same bytes, version and
 * settings is reused (checked when read: a bad one is redone); the rest run in child processes
 * (file-runner.ts); crashes, timeouts and memory overruns are stored like any failure; the dataset
 * (one record per input path, newest version wins) is written as a new generation and committed
 * by one pointer switch (output/generation.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { BatchError } from './batch-error.js';
import { detectFormat } from './extract/index.js';
import { createFileRunner, type RunResult } from './file-runner.js';
import { expandInputs, type ExpandedInputs, type InputFile, type SkippedInput } from './inputs.js';
import { makeIssue } from './model/issues.js';
import { OUTPUT_FILES, openDataset } from './output/dataset.js';
import { commitGeneration, currentIsExcel, newGeneration, readCurrentManifest, removeOldGenerations } from './output/generation.js';
import { lockOutDir, prepareOutDir } from './out-folder.js';
import { DEFAULT_PROCESS_OPTIONS, type ProcessOptions } from './pipeline.js';
import type { InputFormat } from './schema/records.js';
import type { BatchSummary, FailureNote, Manifest, ManifestEntry, StatusCounts } from './schema/result.js';
import { indexState, readStoredRecord, saveResult, stateDir, tryStoredRecord, type StoredEntry } from './state.js';
import type { FileTask } from './worker.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export { expandInputs } from './inputs.js';
export { BatchError } from './batch-error.js';

/** Options of a batch run (the CLI fills them; defaults in DEFAULT_BATCH_OPTIONS). */
export interface BatchOptions {
  outDir: string;
  excel: boolean;
  /** Files processed at once, each in its own child process (capped so their memory bounds fit in free memory). */
  jobs: number;
  /** Add to the dataset in outDir: its other inputs stay; an input path already there is replaced by its newest version. */
  incremental: boolean;
  /** Replace a dataset of other inputs in outDir (without it, and without incremental, such a folder is refused). */
  overwrite: boolean;
  /** With incremental: drop the dataset's inputs whose paths no longer exist. */
  prune: boolean;
  /** Process again the files whose stored result is a failure (crash, timeout, memory limit included). */
  retryFailed: boolean;
  /** Read symlinks inside an input folder that lead out of it (off: they are skipped and reported). */
  followSymlinks: boolean;
  /** Globs choosing what folders contribute (see inputs.ts). */
  include: readonly string[];
  exclude: readonly string[];
  /** Per-file time limit in milliseconds (0: none). */
  timeoutMs: number;
  /** Per-file memory bound in MiB (its process is stopped past it: memory_limit). */
  memoryMb: number;
  process: ProcessOptions;
  /** Called after each file, for progress output. */
  onFile?: (manifest: ManifestEntry, done: number, total: number) => void;
  /** Called once the files to process are known. */
  onStart?: (total: number) => void;
  /** Aborting it stops the batch: running files are stopped, stored results kept, the dataset left as it was. */
  signal?: AbortSignal;
}

/** The largest time limit a timer can hold (2^31 - 1 ms), in seconds. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;

export const DEFAULT_BATCH_OPTIONS: BatchOptions = {
  outDir: 'output',
  excel: false,
  jobs: Math.max(1, availableParallelism()),
  incremental: false,
  overwrite: false,
  prune: false,
  retryFailed: false,
  followSymlinks: false,
  include: [],
  exclude: [],
  timeoutMs: 120_000,
  memoryMb: 2048,
  process: DEFAULT_PROCESS_OPTIONS,
};

/** Files hashed at once (I/O bound). */
const HASH_CONCURRENCY = 8;
/** Bytes read to name the format of a file whose processing crashed. */
const SNIFF_BYTES = 1 << 20;

async function hashFile(path: string | Buffer, maxBytes: number): Promise<string | null> {
  try {
    // Only regular files within the size limit are read: a FIFO would block, a huge file waste time.
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return null;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** The format of a file from its first bytes, for the entry of a file whose processing crashed. */
async function sniffFormat(path: string | Buffer): Promise<{ format: InputFormat | null; bytes: number | null }> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
      await handle.read(buffer, 0, buffer.length, 0);
      let format: InputFormat | null = null;
      try {
        format = detectFormat(buffer);
      } catch {
        format = null;
      }
      return { format, bytes: size };
    } finally {
      await handle.close();
    }
  } catch {
    return { format: null, bytes: null };
  }
}

/** The cache key's settings part: what changes a file's result besides its bytes and nianbao's version. */
function settingsOf(options: ProcessOptions): string {
  return `ocr=${options.ocr};maxPages=${options.maxPages}`;
}

function skippedEntry(skip: SkippedInput): ManifestEntry {
  return { path: skip.path, id: null, sha256: null, bytes: null, format: null, status: 'skipped', error: null, issues: [makeIssue('info', 'input', skip.code, skip.message)], milliseconds: 0 };
}

/** Write-once temp files a killed run left in the cache (writes go to a temp name, then rename). */
async function removeStaleTemps(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => rm(join(dir, n), { force: true })));
  }
}

function counts(entries: readonly ManifestEntry[]): StatusCounts {
  return {
    files: entries.length,
    ok: entries.filter((e) => e.status === 'ok').length,
    partial: entries.filter((e) => e.status === 'partial').length,
    failed: entries.filter((e) => e.status === 'failed').length,
  };
}

function noteOf(entry: ManifestEntry): FailureNote {
  return { path: entry.path, code: entry.error ?? 'failed', message: entry.issues.find((i) => i.severity === 'error')?.message ?? entry.issues[0]?.message ?? '' };
}

/** A path's identity across runs (`./a.pdf` and `a.pdf` are one input). */
const keyOf = (path: string): string => resolve(path);

/** One dataset input: its entry and, for a readable file, its cached result. */
interface DatasetInput {
  entry: ManifestEntry;
  stored: StoredEntry | null;
}

/** The same dataset as before: same paths, bytes and statuses, same CSV flavour. */
async function sameAsCurrent(outDir: string, previous: Manifest | null, entries: readonly ManifestEntry[], excel: boolean): Promise<boolean> {
  if (previous === null || previous.version !== TOOL_VERSION || (await currentIsExcel(outDir)) !== excel) return false;
  const key = (e: ManifestEntry): string => `${e.path}\u0000${e.sha256 ?? ''}\u0000${e.status}\u0000${e.duplicateOf ?? ''}`;
  const before = previous.files.map(key).sort();
  const now = entries.map(key).sort();
  for (const name of OUTPUT_FILES) if (!(await stat(join(outDir, name)).catch(() => null))) return false;
  return before.length === now.length && before.every((k, i) => k === now[i]);
}

/** Processes every input and commits the dataset; returns the summary. Throws BatchError for what stops a batch before its work. */
export async function runBatch(inputs: readonly (string | InputFile)[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const outDir = options.outDir;
  // Inputs that name nothing are a usage error before anything is created or changed.
  const expanded = await expandInputs(inputs, { include: options.include, exclude: options.exclude, followSymlinks: options.followSymlinks, outDir });
  const missing = new Set(expanded.unmatched);
  if (expanded.files.filter((f) => !missing.has(f.path)).length + expanded.skipped.length === 0) {
    throw new BatchError('usage', `no input file: ${expanded.unmatched.map((u) => `"${u}"`).join(', ') || 'the inputs'} match${expanded.unmatched.length === 1 ? 'es' : ''} nothing; the dataset in ${outDir} is unchanged`);
  }
  await prepareOutDir(outDir);
  const lock = await lockOutDir(outDir);
  try {
    return await runLocked(expanded, options, started);
  } finally {
    await lock.release();
  }
}

async function runLocked(expanded: ExpandedInputs, options: BatchOptions, started: number): Promise<BatchSummary> {
  const { outDir } = options;
  const interrupted = (): boolean => options.signal?.aborted === true;
  await removeStaleTemps([stateDir(outDir), join(outDir, '.nianbao'), outDir]);
  await removeOldGenerations(outDir); // those of killed runs (the lock says none is being written)

  const warnings: string[] = expanded.unmatched.map((u) => `"${u}" matches nothing`);
  let previous: Manifest | null = null;
  try {
    previous = await readCurrentManifest(outDir);
  } catch (error) {
    if (!options.overwrite) throw new BatchError('output', `the manifest in ${outDir} cannot be read (${(error as Error).message.split('\n')[0]}); --overwrite replaces the dataset`);
  }
  const inputKeys = new Set([...expanded.files.map((f) => keyOf(f.path)), ...expanded.skipped.map((s) => keyOf(s.path))]);
  if (previous && !options.incremental && !options.overwrite) {
    const others = previous.files.filter((f) => !inputKeys.has(keyOf(f.path)));
    if (others.length > 0) {
      throw new BatchError(
        'usage',
        `${outDir} holds a dataset of other inputs (${others.length} of its ${previous.files.length} files are not among these, e.g. ${others[0]?.path}); nothing was changed. Add --incremental to add these files to it, or --overwrite to replace it`,
      );
    }
  }
  const previousByPath = new Map((options.incremental && previous ? previous.files : []).map((f) => [keyOf(f.path), f]));

  const settings = settingsOf(options.process);
  const cache = await indexState(outDir, settings);
  warnings.push(...cache.warnings);

  // Inputs of earlier runs that stay (incremental): their records come from the cache; a path that
  // is gone stays unless --prune; one whose cached result cannot be used is processed again.
  const kept: DatasetInput[] = [];
  const redo: InputFile[] = [];
  let gone = 0;
  let pruned = 0;
  for (const [key, entry] of previousByPath) {
    if (inputKeys.has(key)) continue;
    const exists = (await lstat(entry.path).catch(() => null)) !== null;
    if (!exists) {
      if (options.prune) {
        pruned++;
        continue;
      }
      gone++;
    }
    if (entry.sha256 === null) {
      kept.push({ entry, stored: null });
      continue;
    }
    const stored = cache.entries.get(entry.sha256);
    if (stored) kept.push({ entry: { ...stored.manifest, path: entry.path }, stored });
    else if (exists) redo.push({ path: entry.path, fsPath: entry.path });
    else {
      warnings.push(`${entry.path} is gone and its stored result cannot be used: it leaves the dataset`);
    }
  }

  const files = [...expanded.files, ...redo];
  const hashLimit = pLimit(HASH_CONCURRENCY);
  const hashes = await Promise.all(files.map((file) => hashLimit(async () => ({ file, sha256: await hashFile(file.fsPath, options.process.maxBytes) }))));

  // Decide, per distinct content, whether the cache answers it.
  const results = new Map<string, StoredEntry>(); // sha256 → result of this run or reused
  const toProcess: (typeof hashes)[number][] = [];
  const queued = new Set<string>();
  let reused = 0;
  for (const hashed of hashes) {
    const { file, sha256 } = hashed;
    if (sha256 === null) {
      // Not read before processing: processFile gives the precise code (not found, not a file, too large…).
      toProcess.push(hashed);
      continue;
    }
    if (results.has(sha256) || queued.has(sha256)) continue;
    const cached = cache.entries.get(sha256);
    const retry =
      cached !== undefined &&
      ((options.retryFailed && cached.manifest.status === 'failed') ||
        (cached.manifest.error === 'timeout' && options.timeoutMs !== (cached.timeoutMs ?? 0) && (options.timeoutMs === 0 || options.timeoutMs > (cached.timeoutMs ?? 0))));
    if (cached && !retry) {
      const check = await tryStoredRecord(outDir, sha256, cached);
      if ('record' in check) {
        results.set(sha256, cached);
        reused++;
        continue;
      }
      warnings.push(`the stored result of ${file.path} cannot be used (${check.problem}): processed again`);
    }
    queued.add(sha256);
    toProcess.push(hashed);
  }

  let done = 0;
  options.onStart?.(toProcess.length);
  const report = (entry: ManifestEntry): void => {
    done++;
    options.onFile?.(entry, done, toProcess.length);
  };
  const unhashed: ManifestEntry[] = []; // files that could not be read: an entry without content
  const processedShas = new Set<string>();
  const runner = createFileRunner({ jobs: Math.max(1, options.jobs), timeoutMs: options.timeoutMs, memoryMb: options.memoryMb });
  const stop = (): void => void runner.close();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      toProcess.map(async (hashed) => {
        const { file, sha256 } = hashed;
        const task: FileTask = { path: file.path, fsPath: file.fsPath, options: options.process, outDir, settings };
        const outcome: RunResult = await runner.run(task);
        if (interrupted()) return;
        if ('failure' in outcome) {
          // A crash, a timeout or a memory overrun is a result like any failure: stored under the
          // file's content, so it is not retried every night (--retry-failed retries it).
          const sniffed = await sniffFormat(file.fsPath);
          const manifest: ManifestEntry = {
            path: file.path,
            id: sha256 ? sha256.slice(0, 16) : null,
            sha256,
            bytes: sniffed.bytes,
            format: sniffed.format,
            status: 'failed',
            error: outcome.failure,
            issues: [makeIssue('error', 'extract', outcome.failure, outcome.message)],
            milliseconds: outcome.milliseconds ?? 0,
          };
          report(manifest);
          if (sha256 === null) unhashed.push(manifest);
          else {
            results.set(sha256, await saveResult(outDir, sha256, settings, { record: null, manifest }, outcome.failure === 'timeout' ? { timeoutMs: options.timeoutMs } : {}));
            processedShas.add(sha256);
          }
          return;
        }
        report(outcome.manifest);
        const key = outcome.manifest.sha256;
        if (outcome.stored && key) {
          results.set(key, outcome.stored);
          processedShas.add(key);
          // The file changed between hashing and reading: its entry follows what was read.
          hashed.sha256 = key;
        } else unhashed.push(outcome.manifest);
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await runner.close();
  }
  if (interrupted()) {
    throw new BatchError('interrupted', `stopped: ${processedShas.size} files finished this run are stored in ${stateDir(outDir)}; the dataset in ${outDir} was not changed. Run the same command again to go on from there`);
  }

  // The dataset: one entry per input path. This run's inputs, then (incremental) the kept ones.
  const thisRun: DatasetInput[] = [...expanded.skipped.map((s) => ({ entry: skippedEntry(s), stored: null })), ...unhashed.map((entry) => ({ entry, stored: null }))];
  for (const { file, sha256 } of hashes) {
    const stored = sha256 === null ? undefined : results.get(sha256);
    if (stored) thisRun.push({ entry: { ...stored.manifest, path: file.path }, stored });
  }
  const all = [...thisRun, ...kept].sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  // The same bytes under two paths are one report: the first path holds it, the others point at it.
  const primary = new Map<string, string>();
  for (const input of all) {
    const { entry } = input;
    delete entry.duplicateOf;
    if (entry.sha256 === null || entry.status === 'skipped') continue;
    const first = primary.get(entry.sha256);
    if (first === undefined) primary.set(entry.sha256, entry.path);
    else entry.duplicateOf = first;
  }
  const entries = all.map((i) => i.entry);
  const counted = entries.filter((e) => e.duplicateOf === undefined && e.status !== 'skipped');

  // The inputs this run answers for: with --incremental, what is new or changed (or processed again).
  const answerable = thisRun
    .map((i) => i.entry)
    .filter((e) => {
      if (e.duplicateOf !== undefined || e.status === 'skipped') return false;
      if (!options.incremental) return true;
      const before = previousByPath.get(keyOf(e.path));
      return before === undefined || before.sha256 !== e.sha256 || (e.sha256 !== null && processedShas.has(e.sha256)) || e.sha256 === null;
    });
  const answerableKeys = new Set(answerable.map((e) => keyOf(e.path)));

  // One agency and year under several paths with other bytes: counted once each, reported.
  const byReport = new Map<string, { agency: string; year: number; paths: string[] }>();
  for (const input of all) {
    const s = input.stored;
    if (!s || input.entry.duplicateOf !== undefined || s.agency === null || s.year === null) continue;
    const key = `${s.agency}\u0000${s.year}`;
    const group = byReport.get(key) ?? { agency: s.agency, year: s.year, paths: [] };
    group.paths.push(input.entry.path);
    byReport.set(key, group);
  }

  const manifest: Manifest = { tool: TOOL_NAME, version: TOOL_VERSION, createdAt: new Date().toISOString(), files: entries };
  const written = !(await sameAsCurrent(outDir, previous, entries, options.excel));
  if (written) {
    const generation = await newGeneration(outDir);
    const writer = await openDataset(generation, options.excel);
    try {
      for (const input of all) {
        const holdsRecord = input.entry.duplicateOf === undefined && input.stored?.hasRecord === true && input.entry.sha256 !== null;
        const record = holdsRecord && input.stored && input.entry.sha256 ? await readStoredRecord(outDir, input.entry.sha256, input.stored) : null;
        // The record's source path is this input's path (the cache is keyed by content).
        await writer.add(input.entry, record && { ...record, source: { ...record.source, path: input.entry.path } });
      }
      await writer.finish(manifest);
    } catch (error) {
      await writer.abort();
      await rm(generation, { recursive: true, force: true });
      throw error;
    }
    if (interrupted()) {
      await rm(generation, { recursive: true, force: true });
      throw new BatchError('interrupted', `stopped before the dataset was switched: every result is stored in ${stateDir(outDir)}; the dataset in ${outDir} was not changed`);
    }
    await commitGeneration(outDir, generation, OUTPUT_FILES);
  }

  const failedChecks: Record<string, number> = {};
  for (const entry of counted) {
    for (const issue of entry.issues.filter((i) => i.code === 'check_failed' && i.path)) {
      const kind = `${issue.path?.[0]}.${issue.path?.[1]}`;
      failedChecks[kind] = (failedChecks[kind] ?? 0) + 1;
    }
  }
  return {
    ...counts(counted),
    skipped: entries.filter((e) => e.status === 'skipped').length,
    reused,
    duplicates: entries.filter((e) => e.duplicateOf !== undefined).length,
    thisRun: counts(answerable),
    failures: answerable.filter((e) => e.status === 'failed').map(noteOf),
    earlierFailures: counted.filter((e) => e.status === 'failed' && !answerableKeys.has(keyOf(e.path))).length,
    sameReport: [...byReport.values()].filter((g) => g.paths.length > 1),
    gone,
    pruned,
    warnings,
    written,
    failedChecks,
    outDir,
    milliseconds: Math.round(performance.now() - started),
  };
}
