/**
 * Hostile input (issue 14): one batch of every hostile file of test/fixtures/hostile/ (and the large
 * ones scripts/make-hostile-fixtures.mjs generates) mixed with good files, through the CLI with
 * --jobs 2. The batch must exit, name each hostile file with its own code, read the good files
 * exactly as a batch without the hostile ones does, and keep the whole process tree's memory
 * under a stated bound.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { ManifestSchema, type Manifest } from '../src/schema/result.js';
import type { ReportRecord } from '../src/schema/records.js';
import { makeTempDir, readJsonLines } from './helpers.js';

const HOSTILE = resolve('test/fixtures/hostile');

/** One case of cases.json, as scripts/make-hostile-fixtures.mjs writes it. */
interface HostileCase {
  file: string;
  /** The manifest code the file must fail with; null: it must be read. */
  code: string | null;
  /** For a file that must be read: the good file it must read like. */
  sameAs?: string;
  /** Generated into a temp folder by the script (megabytes), not committed. */
  large?: boolean;
  /** A broken table whose values only the table decoder can keep from being silently wrong. */
  tableDecoder?: boolean;
  /** For a broken-table case: the good file it was made from, whose values are the truth. */
  original?: string;
  issue: string;
  what: string;
}

const CASES: HostileCase[] = JSON.parse(readFileSync(join(HOSTILE, 'cases.json'), 'utf8')) as HostileCase[];

/**
 * Cases of issue 14.3 that wait for the table decoder (src/tables, the lead's): a 四 row with a cell
 * missing must give unreadable or missing cells, never shifted values; a decoy copy of 三 before
 * the real one must not give the decoy's values. Today both still give wrong values in cells
 * flagged ok. The test checks that exactly these cases are still silently wrong, so that it fails
 * (and the list must shrink) the day the decoder gets one right.
 */
export const WAITING_FOR_TABLE_DECODER: readonly string[] = [];

const GOOD_FILES = [
  'samples/000_d92f6972ebe26fca.txt',
  'samples/gen-0000-2019-html-merged.html',
  'samples/gen-0002-2019-text-tabs.txt',
  'test/fixtures/office/pdf/office-000-2019-ruled.pdf',
  'test/fixtures/office/docx/office-000-2019-ruled.docx',
  'test/fixtures/office/doc/office-000-2019-ruled.doc',
];

