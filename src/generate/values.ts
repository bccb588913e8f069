/**
 * Random report contents whose values obey the accounting identities (dataset.md), with optional
 * blank cells and deliberately broken printed totals, for testing the extractor end to end.
 */
import {
  ACTIVE_LAYOUT,
  COMMON_OUTCOME_ROWS,
  OTHER_HANDLING_ROWS_2019,
  OTHER_HANDLING_ROWS_2021,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type ActiveColumn,
  type ActiveRow,
  type RequestRow,
  type TemplateId,
} from '../schema/keys.js';
import type { Random } from './random.js';

export type Value = number | null;
export type ValueTable = Record<string, Record<string, Value>>;

/** Everything a generated report prints, and so what extraction must give back. */
export interface ReportSpec {
  seed: number;
  agency: string;
  year: number;
  template: TemplateId;
  /** 2021 format with the single （六） row of 2019. */
  hybrid: boolean;
  /** 三's rows as printed, in order. */
  requestRows: RequestRow[];
  requests: ValueTable;
  reviews: ValueTable;
  active: ValueTable;
  /** Some zero cells are printed blank (null). */
  blanks: boolean;
  /** A printed total was altered so an identity fails (printed values are kept). */
  brokenIdentity: boolean;
  /**
   * `table.row.column` of cells the layout left unprovable (blanks dropped or digits glued where
   * more than one reading fits): a reader may give the value or null flagged, never another number.
   */
  unprovable?: readonly string[];
}

const AGENCIES = [
  '中宁县科学技术局', '洪泽区人民政府', '淮安市人民政府', '某某市生态环境局', '某某县教育体育局', '某某区市场监督管理局',
  '某某镇人民政府', '某某市交通运输局', '某某县自然资源局', '某某市人民政府办公室', '某某街道办事处', '某某县财政局',
];

/** A count: mostly zero, sometimes small, now and then large (aggregate reports). */
function count(random: Random, scale: number): number {
  if (random.chance(0.45)) return 0;
  if (random.chance(0.1 * scale)) return random.int(100, 99999);
  return random.int(1, 40);
}

function printedRequestRows(template: TemplateId, hybrid: boolean): RequestRow[] {
  const six = template === '2021' && !hybrid ? OTHER_HANDLING_ROWS_2021 : OTHER_HANDLING_ROWS_2019;
  return REQUEST_ROWS.filter((r) => !OTHER_HANDLING_ROWS_2019.includes(r) && !OTHER_HANDLING_ROWS_2021.includes(r)).flatMap((r) =>
    r === 'totalHandled' ? [...six, r] : [r],
  );
}

/** Makes a random report that obeys every identity (before `brokenIdentity` alters one printed total). */
export function generateSpec(seed: number, random: Random, options: { template?: TemplateId; hybrid?: boolean; blanks?: boolean; broken?: boolean } = {}): ReportSpec {
  const template = options.template ?? random.pick(['2019', '2021'] as const);
  const hybrid = template === '2021' && (options.hybrid ?? random.chance(0.2));
  const requestRows = printedRequestRows(template, hybrid);
  const leaves = requestRows.filter((r) => COMMON_OUTCOME_ROWS.includes(r) || OTHER_HANDLING_ROWS_2019.includes(r) || OTHER_HANDLING_ROWS_2021.includes(r));
  const scale = random.chance(0.15) ? 3 : 0.2;
  const requests: ValueTable = {};
  for (const row of requestRows) requests[row] = {};
  const applicant = REQUEST_COLUMNS.filter((c) => c !== 'total');
  for (const column of applicant) {
    const active = column === 'naturalPerson' || random.chance(0.3);
    let handled = 0;
    for (const row of leaves) {
      const v = active ? count(random, scale) : 0;
      (requests[row] as Record<string, Value>)[column] = v;
      handled += v;
    }
    const forward = active && random.chance(0.4) ? random.int(0, 20) : 0;
    const over = active && random.chance(0.4) ? random.int(0, handled + forward) : 0;
    (requests.totalHandled as Record<string, Value>)[column] = handled;
    (requests.carriedForward as Record<string, Value>)[column] = forward;
    (requests.carriedOver as Record<string, Value>)[column] = over;
    (requests.newReceived as Record<string, Value>)[column] = handled + forward - over;
  }
  for (const row of requestRows) {
    const r = requests[row] as Record<string, Value>;
    r.total = applicant.reduce((a, c) => a + (r[c] ?? 0), 0);
  }
  const reviews: ValueTable = {};
  for (const row of REVIEW_ROWS) {
    const parts = [0, 1, 2, 3].map(() => (random.chance(0.5) ? 0 : random.int(0, scale > 1 ? 400 : 12)));
    reviews[row] = Object.fromEntries([...REVIEW_COLUMNS.slice(0, 4).map((c, i) => [c, parts[i] ?? 0]), ['total', parts.reduce((a, b) => a + b, 0)]]);
  }
  const active: ValueTable = {};
  for (const [row, columns] of Object.entries(ACTIVE_LAYOUT[template]) as [ActiveRow, readonly ActiveColumn[]][]) {
    active[row] = Object.fromEntries(columns.map((c) => [c, activeValue(random, c, scale)]));
  }
  const spec: ReportSpec = {
    seed,
    agency: random.pick(AGENCIES),
    year: template === '2019' ? random.pick([2019, 2020]) : random.int(2020, 2025),
    template,
    hybrid,
    requestRows,
    requests,
    reviews,
    active,
    blanks: options.blanks ?? random.chance(0.3),
    brokenIdentity: options.broken ?? random.chance(0.1),
  };
  if (spec.blanks) blankSomeZeros(spec, random);
  if (spec.brokenIdentity) breakAnIdentity(spec, random);
  return spec;
}

function activeValue(random: Random, column: ActiveColumn, scale: number): number {
  if (column === 'change') return random.chance(0.5) ? 0 : random.int(-9, 12);
  if (column === 'amount') {
    if (random.chance(0.3)) return 0;
    const cents = random.int(1, 9_999_999);
    return random.chance(0.5) ? Math.round(cents / 100) : cents / 100;
  }
  return random.chance(0.3) ? 0 : random.chance(0.1 * scale) ? random.int(1000, 4_000_000) : random.int(1, 60);
}

/** Prints some zeros as blanks, as reports do: a blank counts as 0 in every sum, so identities still hold. */
function blankSomeZeros(spec: ReportSpec, random: Random): void {
  const wholeRows = random.chance(0.5);
  for (const table of [spec.requests, spec.reviews, spec.active]) {
    for (const row of Object.values(table)) {
      const blankRow = wholeRows && Object.values(row).every((v) => v === 0) && random.chance(0.6);
      for (const [column, v] of Object.entries(row)) {
        if (v === 0 && (blankRow || random.chance(0.35))) row[column] = null;
      }
    }
  }
}

/** Alters one printed total so that an identity fails (the hongze 2023 report prints 总计 0 over 10 + 1). */
function breakAnIdentity(spec: ReportSpec, random: Random): void {
  if (random.chance(0.5)) {
    const row = spec.reviews[random.pick(REVIEW_ROWS)] as Record<string, Value>;
    row.total = (row.total ?? 0) === 0 ? random.int(1, 9) : 0;
  } else {
    const row = spec.requests.totalHandled as Record<string, Value>;
    row.total = (row.total ?? 0) + random.int(1, 5);
  }
}
