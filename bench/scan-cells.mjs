// The outcome of every printed cell of a scan against its truth, strictly (issue 16):
//   right   — the printed number (or a printed blank: null flagged blank/inferred);
//   flagged — not read, and the record says so: null flagged unreadable/missing, or left out of
//             the record under an error issue naming its row or table (or a failed record);
//   silent  — a wrong number whatever its flag, a printed number given null without an
//             unreadable/missing flag, a cell absent from the record, a printed blank given a number.
// Shared by bench/scans.mjs and test/drawn-scans.test.ts.

/** Per-cell outcomes: { key, table, page, expected, got, flag, outcome }. */
export function cellOutcomes(record, truth) {
  const byKey = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const errorPaths = new Set(record.issues.filter((i) => i.severity === 'error' && i.path).map((i) => i.path.join('.')));
  const reportedMissing = (table, row) => record.status === 'failed' || errorPaths.has(table) || errorPaths.has(`${table}.${row}`);
  // A cell left out has no page: it is counted on the page most of its table was read from.
  const tablePage = new Map();
  for (const table of Object.keys(truth)) {
    const pages = record.cells.filter((c) => c.table === table && c.page !== null).map((c) => c.page);
    const counts = new Map();
    for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1);
    tablePage.set(table, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1);
  }
  const out = [];
  for (const [table, rows] of Object.entries(truth)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        const key = `${table}.${row}.${column}`;
        const cell = byKey.get(key);
        const got = cell?.value ?? null;
        const flag = cell?.flag ?? null;
        let outcome;
        if (!cell) outcome = reportedMissing(table, row) ? 'flagged' : 'silent';
        else if (typeof got === 'number') outcome = got === expected ? (flag === 'ok' || flag === 'inferred' ? 'right' : 'flagged') : 'silent';
        else if (expected === null) outcome = flag === 'blank' || flag === 'inferred' ? 'right' : 'flagged';
        else outcome = flag === 'unreadable' || flag === 'missing' ? 'flagged' : 'silent';
        out.push({ key, table, page: cell?.page ?? tablePage.get(table), expected, got, flag, outcome, raw: cell?.raw });
      }
    }
  }
  return out;
}
