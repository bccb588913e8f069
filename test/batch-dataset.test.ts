/**
 * Issue 15, "Data loss and wrong datasets": each test reproduces a failure of the old batch layer
 * (a plain run replacing a dataset of other inputs, a glob matching nothing emptying it, counts
 * doubling with --incremental, one old failure making every night exit 1, an unusable output
 * folder found only after the work) and checks what happens now.
 */
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_BATCH_OPTIONS, runBatch, type BatchOptions } from '../src/batch.js';
import { main } from '../src/cli.js';
import { ManifestSchema, type Manifest } from '../src/schema/result.js';
import { captureStdio, makeTempDir, readJsonLines } from './helpers.js';

const io = captureStdio();

const SAMPLES = ['gen-0000-2019-html-merged.html', 'gen-0001-2021-html-spans.html', 'gen-0004-2021-markdown.md', 'gen-0005-2019-text-spaces.txt'];

async function folderOf(names: readonly string[]): Promise<string> {
  const dir = await makeTempDir('nianbao-ds-');
  for (const name of names) await copyFile(join('samples', name), join(dir, name));
  return dir;
}

async function manifestOf(out: string): Promise<Manifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

async function snapshot(out: string): Promise<string> {
  return (await readFile(join(out, 'reports.jsonl'), 'utf8')) + (await readFile(join(out, 'manifest.json'), 'utf8'));
}

const stateFiles = async (out: string): Promise<number> => (await readdir(join(out, '.nianbao', 'state'))).length;

const options = (outDir: string, extra: Partial<BatchOptions> = {}): BatchOptions => ({ ...DEFAULT_BATCH_OPTIONS, outDir, jobs: 1, ...extra });

describe('15.1 a dataset is never replaced by accident', () => {
  test('a plain run with other inputs into a dataset folder is refused (exit 2, nothing changed); --overwrite replaces it', async () => {
    const dir = await folderOf(SAMPLES);
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', dir, '--out', out, '-q'])).toBe(0);
    const before = await snapshot(out);
    const cached = await stateFiles(out);
    expect(cached).toBe(2 * SAMPLES.length);

    // The old code replaced the 4-report dataset by 1 report and pruned the cache, exit 0.
    io.stderr = '';
    expect(await main(['extract', join(dir, SAMPLES[0] as string), '--out', out, '-q'])).toBe(2);
    expect(io.stderr).toMatch(/holds a dataset of other inputs \(3 of its 4 files.*--incremental.*--overwrite/);
    expect(io.stderr.trim().split('\n')).toHaveLength(2); // the message and one hint line, no help, no stack
    expect(await snapshot(out)).toBe(before);

    // The same inputs again are no conflict.
    expect(await main(['extract', dir, '--out', out, '-q'])).toBe(0);
    // --overwrite replaces the dataset; the cache (a cache: content + version) keeps every result.
    expect(await main(['extract', join(dir, SAMPLES[0] as string), '--out', out, '-q', '--overwrite'])).toBe(0);
    expect(await readJsonLines(join(out, 'reports.jsonl'))).toHaveLength(1);
    expect(await stateFiles(out)).toBe(cached);
  });

  test('inputs that match nothing are a usage error (exit 2) and change nothing; a mistyped folder too', async () => {
    const dir = await folderOf(SAMPLES.slice(0, 2));
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', dir, '--out', out, '-q'])).toBe(0);
    const before = await snapshot(out);
    expect(await main(['extract', `${dir}/*.pdf`, '--out', out, '-q'])).toBe(2);
    expect(io.stderr).toMatch(/no input file: ".*\*\.pdf" matches nothing/);
    expect(await main(['extract', `${dir}-typo`, '--out', out, '-q', '--incremental'])).toBe(2);
    expect(await snapshot(out)).toBe(before);
    // Nothing is created for a run that has nothing to read.
    const fresh = join(await makeTempDir(), 'never');
    expect(await main(['extract', `${dir}/*.pdf`, '--out', fresh, '-q'])).toBe(2);
    await expect(readdir(fresh)).rejects.toThrow(/ENOENT/);
  });
});

describe('15.2 one record per input path', () => {
  test('a file changed in place replaces its old version; --prune drops removed paths; one agency-year under two paths is reported', async () => {
    const dir = await folderOf(SAMPLES.slice(0, 2));
    const out = join(await makeTempDir(), 'out');
    expect((await runBatch([dir], options(out, { incremental: true }))).files).toBe(2);
    // A corrected re-publication: same path, other bytes. The old code kept both versions (3 records).
    const changed = join(dir, SAMPLES[1] as string);
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('</body>', '<p>更正于2024年1月</p></body>'));
    const second = await runBatch([dir], options(out, { incremental: true }));
    expect(second).toMatchObject({ files: 2, reused: 1 });
    const records = (await readJsonLines(join(out, 'reports.jsonl'))) as { source: { path: string } }[];
    expect(records.map((r) => r.source.path).sort()).toEqual([join(dir, SAMPLES[0] as string), changed].sort());

    // A removed file stays without --prune (and is counted as gone), and leaves with it.
    await rm(join(dir, SAMPLES[0] as string));
    expect(await runBatch([dir], options(out, { incremental: true }))).toMatchObject({ files: 2, gone: 1, pruned: 0 });
    expect(await runBatch([dir], options(out, { incremental: true, prune: true }))).toMatchObject({ files: 1, gone: 0, pruned: 1 });
    expect((await manifestOf(out)).files.map((f) => f.path)).toEqual([changed]);

    // gen-0000 and gen-0006 are one agency and year in other bytes: counted twice, never silently.
    const twins = await folderOf(['gen-0000-2019-html-merged.html', 'gen-0006-2019-html-merged.html']);
    const twinsOut = join(await makeTempDir(), 'out');
    expect(await main(['extract', twins, '--out', twinsOut, '-q'])).toBe(0);
    expect(io.stdout).toMatch(/same agency and year under 2 paths \(other bytes\): 某某县教育体育局 2019: .*gen-0000.*, .*gen-0006/);
  });
});

