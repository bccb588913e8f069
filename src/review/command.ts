/** `nianbao review <out-dir>` as the CLI runs it: builds the site, prints where it is; 2 on misuse. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildReviewSite } from './build.js';

export const REVIEW_USAGE = '  nianbao review <out-dir> [--no-crops]  write a static review site of a dataset into <out-dir>/review/\n';

/** Runs the review command; returns the exit code. */
export async function reviewCommand(args: readonly string[]): Promise<number> {
  const crops = !args.includes('--no-crops');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const outDir = dirs[0];
  if (dirs.length !== 1 || outDir === undefined || !existsSync(join(outDir, 'reports.jsonl'))) {
    process.stderr.write(`nianbao: review needs one dataset folder (with reports.jsonl)\n${REVIEW_USAGE}`);
    return 2;
  }
  const summary = await buildReviewSite(outDir, { crops });
  process.stdout.write(
    `review: ${summary.reports} reports, ${summary.failedAnyCheck} failed a check, ${summary.crossYearMismatches} cross-year mismatches, ` +
      `${summary.duplicates} body-years reported twice, ${summary.pageImages} page images → ${join(summary.dir, 'index.html')}\n`,
  );
  return 0;
}
