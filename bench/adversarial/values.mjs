// Value sets taken from real truths (shared/corpus, test/fixtures/real), and sets derived from them mechanically
// (identities kept): zeros printed as blanks, applicant columns permuted, （六） rows merged into 2019's single row.
import fs from 'node:fs';
import { REQ_COLS } from './model.mjs';
const load = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const C = new URL('../../../shared/corpus', import.meta.url).pathname, R = new URL('../../test/fixtures/real', import.meta.url).pathname;

const huaian = load(`${C}/huaian-city-2024-pdf/truth.json`).tables;
const hongze24 = load(`${C}/huaian-hongze-2024-pdf/truth.json`).tables;
const hongze23 = load(`${C}/huaian-hongze-2023-pdf/truth.json`).tables;
const fagai19 = load(`${R}/b-guangdong-district-fagai-2020-loneblanks/truth.json`).tables.active;
const jianping19 = load(`${R}/b-liaoning-jianping-health-2020-negative/truth.json`).tables.active;

function zerosBlank(t) {
  const o = clone(t);
  for (const rows of Object.values(o)) for (const cols of Object.values(rows)) for (const k of Object.keys(cols)) if (cols[k] === 0) cols[k] = null;
  return o;
}
function permuteApplicants(t, order) {
  const o = clone(t);
  for (const [rk, cols] of Object.entries(t.requests)) order.forEach((from, i) => { o.requests[rk][REQ_COLS[i]] = cols[REQ_COLS[from]]; });
  return o;
}
function to2019(t, active) {
  const o = clone(t);
  const r = o.requests;
  r.otherHandling = {};
  for (const c of REQ_COLS) {
    const parts = [r.otherNoCorrection[c], r.otherNoFee[c], r.otherOther[c]];
    r.otherHandling[c] = parts.every((v) => v === null) ? null : parts.reduce((a, v) => a + (v ?? 0), 0);
  }
  delete r.otherNoCorrection; delete r.otherNoFee; delete r.otherOther;
  o.active = clone(active);
  return o;
}
function totalOnly(t) {
  const o = clone(t);
  for (const cols of Object.values(o.requests)) for (const c of REQ_COLS) if (c !== 'total') cols[c] = null;
  return o;
}
function subRowsTotalBlank(t) {
  // the 总计 column left blank on sub-rows (real: "总计 blank on sub-rows")
  const o = clone(t);
  for (const [rk, cols] of Object.entries(o.requests)) if (!['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'].includes(rk)) cols.total = null;
  return o;
}

const h2019 = to2019(huaian, fagai19);
export const VALUE_SETS = {
  huaian21: { template: '2021', tables: huaian },
  huaian21blank0: { template: '2021', tables: zerosBlank(huaian) },
  huaian21perm: { template: '2021', tables: permuteApplicants(huaian, [4, 0, 5, 1, 2, 3, 6]) },
  huaian21subTotalBlank: { template: '2021', tables: subRowsTotalBlank(huaian) },
  hongze24hybrid: { template: '2021', tables: hongze24 },
  hongze23srcerr: { template: '2021', tables: hongze23 },
  h2019: { template: '2019', tables: h2019 },
  h2019blank0: { template: '2019', tables: zerosBlank(to2019(huaian, jianping19)) },
  h2019totalOnly: { template: '2019', tables: totalOnly(h2019) },
};