describe('15.4 the exit code is about this run', () => {
  test('an old failure does not fail every later run; sidecars are skipped; --include and --exclude choose files', async () => {
    const dir = await folderOf(SAMPLES.slice(0, 2));
    await writeFile(join(dir, 'broken.html'), Buffer.from([0, 1, 2, 3, 250, 251, 0, 0, 9, 8]));
    await writeFile(join(dir, 'listing.json'), '{"files": []}');
    await writeFile(join(dir, 'bundle.zip'), 'PK\u0003\u0004');
    await writeFile(join(dir, 'index.csv'), 'a,b\n1,2\n');
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', dir, '--out', out, '-q', '--incremental'])).toBe(1);
    expect(io.stdout).toMatch(/failed: .*broken\.html \(not_text\): unrecognised binary/);
    const manifest = await manifestOf(out);
    const status = Object.fromEntries(manifest.files.map((f) => [f.path.slice(dir.length + 1), f.status === 'partial' ? 'ok' : f.status]));
    expect(status).toEqual({ 'broken.html': 'failed', 'bundle.zip': 'skipped', 'index.csv': 'skipped', 'listing.json': 'skipped', [SAMPLES[0] as string]: 'ok', [SAMPLES[1] as string]: 'ok' });

    // Next night: one new good file. The old failure is listed, not counted.
    await copyFile(join('samples', SAMPLES[2] as string), join(dir, SAMPLES[2] as string));
    expect(await main(['extract', dir, '--out', out, '-q', '--incremental'])).toBe(0);
    expect(io.stdout).toMatch(/1 failed files kept from earlier runs/);
    expect(io.stdout).toMatch(/this run: 1 new or changed: \d ok, \d partial, 0 failed/);

    const chosen = join(await makeTempDir(), 'chosen');
    expect(await main(['extract', dir, '--out', chosen, '-q', '--include', '**/*.html', '--exclude', 'broken*'])).toBe(0);
    expect((await manifestOf(chosen)).files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual([SAMPLES[0], SAMPLES[1]]);
    // Files named one by one are chosen by their names too.
    const named = join(await makeTempDir(), 'named');
    expect(await main(['extract', join(dir, 'broken.html'), join(dir, SAMPLES[0] as string), '--out', named, '-q', '--exclude', 'broken*'])).toBe(0);
    expect((await manifestOf(named)).files.map((f) => f.path.slice(dir.length + 1))).toEqual([SAMPLES[0]]);
  });
});

describe('15.5 the output folder is checked before any work', () => {
  test('a file, or a folder under a file, is a one-line error with exit 73 before anything is read', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    expect(await main(['extract', 'samples', '--out', file, '-q'])).toBe(73);
    expect(io.stderr).toBe(`nianbao: the output folder ${file} is a file, not a folder\n`);
    io.stderr = '';
    expect(await main(['extract', 'samples', '--out', join(file, 'out'), '-q'])).toBe(73);
    expect(io.stderr).toBe(`nianbao: the output folder ${join(file, 'out')} lies under a file\n`);
    expect(io.stdout).toBe(''); // no file was processed
  });
});
