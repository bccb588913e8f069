/**
 * Issue 15, "Outputs that say what they mean" and "Library and command line": unread and label
 * columns, reports.csv, codebook.csv, described schema, agency/year issues, extractFile's options
 * and exit, messages, help per command, log-mode progress, --excel with nothing new, `show`, and a
 * README that stands alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { main } from '../src/cli.js';
import { createProgress } from '../src/progress.js';
import { captureStdio, makeTempDir, SEED_PATH } from './helpers.js';

const io = captureStdio();

/** A CSV line's fields (no field of these tests holds a comma or quote). */
const fields = (line: string | undefined): string[] => (line ?? '').split(',');

/** The sample with its table 四 cut out (its cells are `missing`) and two cells of 三 made unreadable. */
async function damagedReport(dir: string): Promise<string> {
  const html = await readFile('samples/gen-0000-2019-html-merged.html', 'utf8');
  const start = html.lastIndexOf('<table');
  const cut = html.slice(0, start) + html.slice(html.indexOf('</table>', start) + 8);
  const path = join(dir, 'damaged.html');
  await writeFile(path, cut);
  return path;
}

describe('15.6-15.8 outputs', () => {
  test('wide CSVs carry the printed label and the unread columns; reports.csv has one line per input; codebook.csv is written', async () => {
    const dir = await makeTempDir();
    const damaged = await damagedReport(dir);
    await writeFile(join(dir, 'broken.pdf'), '%PDF-1.4 nothing');
    const out = join(dir, 'out');
    expect(await main(['extract', damaged, SEED_PATH, join(dir, 'broken.pdf'), '--out', out, '-q'])).toBe(1);

    const reviews = (await readFile(join(out, 'reviews.csv'), 'utf8')).trim().split('\n');
    expect(fields(reviews[0])).toEqual(['id', 'path', 'agency', 'year', 'template', 'status', 'row', 'label', 'upheld', 'corrected', 'other', 'pending', 'total', 'unread']);
    const missingRow = reviews.find((l) => l.includes(damaged) && l.includes(',review,'));
    // Before: an empty field, the same as a printed blank. Now the row says which columns were not read.
    expect(fields(missingRow).slice(6)).toEqual(['review', '行政复议', '', '', '', '', '', 'upheld corrected other pending total']);
    const requests = (await readFile(join(out, 'requests.csv'), 'utf8')).trim().split('\n');
    expect(fields(requests.find((l) => l.includes(SEED_PATH) && l.includes(',granted,'))).slice(6, 8)).toEqual(['granted', '（一）予以公开']);
    expect(requests.filter((l) => l.includes(SEED_PATH)).every((l) => l.endsWith(','))).toBe(true); // all read

    const reports = (await readFile(join(out, 'reports.csv'), 'utf8')).trim().split('\n');
    expect(fields(reports[0])).toEqual([
      'id', 'path', 'format', 'agency', 'year', 'template', 'status', 'error', 'sourceErrors',
      'cells_ok', 'cells_blank', 'cells_unreadable', 'cells_missing', 'cells_inferred', 'cells_corrected', 'failedChecks', 'issues', 'duplicateOf',
      'agencyKey', 'divisionCode', 'province', 'city', 'county', 'level',
    ]);
    expect(reports).toHaveLength(4);
    const byPath = Object.fromEntries(reports.slice(1).map((l) => [fields(l)[1], fields(l)]));
    expect(byPath[join(dir, 'broken.pdf')]?.slice(2, 9)).toEqual(['pdf', '', '', '', 'failed', 'pdf_corrupt', '0']);
    expect(byPath[damaged]?.slice(6, 7)).toEqual(['partial']);
    expect(Number(byPath[damaged]?.[12])).toBe(15); // 四's 15 cells missing
    expect(byPath[SEED_PATH]?.slice(3, 9)).toEqual(['中宁县科学技术局', '2020', '2019', 'ok', '', '0']);
    expect(byPath[SEED_PATH]?.slice(18)).toEqual(['宁夏回族自治区中卫市中宁县科学技术局', '640521', '宁夏回族自治区', '中卫市', '中宁县', 'department']);

    const codebook = (await readFile(join(out, 'codebook.csv'), 'utf8')).trim().split('\n');
    expect(codebook[0]).toBe('table,tableTitle,templates,row,rowLabel,column,columnLabel,unit');
    expect(codebook).toContain('active,二、主动公开政府信息情况,2021,fees,行政事业性收费,amount,本年收费金额,万元');
    expect(codebook).toContain('requests,三、收到和处理政府信息公开申请情况,2019 2021,totalHandled,（七）总计,total,总计,件');
    expect(codebook.filter((l) => l.startsWith('reviews,'))).toHaveLength(15);
  });

  test('`nianbao schema` titles and describes every field, rows and columns with their printed labels and units', async () => {
    expect(await main(['schema'])).toBe(0);
    const schema = JSON.parse(io.stdout) as Record<string, unknown>;
    const undescribed: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      if (path !== '' && (typeof node.description !== 'string' || typeof node.title !== 'string')) undescribed.push(path);
      for (const [key, child] of Object.entries((node.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) walk(child, `${path}.${key}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    const fees = (schema as { properties: { tables: { properties: { active: { properties: { fees: { properties: { amount: { description: string } } } } } } } } }).properties.tables.properties.active.properties.fees.properties.amount;
    expect(fees.description).toMatch(/行政事业性收费 · 本年收费金额, in 万元/);
  });

  test('15.10 an agency or year not found is an issue on the report, not a silent null', async () => {
    const dir = await makeTempDir();
    const text = (await readFile(SEED_PATH, 'utf8')).replace(/中宁县科学技术局|科学技术局/g, '本局').replace(/20\d\d\s*年/g, '本年');
    await writeFile(join(dir, 'anonymous.txt'), text);
    const out = join(dir, 'out');
    expect(await main(['extract', join(dir, 'anonymous.txt'), '--out', out, '-q'])).toBe(0);
    const [record] = (await readFile(join(out, 'reports.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { agency: null; year: null; issues: { code: string }[] });
    expect(record?.agency).toBeNull();
    expect(record?.year).toBeNull();
    expect(record?.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['agency_unknown', 'year_unknown']));
  });
});

describe('15.11 the library', () => {
  test('a script that awaits extractFile(image) exits by itself; extractFile takes options', async () => {
    const script = `import { extractFile } from './dist/index.js';
const r = await extractFile('test/fixtures/scans/${'PLACEHOLDER'}');
process.stdout.write(r.status);`;
    const scans = JSON.parse(await readFile('test/fixtures/scans/scans.json', 'utf8')) as unknown;
    const image = JSON.stringify(scans).match(/"([^"]+\.png)"/)?.[1];
    expect(image).toBeDefined();
    const dir = await makeTempDir();
    const file = join(process.cwd(), `.exit-test-${process.pid}.mjs`);
    await writeFile(file, script.replace(`test/fixtures/scans/PLACEHOLDER`, join('test/fixtures/scans', image as string)));
    try {
      // Before: the OCR workers kept the process alive until closeOcr(); the script never ended.
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 120_000 });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^(ok|partial)$/);
    } finally {
      spawnSync('rm', ['-f', file]);
    }
    const { extractFile } = await import('../src/pipeline.js');
    const pdf = join(dir, 'scan.pdf');
    await copyFile('test/fixtures/office/bad/image-only.pdf', pdf);
    // With OCR off (an option), a scan is a failed record that says why.
    const record = await extractFile(pdf, { ocr: false });
    expect([record.status, record.issues[0]?.code]).toEqual(['failed', 'ocr_required']);
  }, 180_000);

  test('package.json builds on install from git (prepare) and ships the docs and licence', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string>; files: string[]; license: string };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'docs', 'LICENSE']));
    expect(pkg.license).toBe('MIT');
    expect(await readFile('LICENSE', 'utf8')).toMatch(/^MIT License/);
  });
});

describe('15.12 messages', () => {
  test('each bad option has its own message and one hint line, not the whole help', async () => {
    const cases: [string[], RegExp][] = [
      [['--jobs', '0'], /--jobs must be at least 1, not 0/],
      [['--jobs', '-3'], /--jobs must be at least 1, not -3/],
      [['--max-bytes', '10MB'], /--max-bytes takes a whole number, not "10MB"/],
      [['--fail-on', 'warn'], /--fail-on takes "failed" or "partial", not "warn"/],
      [['--timeout', '1.5'], /--timeout takes a whole number, not "1.5"/],
      [['--prune'], /--prune goes with --incremental/],
    ];
    for (const [args, message] of cases) {
      io.stderr = '';
      expect(await main(['extract', 'samples', '--out', '/tmp/never-written', ...args])).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr.trim().split('\n')).toHaveLength(2);
      expect(io.stderr).toMatch(/Run "nianbao --help"/);
    }
    expect(existsSync('/tmp/never-written')).toBe(false);
  });

  test('extract --help and generate --help show their own options with defaults', async () => {
    expect(await main(['extract', '--help'])).toBe(0);
    expect(io.stdout).toMatch(/^Usage: nianbao extract/);
    expect(io.stdout).toContain('--timeout SEC      give up on a file after SEC seconds (default 120;');
    expect(io.stdout).not.toContain('--layouts');
    io.stdout = '';
    expect(await main(['generate', '--help'])).toBe(0);
    expect(io.stdout).toMatch(/^Usage: nianbao generate/);
    expect(io.stdout).toContain('--count N      how many reports (default 12)');
  });

  test('the summary names failed files with their code and message', async () => {
    const dir = await makeTempDir();
    for (let i = 0; i < 7; i++) await writeFile(join(dir, `bad-${i}.pdf`), `%PDF-1.4 broken ${i}`);
    await copyFile(SEED_PATH, join(dir, 'good.txt'));
    expect(await main(['extract', dir, '--out', join(dir, 'out'), '-q'])).toBe(1);
    expect(io.stdout).toMatch(/failed: .*bad-0\.pdf \(pdf_corrupt\): \S+/);
    expect(io.stdout.match(/^ {2}failed: /gm)).toHaveLength(5);
    expect(io.stdout).toMatch(/… and 2 more failed/);
  });

  test('log mode prints a line every interval and the last line once', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (c: Buffer) => (text += c.toString()));
    const progress = createProgress(3, 'log', stream, 30);
    progress.tick('a', 'ok');
    await new Promise((r) => setTimeout(r, 100)); // one slow file: the job still shows it is alive
    progress.tick('b', 'ok');
    progress.tick('c', 'ok');
    progress.stop();
    progress.stop();
    const lines = text.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('nianbao: 1/3 files')).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.startsWith('nianbao: 3/3 files (100%)'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^nianbao: 3\/3 files \(100%\)/);
  });

  test('--excel applies even when nothing is new', async () => {
    const out = join(await makeTempDir(), 'out');
    expect(await main(['extract', SEED_PATH, '--out', out, '-q'])).toBe(0);
    expect((await readFile(join(out, 'requests.csv')))[0]).toBe(0x69); // "i" of id: no BOM
    expect(await main(['extract', SEED_PATH, '--out', out, '-q', '--excel', '--incremental'])).toBe(0);
    expect([...(await readFile(join(out, 'requests.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('Ctrl-C: the run stops, says what was kept, and leaves the dataset as it was (exit 130)', async () => {
    const dir = await makeTempDir();
    await copyFile(SEED_PATH, join(dir, 'seed.txt'));
    await copyFile('samples/gen-0004-2021-markdown.md', join(dir, 'slow.md'));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, ['dist/cli.js', 'extract', dir, '--out', out, '--jobs', '2'], { env: { ...process.env, NIANBAO_TEST_FAULT: 'slow=hang' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Wait until the good file's result is stored, then interrupt. The wait is bounded by time, not by a count of
    // polls: on a loaded CI machine the child's start alone can take many seconds (a CI run once interrupted it
    // before it had stored anything).
    const stateDir = join(out, '.nianbao', 'state');
    const storedEntries = (): number => (existsSync(stateDir) ? readdirSync(stateDir).filter((n) => n.endsWith('.entry')).length : 0);
    const deadline = Date.now() + 45_000;
    while (storedEntries() < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const storedBeforeInterrupt = storedEntries();
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(storedBeforeInterrupt).toBe(1);
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped: 1 files finished this run are stored in .*state; the dataset in .* was not changed/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  }, 90_000);
});

describe('15.13 nianbao show', () => {
  test('prints the tables as the forms lay them out, each cell flag marked', async () => {
    const dir = await makeTempDir();
    const damaged = await damagedReport(dir);
    expect(await main(['show', damaged])).toBe(0);
    const text = io.stdout;
    expect(text).toMatch(/^某某县教育体育局 · 2019 · format 2019 · partial/);
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    expect(text).toMatch(/（一）予以公开\s+│\s+16 │/);
    expect(text).toMatch(/行政复议\s+│\s+! │\s+! │/); // 四 is missing: marked, not shown as blanks
    expect(text).toMatch(/\? unreadable\s+! missing/);
    io.stdout = '';
    expect(await main(['show', join(dir, 'nothing.pdf')])).toBe(1);
    expect(io.stderr).toMatch(/file_not_found/);
  });
});

describe('15.14 the README stands alone', () => {
  test('the dataset contract and the OCR internals are in docs/, the README points there and not to ../shared', async () => {
    const readme = await readFile('README.md', 'utf8');
    expect(readme).toContain('docs/dataset.md');
    expect(readme).toContain('docs/ocr.md');
    expect(readme).not.toMatch(/\.\.\/shared\/reference/);
    expect(readme).not.toMatch(/adaptive ink masks/); // moved to docs/ocr.md
    expect(await readFile('docs/ocr.md', 'utf8')).toMatch(/adaptive ink masks/);
    expect(await readFile('docs/dataset.md', 'utf8')).toMatch(/## Files of a dataset/);
  });
});
