/**
 * The README's cron recipe, run as written (its command line is read from the README) over three
 * simulated nights of a scraped folder: new files, a file changed in place that keeps its old date
 * (wget -N), a broken file, a non-report sidecar, a removed file. The dataset and the exit code are
 * checked after each night.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { ManifestSchema } from '../src/schema/result.js';
import { makeTempDir, readJsonLines } from './helpers.js';

/** The cron line's command, from `cd` to the log redirection, with the README's folders. */
async function recipe(): Promise<string> {
  const readme = await readFile('README.md', 'utf8');
  const line = readme.split('\n').find((l) => /^\d+ \d+ \* \* \*\s+cd \/srv\/nianbao && .*extract \/srv\/scraped/.test(l));
  if (!line) throw new Error('the README has no cron recipe line');
  const command = /cd \/srv\/nianbao && (.*?) >>/.exec(line)?.[1];
  if (!command) throw new Error(`cannot read the command of: ${line}`);
  return command;
}

interface Night {
  code: number | null;
  paths: Record<string, string>;
  records: { source: { path: string; sha256: string } }[];
}

async function night(command: string, scraped: string, dataset: string): Promise<Night> {
  const run = spawnSync('bash', ['-c', command.replaceAll('/srv/scraped', scraped).replaceAll('/srv/dataset', dataset)], { encoding: 'utf8', timeout: 120_000 });
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8')));
  return {
    code: run.status,
    // A report is `read` (ok or partial: how well is the tables' business, not the batch's), else its error code or `skipped`.
    paths: Object.fromEntries(manifest.files.map((f) => [f.path.slice(scraped.length + 1), f.error ?? (f.status === 'skipped' ? 'skipped' : 'read')])),
    records: (await readJsonLines(join(dataset, 'reports.jsonl'))) as Night['records'],
  };
}

test('three nights with the README recipe: the dataset follows the folder and the exit code follows the night', async () => {
  const command = await recipe();
  expect(command).toMatch(/--incremental/);
  const scraped = await makeTempDir('nianbao-scraped-');
  const dataset = join(await makeTempDir('nianbao-srv-'), 'dataset');
  const download = async (sample: string, name: string): Promise<void> => {
    await copyFile(join('samples', sample), join(scraped, name));
    // Downloads keep the server's date (wget -N, curl -R): older than any earlier run.
    await utimes(join(scraped, name), new Date('2021-03-01'), new Date('2021-03-01'));
  };

  // Night 1: the first night, nothing prepared: two reports and the scraper's listing.
  await download('gen-0000-2019-html-merged.html', 'a.html');
  await download('gen-0001-2021-html-spans.html', 'b.html');
  await writeFile(join(scraped, 'listing.json'), '[{"url": "http://example.org/a.html"}]');
  const first = await night(command, scraped, dataset);
  expect(first.code).toBe(0);
  expect(first.paths).toEqual({ 'a.html': 'read', 'b.html': 'read', 'listing.json': 'skipped' });
  expect(first.records).toHaveLength(2);

  // Night 2: a new report, a broken download, and b.html re-published with another report's content, old date kept.
  await download('gen-0004-2021-markdown.md', 'c.md');
  await writeFile(join(scraped, 'd.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog');
  await utimes(join(scraped, 'd.pdf'), new Date('2021-03-01'), new Date('2021-03-01'));
  await download('gen-0007-2019-html-spans.html', 'b.html');
  const second = await night(command, scraped, dataset);
  expect(second.code).toBe(1); // the broken file is tonight's
  expect(second.paths).toEqual({ 'a.html': 'read', 'b.html': 'read', 'c.md': 'read', 'd.pdf': 'pdf_corrupt', 'listing.json': 'skipped' });
  expect(second.records.map((r) => r.source.path.slice(scraped.length + 1)).sort()).toEqual(['a.html', 'b.html', 'c.md', 'd.pdf']); // a failed PDF has a failed record
  // b.html holds its new version only.
  const republished = createHash('sha256').update(await readFile('samples/gen-0007-2019-html-spans.html')).digest('hex');
  expect(second.records.find((r) => r.source.path.endsWith('b.html'))?.source.sha256).toBe(republished);

  // Night 3: a.html is removed upstream; nothing new. The old broken file is no reason to mail.
  await rm(join(scraped, 'a.html'));
  const third = await night(command, scraped, dataset);
  expect(third.code).toBe(0);
  expect(third.paths).toEqual({ 'b.html': 'read', 'c.md': 'read', 'd.pdf': 'pdf_corrupt', 'listing.json': 'skipped' });
  expect(third.records.map((r) => r.source.path.slice(scraped.length + 1)).sort()).toEqual(['b.html', 'c.md', 'd.pdf']);
}, 300_000);
