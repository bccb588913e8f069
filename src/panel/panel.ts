/**
 * The dataset as a panel, agency × year (issue 17): one line per body and year, the years missing
 * between a body's first and last report, the same body and year reported twice (kept once), and
 * the checks across years: `carriedOver` of year N equals `carriedForward` of year N−1, per column.
 * Works on small summaries of the records, so a large dataset is read once and not held.
 */
import { identifyAgency, type AgencyIdentity } from '../identity/agency.js';
import { REQUEST_COLUMNS, type RequestColumn } from '../schema/keys.js';
import type { Check, Flag, ReportRecord, Status } from '../schema/records.js';

/** A value of 三 with the flag it was read with (null flag: the row is not in the record's cells). */
interface FlaggedValue {
  value: number | null;
  flag: Flag | null;
}

/** What the panel needs of one record. */
export interface PanelEntry extends AgencyIdentity {
  id: string;
  path: string;
  agency: string | null;
  year: number | null;
  template: string | null;
  status: Status;
  carriedOver: Record<RequestColumn, FlaggedValue>;
  carriedForward: Record<RequestColumn, FlaggedValue>;
  headline: Headline;
  failedChecks: number;
  failedCheckIds: string[];
  /** Cells read as unreadable or missing: the fewer, the better the copy of a duplicate. */
  unsureCells: number;
  /** The three tables as JSON, to tell a re-published copy with the same numbers from a corrected one. */
  tablesJson: string;
}

/** The headline numbers of a report (totals column of 三, totals of 四). */
export interface Headline {
  newReceived: number | null;
  carriedOver: number | null;
  totalHandled: number | null;
  carriedForward: number | null;
  granted: number | null;
  reviews: number | null;
  litigation: number | null;
}

/** A cross-year check and the report (year N) it belongs to. */
export interface CrossYearCheck {
  reportId: string;
  check: Check;
}

/** The same body and year in more than one report. */
export interface DuplicateReport {
  agencyKey: string;
  year: number;
  /** The report kept in the panel first, then the others. */
  ids: string[];
  /** True when every copy has the same tables (a re-published or re-downloaded copy). */
  identical: boolean;
}

/** One line of panel.csv. */
export interface PanelRow {
  entry: PanelEntry;
  duplicateIds: string[];
  duplicatesIdentical: boolean | null;
  crossYearFailed: number;
  /** Years with no report between this body's first and last. */
  missingYears: number[];
}

export interface Panel {
  rows: PanelRow[];
  checks: CrossYearCheck[];
  duplicates: DuplicateReport[];
}

const UNSURE: readonly (Flag | null)[] = ['unreadable', 'missing'];

function flaggedRow(record: ReportRecord, row: 'carriedOver' | 'carriedForward'): Record<RequestColumn, FlaggedValue> {
  const values = record.tables.requests[row];
  return Object.fromEntries(
    REQUEST_COLUMNS.map((column) => {
      const cell = record.cells.find((c) => c.table === 'requests' && c.row === row && c.column === column);
      return [column, { value: values[column], flag: cell?.flag ?? null }];
    }),
  ) as Record<RequestColumn, FlaggedValue>;
}

/** Sums that ignore blanks but stay null when every part is null. */
function sum(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** The panel's summary of a record; records written before identity existed get it from their name and path. */
export function panelEntry(record: ReportRecord): PanelEntry {
  const identity =
    record.agencyKey !== undefined
      ? {
          agencyKey: record.agencyKey,
          divisionCode: record.divisionCode ?? null,
          province: record.province ?? null,
          city: record.city ?? null,
          county: record.county ?? null,
          level: record.level ?? null,
        }
      : identifyAgency(record.agency, { path: record.source.path }).identity;
  const requests = record.tables.requests;
  const reviews = record.tables.reviews;
  return {
    id: record.id,
    path: record.source.path,
    agency: record.agency,
    ...identity,
    year: record.year,
    template: record.template,
    status: record.status,
    carriedOver: flaggedRow(record, 'carriedOver'),
    carriedForward: flaggedRow(record, 'carriedForward'),
    headline: {
      newReceived: requests.newReceived.total,
      carriedOver: requests.carriedOver.total,
      totalHandled: requests.totalHandled.total,
      carriedForward: requests.carriedForward.total,
      granted: requests.granted.total,
      reviews: reviews.review.total,
      litigation: sum([reviews.litigationDirect.total, reviews.litigationAfterReview.total]),
    },
    failedChecks: record.checks.filter((c) => !c.pass).length,
    failedCheckIds: record.checks.filter((c) => !c.pass).map((c) => c.id),
    unsureCells: record.cells.filter((c) => UNSURE.includes(c.flag)).length,
    tablesJson: JSON.stringify(record.tables),
  };
}

const STATUS_RANK: Record<Status, number> = { ok: 0, partial: 1, failed: 2 };

/** Which copy of a duplicate the panel keeps: the best read (status, fewest unsure cells), then the first path. */
function betterCopy(a: PanelEntry, b: PanelEntry): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.unsureCells - b.unsureCells || a.path.localeCompare(b.path);
}

