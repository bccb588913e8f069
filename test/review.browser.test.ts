/**
 * The review site in a real browser: Debian's chromium driven by playwright-core (headless). Opens
 * the index, filters to the reports that failed a check, opens one, clicks a flagged cell and sees
 * its provenance; every request any page makes is recorded and must stay inside the site folder.
 * Screenshots go to test-artifacts/review/ (git-ignored). Without chromium the test is skipped
 * with a message, except in CI (CI=true), where it fails: .ci/run installs chromium.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateMultiYearSet } from '../src/panel/multi-year.js';
import { ROOT } from './helpers.js';
import { buildReviewFixture, HONGZE_2023_ID } from './review-fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'review');

if (!HAVE_CHROMIUM && !IN_CI) {
  process.stderr.write(`review.browser.test: SKIPPED, no chromium at ${CHROMIUM} (apt-get install -y chromium; in CI this fails)\n`);
}

test('chromium is there in CI', () => {
  if (IN_CI) expect({ chromium: CHROMIUM, exists: HAVE_CHROMIUM }).toEqual({ chromium: CHROMIUM, exists: true });
});

const describeWithBrowser = HAVE_CHROMIUM ? describe : describe.skip;

describeWithBrowser('the review site in chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let siteUrl: string;
  /** Every URL any page of the context asked for. */
  const requested: string[] = [];
  const set = generateMultiYearSet(17);

  beforeAll(async () => {
    const { outDir } = await buildReviewFixture();
    siteUrl = pathToFileURL(join(outDir, 'review')).href + '/';
    await mkdir(ARTIFACTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.on('request', (r) => {
      requested.push(r.url());
    });
    // Anything not from the site folder is refused (and recorded above): nothing can leave the machine.
    await context.route('**/*', (route) => (route.request().url().startsWith(siteUrl) ? route.continue() : route.abort()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(siteUrl + path, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    return page;
  }

  test('index → failed a check → one report → a flagged cell → its provenance', async () => {
    const index = await open('index.html');
    const rows = index.locator('#reports tbody tr');
    expect(await rows.count()).toBe(set.files.length + 1);
    await index.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: false });

    await index.selectOption('#filter-checks', 'failed');
    const visible = index.locator('#reports tbody tr:not(.hidden)');
    const failedReports = new Set(set.broken.map((b) => `${b.agencyKey} ${b.year}`)).size + 1;
    expect(await visible.count()).toBe(failedReports);
    expect(await index.locator('#shown').textContent()).toBe(String(failedReports));
    await index.locator('#reports').screenshot({ path: join(ARTIFACTS, 'index-failed.png') });
    // The search narrows further: the corpus PDF by its agency.
    await index.fill('#search', '洪泽区人民政府');
    expect(await visible.count()).toBe(1);
    await index.locator('#reports').screenshot({ path: join(ARTIFACTS, 'index-filtered.png') });

    await visible.first().locator('a').first().click();
    await index.waitForURL(`**/reports/${HONGZE_2023_ID}.html`);
    const flagged = index.locator('td.cell.failed-check');
    // The two identities of 四 the source breaks, five cells each.
    expect(await flagged.count()).toBe(10);
    await index.locator('td.cell.failed-check[data-key="reviews.review.total"]').click();
    const fields = index.locator('#provenance-fields');
    await fields.waitFor();
    const text = (await fields.textContent()) ?? '';
    expect(text).toContain('text-layer');
    expect(text).toMatch(/page\s*\d/);
    expect(await index.locator('#provenance h3').textContent()).toBe('reviews.review.total');
    expect(await index.locator('#provenance li.fail').first().textContent()).toContain('reviews.rowTotal.review');
    // A crop of the rendered page around the cell.
    expect(await index.locator('#provenance .crop').count()).toBe(1);
    await index.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: false });
    await index.locator('#provenance').screenshot({ path: join(ARTIFACTS, 'provenance.png') });
  });

  test('a broken carry-over is marked on its cell, with the year before linked', async () => {
    const broken = set.broken[0];
    const index = await open('index.html');
    await index.fill('#search', broken?.agencyKey ?? '');
    await index.selectOption('#filter-year', String(broken?.year));
    await index.locator('#reports tbody tr:not(.hidden) a').first().click();
    await index.waitForLoadState('load');
    const cell = index.locator(`td.cell.failed-check[data-key="requests.carriedOver.${broken?.column}"]`);
    await cell.click();
    expect(await index.locator('#provenance li.fail').first().textContent()).toContain(`crossYear.carriedOver.${broken?.column}`);
    expect(await index.locator('ul.checks a', { hasText: 'year before' }).count()).toBeGreaterThan(0);
    await index.screenshot({ path: join(ARTIFACTS, 'report-cross-year.png'), fullPage: false });
  });

  test('no page loaded anything from outside the site', async () => {
    // Every page of the site once, so each one's loads are recorded.
    const index = await open('index.html');
    const links = await index.locator('#reports a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const link of links) await (await open(link)).close();
    const outside = requested.filter((url) => !url.startsWith(siteUrl) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requested.length).toBeGreaterThan(links.length);
  });

  test('the recording sees a request that leaves the site (so the test above can fail)', async () => {
    const page = await context.newPage();
    const before = requested.length;
    await page.setContent('<img src="http://127.0.0.1:9/outside.png">');
    await page.waitForTimeout(200);
    expect(requested.slice(before)).toContain('http://127.0.0.1:9/outside.png');
    requested.splice(before);
    await page.close();
  });
});
