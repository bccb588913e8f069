import { copyFile, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { main } from '../src/cli.js';
import { ManifestSchema } from '../src/schema/result.js';
import { captureStdio, makeTempDir, readJsonLines, SEED_PATH } from './helpers.js';

const io = captureStdio();

const OUTPUTS = ['reports.jsonl', 'reports.csv', 'codebook.csv', 'requests.csv', 'reviews.csv', 'active.csv', 'cells.csv', 'checks.csv', 'manifest.json', '.nianbao'];

async function inputsWithBadFiles(): Promise<string> {
  const dir = await makeTempDir();
  await copyFile(SEED_PATH, join(dir, 'seed.txt'));
  await copyFile('samples/gen-0001-2021-html-spans.html', join(dir, 'good report.html'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'junk.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await writeFile(join(dir, 'novel.txt'), '第一章\n天色渐晚，他沿着河边慢慢走回家。\n');
  await writeFile(
    join(dir, 'no-tables.txt'),
    '某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度我局认真落实政府信息公开条例。\n二、主动公开政府信息情况\n详见附件。\n',
  );
  return dir;
}

describe('nianbao extract', () => {
  test('writes every output; bad files get clear manifest entries; the rest are processed; exit code 1', async () => {
    const dir = await inputsWithBadFiles();
    const out = join(await makeTempDir(), 'out');
    const code = await main(['extract', dir, '--out', out, '--quiet']);
    expect(code).toBe(1);
    expect((await readdir(out)).sort()).toEqual([...OUTPUTS].sort());
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    const byName = Object.fromEntries(manifest.files.map((f) => [f.path.split('/').pop(), f]));
    expect(byName['seed.txt']).toMatchObject({ status: 'ok', format: 'text', error: null });
    expect(byName['good report.html']).toMatchObject({ status: expect.stringMatching(/^(ok|partial)$/), format: 'html', error: null });
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', error: 'empty_file', format: null });
    expect(byName['junk.html']).toMatchObject({ status: 'failed', error: 'not_text', format: null });
    expect(byName['novel.txt']).toMatchObject({ status: 'failed', error: 'not_a_report', format: 'text' });
    expect(byName['no-tables.txt']).toMatchObject({ status: 'failed', error: 'no_tables_found', format: 'text' });
    for (const f of manifest.files) {
      expect(f.milliseconds).toBeGreaterThanOrEqual(0);
      if (f.status === 'failed') expect(f.issues[0]?.message.length).toBeGreaterThan(5);
    }
    const records = await readJsonLines(join(out, 'reports.jsonl'));
    expect(records).toHaveLength(4); // the two unreadable files have a manifest entry only
    expect(io.stdout).toMatch(/6 files: \d ok, \d partial, 4 failed/);
  });

  test('CSVs: one line per report and printed row, nulls empty, --excel adds a BOM', async () => {
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', SEED_PATH, '--out', out, '--excel', '-q'])).toBe(0);
    const requests = await readFile(join(out, 'requests.csv'), 'utf8');
    expect(requests.startsWith('\ufeffid,path,agency,year,template,status,row,label,naturalPerson')).toBe(true);
    expect(requests.trim().split('\n')).toHaveLength(1 + 23);
    const active = (await readFile(join(out, 'active.csv'), 'utf8')).trim().split('\n');
    expect(active).toHaveLength(1 + 8);
    expect(active.find((l) => l.includes(',otherServices,'))).toMatch(/,otherServices,其他对外管理服务事项,,,,2,3,0,,,,,,$/);
    const cells = (await readFile(join(out, 'cells.csv'), 'utf8')).trim().split('\n');
    expect(cells).toHaveLength(1 + 23 * 7 + 15 + 22);
    const checks = (await readFile(join(out, 'checks.csv'), 'utf8')).trim().split('\n');
    expect(checks[1]).toMatch(/,requests\.balance\.naturalPerson,requests,/);
  });

  test('every line of reports.jsonl validates against the schema `nianbao schema` prints', async () => {
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', 'samples', '--out', out, '-q'])).toBe(0);
    io.stdout = '';
    expect(await main(['schema'])).toBe(0);
    const schema = JSON.parse(io.stdout) as object;
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const records = await readJsonLines(join(out, 'reports.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(9);
    for (const record of records) {
      const valid = validate(record);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // The schema really constrains: a record with a string value fails it.
    const broken = structuredClone(records[0]) as { tables: { reviews: { review: { total: unknown } } } };
    broken.tables.reviews.review.total = '0';
    expect(validate(broken)).toBe(false);
  });

  test('usage errors exit 2; help and version exit 0', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['extract'])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['extract', 'x', '--jobs', 'zero'])).toBe(2);
    expect(await main(['extract', 'x', '--no-such-flag'])).toBe(2);
    expect(await main(['--help'])).toBe(0);
    expect(io.stdout).toContain('Exit codes');
    expect(await main(['--version'])).toBe(0);
  });

  test('a missing input path is a failed manifest entry, not a crash', async () => {
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', SEED_PATH, '/no/such/file.html', '--out', out, '-q'])).toBe(1);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { files: { error: string | null }[] };
    expect(manifest.files.map((f) => f.error).sort()).toEqual(['file_not_found', null].sort());
  });

  test('outputs are replaced whole: a second run leaves no temp files and no stale rows', async () => {
    const dir = await makeTempDir();
    const out = join(dir, 'out');
    await mkdir(out);
    expect(await main(['extract', 'samples', '--out', out, '-q'])).toBe(0);
    expect(await main(['extract', SEED_PATH, '--out', out, '-q', '--overwrite'])).toBe(0);
    expect((await readdir(out)).sort()).toEqual([...OUTPUTS].sort());
    expect(await readJsonLines(join(out, 'reports.jsonl'))).toHaveLength(1);
  });

  test('generate writes reports that extract reads back', async () => {
    const dir = await makeTempDir();
    expect(await main(['generate', '--count', '6', '--seed', '3', '--out', dir])).toBe(0);
    expect(await readdir(dir)).toHaveLength(6);
    expect(await main(['generate', '--count', '2', '--layouts', 'nope', '--out', dir])).toBe(2);
    const out = join(dir, 'out');
    expect(await main(['extract', dir, '--out', out, '-q'])).toBe(0);
    expect(io.stdout).toMatch(/6 files: \d+ ok, \d+ partial, 0 failed/);
  });
});
