/** The dataset the review tests look at: the generated multi-year set and one corpus PDF (for crops and a source error). */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_BATCH_OPTIONS, runBatch } from '../src/batch.js';
import { generateMultiYearSet } from '../src/panel/multi-year.js';
import { buildReviewSite, type ReviewSummary } from '../src/review/build.js';
import { makeTempDir, SHARED } from './helpers.js';

/** The corpus report whose source breaks two identities of 四 (it prints 总计 0 over 10 + 1). */
export const HONGZE_2023_ID = '94a211353fb046b7';

/** Extracts the set into a fresh folder and builds its review site. */
export async function buildReviewFixture(): Promise<{ outDir: string; summary: ReviewSummary }> {
  const inDir = await makeTempDir('nianbao-review-in-');
  const outDir = await makeTempDir('nianbao-review-');
  for (const file of generateMultiYearSet(17).files) await writeFile(join(inDir, file.name), file.bytes);
  await copyFile(join(SHARED, 'corpus', 'huaian-hongze-2023-pdf', 'source.pdf'), join(inDir, 'hongze-2023.pdf'));
  await runBatch([inDir], { ...DEFAULT_BATCH_OPTIONS, outDir, jobs: 1, timeoutMs: 0 });
  return { outDir, summary: await buildReviewSite(outDir) };
}