/**
 * The checks between year N−1 and year N of one body, per column of 三. A blank counts as 0 (as in
 * the identities); a column is skipped when either side was not read with certainty (unreadable,
 * missing) or both sides are blank.
 */
export function crossYearChecks(previous: PanelEntry, current: PanelEntry): Check[] {
  const checks: Check[] = [];
  for (const column of REQUEST_COLUMNS) {
    const forward = previous.carriedForward[column];
    const over = current.carriedOver[column];
    if (forward.flag === null || over.flag === null || UNSURE.includes(forward.flag) || UNSURE.includes(over.flag)) continue;
    if (forward.value === null && over.value === null) continue;
    const expected = forward.value ?? 0;
    const actual = over.value ?? 0;
    checks.push({
      id: `crossYear.carriedOver.${column}`,
      table: 'requests',
      description: `${column}: carriedOver ${current.year} = carriedForward ${previous.year} (report ${previous.id})`,
      expected,
      actual,
      pass: expected === actual,
      cells: [`requests.carriedOver.${column}`, `${previous.id}:requests.carriedForward.${column}`],
    });
  }
  return checks;
}

/** Builds the panel from every record's summary. Entries without a key or a year are left out of it. */
export function buildPanel(entries: readonly PanelEntry[]): Panel {
  const byAgency = new Map<string, Map<number, PanelEntry[]>>();
  for (const entry of entries) {
    if (entry.agencyKey === null || entry.year === null) continue;
    const years = byAgency.get(entry.agencyKey) ?? new Map<number, PanelEntry[]>();
    years.set(entry.year, [...(years.get(entry.year) ?? []), entry]);
    byAgency.set(entry.agencyKey, years);
  }
  const rows: PanelRow[] = [];
  const checks: CrossYearCheck[] = [];
  const duplicates: DuplicateReport[] = [];
  for (const [agencyKey, years] of [...byAgency].sort(([a], [b]) => a.localeCompare(b))) {
    const sortedYears = [...years.keys()].sort((a, b) => a - b);
    const first = sortedYears[0] as number;
    const last = sortedYears[sortedYears.length - 1] as number;
    const missingYears: number[] = [];
    for (let y = first; y <= last; y++) if (!years.has(y)) missingYears.push(y);
    let previous: PanelEntry | null = null;
    for (const year of sortedYears) {
      const copies = [...(years.get(year) ?? [])].sort(betterCopy);
      const kept = copies[0] as PanelEntry;
      const others = copies.slice(1);
      const identical = others.every((o) => o.tablesJson === kept.tablesJson);
      if (others.length > 0) duplicates.push({ agencyKey, year, ids: copies.map((c) => c.id), identical });
      const yearChecks = previous && previous.year === year - 1 ? crossYearChecks(previous, kept) : [];
      checks.push(...yearChecks.map((check) => ({ reportId: kept.id, check })));
      rows.push({
        entry: kept,
        duplicateIds: others.map((o) => o.id),
        duplicatesIdentical: others.length > 0 ? identical : null,
        crossYearFailed: yearChecks.filter((c) => !c.pass).length,
        missingYears,
      });
      previous = kept;
    }
  }
  return { rows, checks, duplicates };
}
