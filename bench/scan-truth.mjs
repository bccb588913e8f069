// The truth of a scan fixture (test/fixtures/scans/scans.json): the generator's spec for a
// generated report ("specs.json#id"), or the corpus's truth.json. Shared by the OCR benches.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specs = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/office/specs.json'), 'utf8'));

/** The scan fixtures listed in DIR/scans.json. */
export function scanEntries(dir = join(ROOT, 'test/fixtures/scans')) {
  return JSON.parse(readFileSync(join(dir, 'scans.json'), 'utf8'));
}

/** Expected tables and metadata of a fixture entry. */
export function expectedOf(entry) {
  if (entry.truth.includes('#')) {
    const { spec } = specs[entry.truth.split('#')[1]];
    return { tables: { requests: spec.requests, reviews: spec.reviews, active: spec.active }, template: spec.template, year: spec.year, agency: spec.agency };
  }
  const truth = JSON.parse(readFileSync(resolve(ROOT, entry.truth), 'utf8'));
  return { tables: truth.tables, template: truth.template, year: truth.year, agency: truth.agency };
}
