/**
 * The accounting identities of dataset.md, evaluated on the values as printed. A failed check is
 * data: nothing is changed, the record becomes `partial`.
 */
import {
  OTHER_HANDLING_ROWS_2019,
  OTHER_HANDLING_ROWS_2021,
  COMMON_OUTCOME_ROWS,
  REQUEST_COLUMNS,
  REVIEW_ROWS,
  type RequestRow,
} from '../schema/keys.js';
import type { Check, Tables } from '../schema/records.js';

const APPLICANT_COLUMNS = REQUEST_COLUMNS.filter((c) => c !== 'total');
const REVIEW_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const sum = (values: readonly (number | null | undefined)[]): number => values.reduce<number>((a, v) => a + (v ?? 0), 0);
const allNull = (values: readonly (number | null | undefined)[]): boolean => values.every((v) => v === null || v === undefined);
/** Sums exactly: decimal amounts must not pick up binary rounding noise. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * One accounting identity: the sum of the `left` cells equals the sum of the `right` cells (keys
 * "table.row.column"). `whenFirstPrinted`: only when the first left cell (a printed total) has a
 * value; otherwise when any of its cells has one.
 */
export interface Identity {
  id: string;
  table: Check['table'];
  description: string;
  left: string[];
  right: string[];
  whenFirstPrinted: boolean;
}

/** Every identity of dataset.md that applies to a report; `printedRows` are 三's rows in it. */
export function identities(printedRows: ReadonlySet<string>): Identity[] {
  const list: Identity[] = [];
  const sixRows = [...OTHER_HANDLING_ROWS_2021, ...OTHER_HANDLING_ROWS_2019].filter((r) => printedRows.has(r));
  const outcomeRows = [...COMMON_OUTCOME_ROWS, ...sixRows];
  if (printedRows.size > 0) {
    for (const column of REQUEST_COLUMNS) {
      list.push({
        id: `requests.balance.${column}`,
        table: 'requests',
        description: `${column}: newReceived + carriedOver = totalHandled + carriedForward`,
        left: [`requests.newReceived.${column}`, `requests.carriedOver.${column}`],
        right: [`requests.totalHandled.${column}`, `requests.carriedForward.${column}`],
        whenFirstPrinted: false,
      });
      list.push({
        id: `requests.outcomes.${column}`,
        table: 'requests',
        description: `${column}: totalHandled = sum of the ${outcomeRows.length} outcome rows`,
        left: [`requests.totalHandled.${column}`],
        right: outcomeRows.map((r) => `requests.${r}.${column}`),
        whenFirstPrinted: true,
      });
    }
    for (const row of printedRows as ReadonlySet<RequestRow>) {
      list.push({
        id: `requests.rowTotal.${row}`,
        table: 'requests',
        description: `${row}: total = sum of the six applicant columns`,
        left: [`requests.${row}.total`],
        right: APPLICANT_COLUMNS.map((c) => `requests.${row}.${c}`),
        whenFirstPrinted: true,
      });
    }
  }
  for (const row of REVIEW_ROWS) {
    list.push({
      id: `reviews.rowTotal.${row}`,
      table: 'reviews',
      description: `${row}: total = upheld + corrected + other + pending`,
      left: [`reviews.${row}.total`],
      right: REVIEW_PARTS.map((c) => `reviews.${row}.${c}`),
      whenFirstPrinted: true,
    });
  }
  return list;
}

/** The value of a cell key "table.row.column" in the tables (null when blank or unread). */
export function valueAt(tables: Tables, key: string): number | null {
  const [table, row, column] = key.split('.') as [keyof Tables, string, string];
  const rows = tables[table] as unknown as Record<string, Record<string, number | null | undefined> | undefined>;
  return rows[row]?.[column] ?? null;
}

/**
 * Evaluates every identity that has something printed; `printedRows` are 三's rows in the report.
 * An identity with a cell whose value is not known (`unknownCells`: missing, unreadable) is not
 * evaluated: its sum would count the unknown as 0 (an excerpt cut off before 总计 "failed" 1 = 0).
 */
export function evaluateChecks(tables: Tables, printedRows: ReadonlySet<string>, unknownCells: ReadonlySet<string> = new Set()): Check[] {
  const checks: Check[] = [];
  for (const identity of identities(printedRows)) {
    if ([...identity.left, ...identity.right].some((key) => unknownCells.has(key))) continue;
    const left = identity.left.map((k) => valueAt(tables, k));
    const right = identity.right.map((k) => valueAt(tables, k));
    if (identity.whenFirstPrinted ? left[0] === null : allNull([...left, ...right])) continue;
    const expected = round(sum(left));
    const actual = round(sum(right));
    checks.push({ id: identity.id, table: identity.table, description: identity.description, expected, actual, pass: expected === actual, cells: [...identity.left, ...identity.right] });
  }
  return checks;
}
