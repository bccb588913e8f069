/**
 * The review site as files (no browser): a page per report, the index's rows and filters' data, the
 * forms' cells marked by flag and failed check, the charts inline as SVG, and no reference to
 * anything outside the site.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { generateMultiYearSet } from '../src/panel/multi-year.js';
import type { ReportRecord } from '../src/schema/records.js';
import { main } from '../src/cli.js';
import { buildReviewSite } from '../src/review/build.js';
import { makeTempDir, readJsonLines } from './helpers.js';
import { buildReviewFixture, HONGZE_2023_ID } from './review-fixture.js';

const { outDir, summary } = await buildReviewFixture();
const site = join(outDir, 'review');
const index = await readFile(join(site, 'index.html'), 'utf8');
const set = generateMultiYearSet(17);

describe('nianbao review', () => {
  test('one page per report, and an index line for each', async () => {
    const pages = await readdir(join(site, 'reports'));
    expect(pages).toHaveLength(set.files.length + 1);
    expect(summary.reports).toBe(set.files.length + 1);
    expect(index.match(/<tr data-id=/g)).toHaveLength(set.files.length + 1);
    expect(pages).toContain(`${HONGZE_2023_ID}.html`);
  });

  test('the summary counts what the panel found', () => {
    expect(summary.crossYearMismatches).toBe(set.broken.length);
    expect(summary.duplicates).toBe(1);
    const brokenYears = new Set(set.broken.map((b) => `${b.agencyKey} ${b.year}`)).size;
    expect(summary.failedAnyCheck).toBe(brokenYears + 1); // and the corpus PDF's two source errors
    expect(index.match(/data-failed="[1-9]/g)).toHaveLength(brokenYears + 1);
  });

  test('four charts, inline SVG drawn at build time', () => {
    for (const id of ['chart-requests', 'chart-outcomes', 'chart-passing', 'chart-crossyear']) {
      expect(index).toMatch(new RegExp(`<div class="chart" id="${id}"><svg `));
    }
  });

  test('a report page lays out the forms with flagged cells and marks the failed checks', async () => {
    const page = await readFile(join(site, 'reports', `${HONGZE_2023_ID}.html`), 'utf8');
    for (const form of ['form-active', 'form-requests', 'form-reviews']) expect(page).toContain(`id="${form}"`);
    // 四 prints 总计 0 over 10 + 1 (行政复议) and over 5 (复议后起诉): both totals are marked.
    expect(page).toMatch(/class="cell flag-ok failed-check" data-key="reviews\.review\.total"/);
    expect(page).toMatch(/class="cell flag-ok failed-check" data-key="reviews\.litigationAfterReview\.total"/);
    // Every cell of the record is in a form, once.
    const record = (await readJsonLines(join(outDir, 'reports.jsonl'))).find((r) => (r as ReportRecord).id === HONGZE_2023_ID) as ReportRecord;
    expect(page.match(/<td class="cell /g)?.length).toBe(record.cells.length);
    expect(record.cells.length).toBe(186); // 二 10, 三 23 rows × 7 (hybrid （六）), 四 15
    // The PDF's pages are rendered for the crops.
    expect(summary.pageImages).toBeGreaterThanOrEqual(2);
  });

  test('a dataset written before agency identity existed gets it in the site from the names', async () => {
    const old = await makeTempDir('nianbao-review-old-');
    const lines = (await readJsonLines(join(outDir, 'reports.jsonl'))).map((r) => {
      const { agencyKey: _k, divisionCode: _d, province: _p, city: _c, county: _n, level: _l, ...rest } = r as ReportRecord;
      return JSON.stringify(rest);
    });
    await writeFile(join(old, 'reports.jsonl'), lines.join('\n') + '\n');
    const again = await buildReviewSite(old, { crops: false });
    expect(again.crossYearMismatches).toBe(set.broken.length);
    const oldIndex = await readFile(join(old, 'review', 'index.html'), 'utf8');
    expect(oldIndex).toContain('320830 · county');
  });

  test('the command: 2 without a dataset folder, 0 and the site with one', async () => {
    const empty = await makeTempDir('nianbao-review-empty-');
    expect(await main(['review', empty])).toBe(2);
    expect(await main(['review'])).toBe(2);
    expect(await main(['review', outDir, '--no-crops'])).toBe(0);
    expect(await readdir(join(site, 'pages'))).toEqual([]);
  });

  test('no page refers to anything outside the site', async () => {
    const files = [join(site, 'index.html'), ...(await readdir(join(site, 'reports'))).map((f) => join(site, 'reports', f))];
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
      // src/href to another origin; the SVG namespace URIs are names, never loaded.
      const external = [...html.matchAll(/(?:src|href|url)\s*[=(]\s*["']?\s*((?:https?:)?\/\/[^"')\s]+)/gi)].map((m) => m[1]);
      expect({ file, external }).toEqual({ file, external: [] });
    }
  });
});