/** Peak RSS of the batch's whole process tree (main process, worker threads, any child process); measured 550–900 MB, against 11 GB and aborts before the bounds. */
const PEAK_RSS_BOUND_MB = 1500;
/** No hostile file may take longer than this alone (each takes well under a second on an idle machine: bench/hostile.mjs). */
const PER_FILE_BOUND_MS = 15_000;

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRssKb(root: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Runs the CLI; resolves with its exit code, wall time and the peak RSS of its process tree (sampled every 50 ms). */
function runCli(args: string[]): Promise<{ code: number | null; ms: number; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli.js', ...args], { stdio: 'ignore' });
  let peakKb = 0;
  const sample = (): void => {
    if (child.pid !== undefined && existsSync('/proc')) peakKb = Math.max(peakKb, treeRssKb(child.pid));
  };
  const timer = setInterval(sample, 50);
  return new Promise((done) => {
    child.once('exit', (code) => {
      clearInterval(timer);
      done({ code, ms: performance.now() - started, peakRssMb: peakKb / 1024 });
    });
  });
}

async function readManifest(out: string): Promise<Manifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

async function readRecords(out: string): Promise<Map<string, ReportRecord>> {
  const records = (await readJsonLines(join(out, 'reports.jsonl'))) as ReportRecord[];
  return new Map(records.map((r) => [basename(r.source.path), r]));
}

describe('a batch of hostile files mixed with good ones (--jobs 2)', () => {
  let mixed: { code: number | null; ms: number; peakRssMb: number };
  let rerun: { code: number | null; ms: number; peakRssMb: number };
  let manifest: Manifest;
  let records: Map<string, ReportRecord>;
  let goodAlone: { manifest: Manifest; records: Map<string, ReportRecord> };

  beforeAll(async () => {
    expect(existsSync('dist/cli.js')).toBe(true); // built by `pretest`
    const base = await makeTempDir('nianbao-hostile-');
    const good = join(base, 'inputs', 'good');
    const hostile = join(base, 'inputs', 'hostile');
    await mkdir(good, { recursive: true });
    await mkdir(hostile, { recursive: true });
    for (const path of GOOD_FILES) await copyFile(path, join(good, basename(path)));
    for (const c of CASES.filter((c) => !c.large)) await copyFile(join(HOSTILE, c.file), join(hostile, c.file));
    execFileSync(process.execPath, ['scripts/make-hostile-fixtures.mjs', '--large', hostile]);

    mixed = await runCli(['extract', good, hostile, '--out', join(base, 'mixed'), '--jobs', '2', '--quiet']);
    manifest = await readManifest(join(base, 'mixed'));
    records = await readRecords(join(base, 'mixed'));
    // The next night, nothing new: every hostile failure is a stored result, not read again.
    rerun = await runCli(['extract', good, hostile, '--out', join(base, 'mixed'), '--jobs', '2', '--incremental', '--quiet']);
    const alone = await runCli(['extract', good, '--out', join(base, 'alone'), '--jobs', '2', '--quiet']);
    expect(alone.code).toBe(0);
    goodAlone = { manifest: await readManifest(join(base, 'alone')), records: await readRecords(join(base, 'alone')) };
    process.stderr.write(`hostile batch: exit ${mixed.code}, ${(mixed.ms / 1000).toFixed(1)} s, peak RSS of the process tree ${mixed.peakRssMb.toFixed(0)} MB\n`);
  });

  test('a second --incremental run with nothing new takes seconds and exits 0 (old failures are not this run\'s)', () => {
    process.stderr.write(`hostile batch again, nothing new: exit ${rerun.code}, ${(rerun.ms / 1000).toFixed(1)} s\n`);
    expect(rerun.code).toBe(0);
    expect(rerun.ms).toBeLessThan(Math.max(10_000, mixed.ms / 2));
  });

  test('the batch exits (1: some files failed), within bounded memory, every file in its manifest', () => {
    expect(mixed.code).toBe(1);
    expect(mixed.peakRssMb).toBeGreaterThan(0);
    expect(mixed.peakRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
    expect(manifest.files).toHaveLength(GOOD_FILES.length + CASES.length);
  });

  test.each(CASES.filter((c) => c.code !== null).map((c) => [c.file, c.code, c.what] as const))('%s fails with %s (%s), quickly', (file, code) => {
    const entry = manifest.files.find((f) => basename(f.path) === file);
    expect(entry).toMatchObject({ status: 'failed', error: code });
    expect(entry?.milliseconds).toBeLessThan(PER_FILE_BOUND_MS);
  });

  test.each(CASES.filter((c) => c.sameAs !== undefined).map((c) => [c.file, c.sameAs ?? '', c.what] as const))('%s is read like %s (%s)', (file, sameAs) => {
    const record = records.get(file);
    const original = records.get(basename(sameAs));
    expect(record?.status).toBe(original?.status);
    expect(record?.tables).toEqual(original?.tables);
    expect(record?.agency).toBe(original?.agency);
    expect(record?.year).toBe(original?.year);
  });

  test('one bad byte in a UTF-8 report is flagged, and the report is still read as UTF-8', () => {
    const entry = manifest.files.find((f) => basename(f.path) === 'text-bad-utf8-byte.txt');
    expect(entry?.issues.map((i) => i.code)).toContain('invalid_bytes');
  });

  test('a broken table gives its original values or flagged cells; the cases still silently wrong are exactly WAITING_FOR_TABLE_DECODER', () => {
    const silentlyWrong: string[] = [];
    for (const c of CASES.filter((c) => c.tableDecoder)) {
      const record = records.get(c.file);
      const original = records.get(basename(c.original ?? ''));
      expect(record?.source.format).toBe('html'); // read, without harm to the batch
      expect(original).toBeDefined();
      const truth = new Map(original?.cells.map((cell) => [`${cell.table}.${cell.row}.${cell.column}`, cell.value]));
      // A cell is silently wrong when it is flagged as read (ok, or printed blank) but differs from the original.
      const wrong = record?.cells.filter((cell) => (cell.flag === 'ok' || cell.flag === 'blank') && cell.value !== truth.get(`${cell.table}.${cell.row}.${cell.column}`)) ?? [];
      if (wrong.length > 0) silentlyWrong.push(c.file);
    }
    expect(silentlyWrong).toEqual([...WAITING_FOR_TABLE_DECODER]);
  });

  test('the good files read exactly as in a batch without the hostile files', () => {
    for (const path of GOOD_FILES) {
      const name = basename(path);
      expect(records.get(name)).toBeDefined();
      expect(records.get(name)).toEqual(goodAlone.records.get(name));
      const strip = (m: Manifest) => {
        const entry = m.files.find((f) => basename(f.path) === name);
        return entry && { ...entry, milliseconds: 0 };
      };
      expect(strip(manifest)).toEqual(strip(goodAlone.manifest));
    }
  });
});
