/** Batch runs: incremental state, SIGKILL in the middle, duplicates, list files, globs, bad input. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { runBatch, DEFAULT_BATCH_OPTIONS } from '../src/batch.js';
import { main } from '../src/cli.js';
import { ManifestSchema, type Manifest } from '../src/schema/result.js';
import { makePngHeader, makeTempDir, makeTextPdf, readJsonLines, SEED_PATH } from './helpers.js';

const DATASET_FILES = ['reports.jsonl', 'requests.csv', 'reviews.csv', 'active.csv', 'cells.csv', 'checks.csv'];
const OFFICE_PDFS = 'test/fixtures/office/pdf';

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
});

async function readManifest(out: string): Promise<Manifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

async function datasetOf(out: string): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(DATASET_FILES.map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const)));
}

async function copyPdfs(count: number): Promise<string> {
  const dir = await makeTempDir('nianbao-batch-');
  for (const name of (await readdir(OFFICE_PDFS)).sort().slice(0, count)) await copyFile(join(OFFICE_PDFS, name), join(dir, name));
  return dir;
}

describe('incremental runs', () => {
  // Three whole batches over 60 PDFs; the timeout is a hang guard, no speed claim (a loaded machine needed more than the default).
  test('SIGKILL in the middle, then --incremental: the dataset equals an uninterrupted run', async () => {
    const inputs = await copyPdfs(60);
    const base = await makeTempDir();
    const complete = join(base, 'complete');
    const killed = join(base, 'killed');
    expect(await main(['extract', inputs, '--out', complete, '-q', '--jobs', '1'])).toBe(0);

    expect(existsSync('dist/cli.js')).toBe(true); // built by `pretest`
    const child = spawn(process.execPath, ['dist/cli.js', 'extract', inputs, '--out', killed, '--jobs', '1', '--quiet'], { stdio: 'ignore' });
    const state = join(killed, '.nianbao', 'state');
    const deadline = Date.now() + 60_000;
    let stored = 0;
    while (Date.now() < deadline) {
      stored = existsSync(state) ? (await readdir(state)).filter((n) => n.endsWith('.json')).length : 0;
      if (stored >= 8) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(stored).toBeGreaterThanOrEqual(8);
    const afterKill = (await readdir(state)).filter((n) => n.endsWith('.json')).length;
    expect(afterKill).toBeLessThan(60); // it was really killed midway
    expect(existsSync(join(killed, 'reports.jsonl'))).toBe(false); // nothing half-written took the dataset's place

    expect(await main(['extract', inputs, '--out', killed, '-q', '--jobs', '1', '--incremental'])).toBe(0);
    expect(await datasetOf(killed)).toEqual(await datasetOf(complete));
    const manifest = await readManifest(killed);
    expect(manifest.files).toHaveLength(60);
    expect((await readdir(killed)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  test('a second --incremental run with nothing new reuses every result and adds new files', async () => {
    const inputs = await copyPdfs(6);
    const out = join(await makeTempDir(), 'out');
    const options = { ...DEFAULT_BATCH_OPTIONS, outDir: out, jobs: 1 };
    const first = await runBatch([inputs], options);
    expect(first.reused).toBe(0);
    const before = await datasetOf(out);
    const again = await runBatch([inputs], { ...options, incremental: true });
    expect(again).toMatchObject({ files: 6, reused: 6 });
    expect(await datasetOf(out)).toEqual(before);
    // The nightly job: today's new file is added; yesterday's stay in the dataset.
    const today = await makeTempDir();
    await copyFile(SEED_PATH, join(today, 'new.txt'));
    const nightly = await runBatch([today], { ...options, incremental: true });
    expect(nightly).toMatchObject({ files: 7, reused: 0 });
    expect(await readJsonLines(join(out, 'reports.jsonl'))).toHaveLength(7);
  });
});

describe('inputs', () => {
  test('the same bytes under two names are processed once; both paths are in the manifest', async () => {
    const dir = await makeTempDir();
    await copyFile(SEED_PATH, join(dir, 'a.txt'));
    await copyFile(SEED_PATH, join(dir, 'b copy.txt'));
    const out = join(dir, 'out');
    const summary = await runBatch([join(dir, 'a.txt'), join(dir, 'b copy.txt')], { ...DEFAULT_BATCH_OPTIONS, outDir: out, jobs: 1 });
    expect(summary).toMatchObject({ files: 1, duplicates: 1, ok: 1 });
    const manifest = await readManifest(out);
    expect(manifest.files.map((f) => [f.path.split('/').pop(), f.duplicateOf?.split('/').pop() ?? null, f.status])).toEqual([
      ['a.txt', null, 'ok'],
      ['b copy.txt', 'a.txt', 'ok'],
    ]);
    expect(await readJsonLines(join(out, 'reports.jsonl'))).toHaveLength(1);
  });

  test('--from list files and glob patterns', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'sub'));
    await copyFile(SEED_PATH, join(dir, 'sub', 'one.txt'));
    await copyFile('samples/gen-0000-2019-html-merged.html', join(dir, 'sub', 'two.html'));
    await copyFile('samples/gen-0004-2021-markdown.md', join(dir, 'three.md'));
    await writeFile(join(dir, 'list.txt'), `# today's files\n${join(dir, 'three.md')}\n\n`);
    const out = join(dir, 'out');
    expect(await main(['extract', `${dir}/sub/*.{txt,html}`, '--from', join(dir, 'list.txt'), '--out', out, '-q'])).toBe(0);
    const manifest = await readManifest(out);
    expect(manifest.files.map((f) => f.path.split('/').pop()).sort()).toEqual(['one.txt', 'three.md', 'two.html']);
  });
});

describe('bad input, in one batch', () => {
  test('each bad file gets a clear manifest entry; nothing else in the batch changes', async () => {
    const dir = await makeTempDir('nianbao-bad-');
    const control = join(dir, '正常 报告\n(第1份).txt');
    await copyFile(SEED_PATH, control);
    await writeFile(join(dir, 'zero.txt'), '');
    await copyFile('test/fixtures/office/bad/truncated.pdf', join(dir, 'truncated.pdf'));
    await copyFile('test/fixtures/office/bad/encrypted.pdf', join(dir, 'encrypted.pdf'));
    await writeFile(join(dir, 'junk.html'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131) % 256)));
    const gbk = (await readFile('samples/gen-0000-2019-html-merged.html', 'utf8')).replace(/<meta[^>]*>/i, '');
    await writeFile(join(dir, 'gbk no charset.html'), iconv.encode(gbk, 'gbk'));
    await writeFile(join(dir, 'not-a-report.html'), '<html><body><h1>天气预报</h1><p>明天晴，气温二十度。</p></body></html>');
    await writeFile(join(dir, 'long.pdf'), makeTextPdf(300));
    await writeFile(join(dir, 'too long.pdf'), makeTextPdf(301));
    await writeFile(join(dir, 'huge.png'), makePngHeader(10_000, 10_000));
    await mkdir(join(dir, 'loop'));
    await symlink('..', join(dir, 'loop', 'back'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', dir, '--out', out, '-q', '--jobs', '1'])).toBe(1);
    const manifest = await readManifest(out);
    const byName = Object.fromEntries(manifest.files.map((f) => [f.path.slice(dir.length + 1), f]));
    expect(Object.keys(byName).sort()).toEqual(
      ['encrypted.pdf', 'gbk no charset.html', 'huge.png', 'junk.html', 'long.pdf', 'not-a-report.html', 'pipe.txt', 'too long.pdf', 'truncated.pdf', 'zero.txt', '正常 报告\n(第1份).txt'].sort(),
    );
    const codes = Object.fromEntries(Object.entries(byName).map(([k, f]) => [k, f.error]));
    expect(codes).toEqual({
      '正常 报告\n(第1份).txt': null,
      'gbk no charset.html': null,
      'zero.txt': 'empty_file',
      'truncated.pdf': 'pdf_corrupt',
      'encrypted.pdf': 'pdf_encrypted',
      'junk.html': 'not_text',
      'not-a-report.html': 'not_a_report',
      'long.pdf': 'not_a_report',
      'too long.pdf': 'too_many_pages',
      'huge.png': 'image_too_large',
      'pipe.txt': 'not_a_file',
    });
    for (const f of manifest.files.filter((x) => x.status === 'failed')) expect(f.issues[0]?.message).toMatch(/\S{4,}/);
    // The good files read exactly as they do alone.
    const alone = join(await makeTempDir(), 'alone');
    expect(await main(['extract', control, '--out', alone, '-q'])).toBe(0);
    const inBatch = (await readJsonLines(join(out, 'reports.jsonl'))) as { source: { path: string }; tables: unknown }[];
    const single = (await readJsonLines(join(alone, 'reports.jsonl'))) as { tables: unknown }[];
    expect(inBatch.map((r) => r.source.path)).toContain(control);
    expect(inBatch.find((r) => r.source.path === control)?.tables).toEqual(single[0]?.tables);
    expect(byName['gbk no charset.html']?.status).toBe('ok');
  });

  test('a file over the time limit fails alone with "timeout"', async () => {
    const dir = await makeTempDir();
    await copyFile(SEED_PATH, join(dir, 'seed.txt'));
    await writeFile(join(dir, 'long.pdf'), makeTextPdf(300));
    const out = join(dir, 'out');
    const summary = await runBatch([dir], { ...DEFAULT_BATCH_OPTIONS, outDir: out, jobs: 1, timeoutMs: 1 });
    const manifest = await readManifest(out);
    expect(manifest.files.find((f) => f.path.endsWith('long.pdf'))?.error).toBe('timeout');
    expect(summary.failed).toBeGreaterThanOrEqual(1);
  });

  test('--fail-on partial makes a partial file exit 1', async () => {
    const dir = await makeTempDir();
    const out = join(dir, 'out');
    // A report whose table 四 is left out is partial (its cells are missing).
    const html = await readFile('samples/gen-0000-2019-html-merged.html', 'utf8');
    const partial = join(dir, 'no-table-4.html');
    await writeFile(partial, html.slice(0, html.lastIndexOf('<table')) + html.slice(html.indexOf('</table>', html.lastIndexOf('<table')) + 8));
    expect(await main(['extract', partial, '--out', out, '-q'])).toBe(0);
    expect(await main(['extract', partial, '--out', out, '-q', '--fail-on', 'partial'])).toBe(1);
    expect(await main(['extract', partial, '--out', out, '-q', '--fail-on', 'sometimes'])).toBe(2);
  });
});
