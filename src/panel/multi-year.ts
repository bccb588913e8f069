/**
 * A generated multi-year set for testing the panel (issue 17): several bodies reporting 2019–2025,
 * each year's 上年结转 carried on from the year before, the same body under two name forms, some
 * carry-overs deliberately broken (each year's own identities still hold), a year missing, and one
 * report published twice. Returns the files and what the panel must find in them.
 */
import { createRandom, type Random } from '../generate/random.js';
import { LAYOUT_EXTENSION, renderReport, type Layout } from '../generate/render.js';
import { generateSpec, type ReportSpec, type Value } from '../generate/values.js';
import { REQUEST_COLUMNS, type RequestColumn } from '../schema/keys.js';

/** A body: the name forms it is printed under (used in turn, year by year) and the key they must all get. */
export interface PanelBody {
  names: readonly string[];
  agencyKey: string;
}

/** The bodies of the set. Keys are what `identifyAgency` must give (the test checks it). */
export const PANEL_BODIES: readonly PanelBody[] = [
  // Not the corpus's bodies (洪泽区, 淮安市, 大五里镇), so the set can sit beside the corpus in one dataset.
  { names: ['盱眙县人民政府', '淮安市盱眙县人民政府'], agencyKey: '江苏省淮安市盱眙县人民政府' },
  { names: ['中宁县科学技术局', '中卫市中宁县科学技术局'], agencyKey: '宁夏回族自治区中卫市中宁县科学技术局' },
  { names: ['宿迁市人民政府', '江苏省宿迁市人民政府'], agencyKey: '江苏省宿迁市人民政府' },
  { names: ['高良涧街道办事处', '洪泽区高良涧街道'], agencyKey: '江苏省淮安市洪泽区高良涧街道办事处' },
  { names: ['某某市生态环境局'], agencyKey: '某某市生态环境局' },
];

export const PANEL_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/** A column whose carry-over was broken: year N's carriedOver no longer equals year N−1's carriedForward. */
export interface BrokenCarryOver {
  agencyKey: string;
  year: number;
  column: RequestColumn;
}

export interface MultiYearSet {
  files: { name: string; bytes: Uint8Array }[];
  broken: BrokenCarryOver[];
  /** Body and year printed twice (different bytes, same numbers). */
  duplicates: { agencyKey: string; year: number }[];
  /** Years left out between a body's first and last report. */
  missing: { agencyKey: string; year: number }[];
}

const LAYOUTS: readonly Layout[] = ['html-merged', 'text-tabs', 'markdown', 'html-spans', 'text-cells'];
const APPLICANTS = REQUEST_COLUMNS.filter((c) => c !== 'total');

function row(spec: ReportSpec, key: string): Record<string, Value> {
  return spec.requests[key] as Record<string, Value>;
}

/** Recomputes 总计 of the rows the carry-over touches. */
function totalRows(spec: ReportSpec): void {
  for (const key of ['newReceived', 'carriedOver', 'carriedForward']) {
    const r = row(spec, key);
    r.total = APPLICANTS.reduce((a, c) => a + (r[c] ?? 0), 0);
  }
}

/** Sets carriedOver from last year's carriedForward and rebalances newReceived so the year's identities hold. */
function carryOn(spec: ReportSpec, previous: ReportSpec | null): void {
  const over = row(spec, 'carriedOver');
  const fresh = row(spec, 'newReceived');
  const handled = row(spec, 'totalHandled');
  const forward = row(spec, 'carriedForward');
  for (const c of APPLICANTS) {
    const before = previous ? (row(previous, 'carriedForward')[c] ?? 0) : (over[c] ?? 0);
    over[c] = previous && row(previous, 'carriedForward')[c] === null ? null : before;
    const needed = (handled[c] ?? 0) + (forward[c] ?? 0) - before;
    // Too much carried over for what was handled: more is carried forward instead (next year carries it on).
    if (needed < 0) forward[c] = (forward[c] ?? 0) - needed;
    fresh[c] = Math.max(0, needed);
  }
  totalRows(spec);
}

/** Breaks the carry-over of one applicant column (and so of 总计) while keeping the year's balance. */
function breakCarryOver(spec: ReportSpec, random: Random): RequestColumn {
  const over = row(spec, 'carriedOver');
  const fresh = row(spec, 'newReceived');
  const column = random.pick(['naturalPerson', 'commercial', 'otherOrg'] as const);
  const delta = random.int(1, 4);
  over[column] = (over[column] ?? 0) + delta;
  if ((fresh[column] ?? 0) >= delta) fresh[column] = (fresh[column] ?? 0) - delta;
  else {
    // Nothing new to move: carry the extra forward so the year still balances.
    const forward = row(spec, 'carriedForward');
    forward[column] = (forward[column] ?? 0) + delta - (fresh[column] ?? 0);
    fresh[column] = 0;
  }
  totalRows(spec);
  return column;
}

/** The set; deterministic for a seed. */
export function generateMultiYearSet(seed = 17): MultiYearSet {
  const random = createRandom(seed);
  const set: MultiYearSet = { files: [], broken: [], duplicates: [], missing: [] };
  let fileIndex = 0;
  const write = (spec: ReportSpec, layout: Layout): void => {
    const name = `panel-${String(fileIndex++).padStart(3, '0')}-${spec.year}-${layout}.${LAYOUT_EXTENSION[layout]}`;
    set.files.push({ name, bytes: renderReport(spec, layout, createRandom(spec.seed), 0) });
  };
  PANEL_BODIES.forEach((body, b) => {
    let previous: ReportSpec | null = null;
    for (const year of PANEL_YEARS) {
      // One body skips a year (its next year then has no year before to check against).
      if (b === 1 && year === 2022) {
        set.missing.push({ agencyKey: body.agencyKey, year });
        previous = null;
        continue;
      }
      const specSeed = seed * 1_000 + b * 10 + (year - 2019);
      const spec = generateSpec(specSeed, createRandom(specSeed), { template: year <= 2020 ? '2019' : '2021', broken: false, blanks: random.chance(0.3) });
      spec.agency = body.names[(year - 2019) % body.names.length] as string;
      spec.year = year;
      carryOn(spec, previous);
      if (previous && random.chance(0.3)) {
        const column = breakCarryOver(spec, random);
        set.broken.push({ agencyKey: body.agencyKey, year, column }, { agencyKey: body.agencyKey, year, column: 'total' });
      }
      write(spec, LAYOUTS[(b + year) % LAYOUTS.length] as Layout);
      // One report published twice, in another layout (other bytes, same numbers).
      if (b === 0 && year === 2023) {
        write(spec, LAYOUTS[(b + year + 1) % LAYOUTS.length] as Layout);
        set.duplicates.push({ agencyKey: body.agencyKey, year });
      }
      previous = spec;
    }
  });
  return set;
}
