import { readFile } from 'node:fs/promises';
import { describe, expect, test } from '@jest/globals';
import { extractFile } from '../src/pipeline.js';
import { cellOf, SEED_PATH } from './helpers.js';
import { compareWithTruth, type Truth } from './truth.js';

describe('the seed report (2020, 2019 format, flattened tab text)', () => {
  test('every value of 二, 三 and 四 is right; template 2019, year 2020, agency 中宁县科学技术局', async () => {
    const truth = JSON.parse(await readFile('test/fixtures/seed/expected.json', 'utf8')) as Truth;
    const record = await extractFile(SEED_PATH);
    const { cells, wrong } = compareWithTruth(record, truth);
    expect(wrong).toEqual([]);
    expect(cells).toBe(26 * 7 + 15 + 22);
    expect(record.template).toBe('2019');
    expect(record.year).toBe(2020);
    expect(record.agency).toBe('中宁县科学技术局');
    expect(record.status).toBe('ok');
    expect(record.source.format).toBe('text');
  });

  test('every printed cell carries provenance; "+3" is kept raw; all identities hold', async () => {
    const record = await extractFile(SEED_PATH);
    const change = cellOf(record, 'active', 'otherServices', 'change');
    expect(change).toMatchObject({ value: 3, raw: '+3', flag: 'ok', method: 'text', page: 1 });
    expect(change?.line).toBeGreaterThan(30);
    expect(record.cells).toHaveLength(23 * 7 + 15 + 22);
    expect(record.cells.every((c) => c.flag === 'ok' && c.line !== undefined)).toBe(true);
    expect(record.checks.length).toBeGreaterThan(20);
    expect(record.checks.every((c) => c.pass)).toBe(true);
    expect(record.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});
