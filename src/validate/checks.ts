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

function check(id: string, table: Check['table'], description: string, expected: number, actual: number, cells: string[]): Check {
  return { id, table, description, expected: round(expected), actual: round(actual), pass: round(expected) === round(actual), cells };
}

/** Evaluates every identity that has something printed; `printedRows` are 三's rows in the report. */
export function evaluateChecks(tables: Tables, printedRows: ReadonlySet<string>): Check[] {
  const checks: Check[] = [];
  const req = tables.requests;
  const sixRows = [...OTHER_HANDLING_ROWS_2021, ...OTHER_HANDLING_ROWS_2019].filter((r) => printedRows.has(r));
  const outcomeRows = [...COMMON_OUTCOME_ROWS, ...sixRows];

  if (printedRows.size > 0) {
    for (const column of REQUEST_COLUMNS) {
      const left = [req.newReceived[column], req.carriedOver[column]];
      const right = [req.totalHandled[column], req.carriedForward[column]];
      if (!allNull([...left, ...right])) {
        checks.push(
          check(
            `requests.balance.${column}`,
            'requests',
            `${column}: newReceived + carriedOver = totalHandled + carriedForward`,
            sum(left),
            sum(right),
            ['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'].map((r) => `requests.${r}.${column}`),
          ),
        );
      }
      const total = req.totalHandled[column];
      const parts = outcomeRows.map((r) => req[r][column]);
      if (total !== null && !allNull([total, ...parts])) {
        checks.push(
          check(
            `requests.outcomes.${column}`,
            'requests',
            `${column}: totalHandled = sum of the ${outcomeRows.length} outcome rows`,
            total,
            sum(parts),
            [`requests.totalHandled.${column}`, ...outcomeRows.map((r) => `requests.${r}.${column}`)],
          ),
        );
      }
    }
    for (const row of printedRows as ReadonlySet<RequestRow>) {
      const total = req[row]?.total;
      if (total === null || total === undefined) continue;
      const parts = APPLICANT_COLUMNS.map((c) => req[row][c]);
      checks.push(
        check(`requests.rowTotal.${row}`, 'requests', `${row}: total = sum of the six applicant columns`, total, sum(parts), [
          `requests.${row}.total`,
          ...APPLICANT_COLUMNS.map((c) => `requests.${row}.${c}`),
        ]),
      );
    }
  }
  for (const row of REVIEW_ROWS) {
    const values = tables.reviews[row];
    if (values.total === null) continue;
    const parts = REVIEW_PARTS.map((c) => values[c]);
    checks.push(
      check(`reviews.rowTotal.${row}`, 'reviews', `${row}: total = upheld + corrected + other + pending`, values.total, sum(parts), [
        `reviews.${row}.total`,
        ...REVIEW_PARTS.map((c) => `reviews.${row}.${c}`),
      ]),
    );
  }
  return checks;
}
