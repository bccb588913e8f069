/**
 * Golden files for samples/: the tables, metadata, status, failed checks and issue codes each
 * sample gives. UPDATE_GOLDEN=1 rewrites them; CI refuses that flag, so a regenerating run can
 * never pass there.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { processFile } from '../src/pipeline.js';

const GOLDEN_DIR = 'test/fixtures/golden';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const samples = (await readdir('samples')).filter((f) => !f.startsWith('.')).sort();

describe('golden outputs of samples/', () => {
  test('the regenerate flag is never set under CI', () => {
    expect(UPDATE && process.env.CI === 'true').toBe(false);
  });

  test.each(samples)('%s', async (name) => {
    const { record, manifest } = await processFile(join('samples', name));
    const summary = {
      status: manifest.status,
      format: manifest.format,
      agency: record?.agency ?? null,
      year: record?.year ?? null,
      template: record?.template ?? null,
      tables: record?.tables ?? null,
      failedChecks: record?.checks.filter((c) => !c.pass).map((c) => c.id) ?? [],
      issueCodes: [...new Set(record?.issues.map((i) => `${i.severity}:${i.code}`) ?? [])].sort(),
    };
    const path = join(GOLDEN_DIR, `${name}.json`);
    if (UPDATE) {
      await mkdir(GOLDEN_DIR, { recursive: true });
      await writeFile(path, JSON.stringify(summary, null, 1) + '\n');
    }
    const golden = JSON.parse(await readFile(path, 'utf8')) as unknown;
    expect(summary).toEqual(golden);
  });
});
