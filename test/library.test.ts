/** The package's library surface: what `import … from 'nianbao'` gives. */
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { DEFAULT_BATCH_OPTIONS, extractFile, generateReports, ReportRecordSchema, runBatch, scoreRecord } from '../src/index.js';
import { makeTempDir, SEED_PATH } from './helpers.js';

test('extractFile returns a validated record; runBatch writes a dataset', async () => {
  const record = await extractFile(SEED_PATH);
  expect(ReportRecordSchema.parse(record).agency).toBe('中宁县科学技术局');
  await expect(extractFile('/no/such/report.pdf')).rejects.toThrow(/no such file/);
  const out = join(await makeTempDir(), 'out');
  const summary = await runBatch([SEED_PATH], { ...DEFAULT_BATCH_OPTIONS, outDir: out, jobs: 1 });
  expect(summary).toMatchObject({ files: 1, ok: 1, failed: 0 });
});

test('the generator and its scorer are exported for downstream tests', () => {
  const [file] = generateReports(1, { seed: 3, layouts: ['markdown'] });
  expect(file?.layout).toBe('markdown');
  expect(typeof scoreRecord).toBe('function');
});
