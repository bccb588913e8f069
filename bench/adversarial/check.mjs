// Runs nianbao's processBytes on one text and compares its cells with a truth object (dataset.md keys).
// A silent error: a number not the truth (flag other than unreadable/missing), a printed number given null without
// unreadable/missing, a cell absent, or a number where the truth is null.
const dist = process.env.NIANBAO_DIST ?? new URL('../../dist', import.meta.url).pathname;
const { processBytes } = await import(`${dist}/pipeline.js`);

const LOUD = new Set(['unreadable', 'missing']);

export async function runCase(name, text, truthTables) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const { record } = await processBytes(name, bytes);
  const silent = [];
  let cells = 0, right = 0, flagged = 0;
  const byKey = new Map((record?.cells ?? []).map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  for (const [table, rows] of Object.entries(truthTables)) {
    for (const [row, cols] of Object.entries(rows ?? {})) {
      for (const [col, want] of Object.entries(cols ?? {})) {
        const key = `${table}.${row}.${col}`;
        const cell = byKey.get(key);
        const got = record?.tables?.[table]?.[row]?.[col];
        cells++;
        const same = got === want || (typeof got === 'number' && typeof want === 'number' && Math.abs(got - want) < 1e-9) || (want === null && got == null);
        if (same) { right++; continue; }
        const flag = cell?.flag;
        if (record?.status === 'failed' && got == null) { flagged++; continue; } // a failed report is loud
        if (!cell && got === undefined) { silent.push({ key, want, got: 'ABSENT', flag: null }); continue; }
        if (LOUD.has(flag) && typeof got !== 'number') { flagged++; continue; }
        if (LOUD.has(flag) && want === null) { silent.push({ key, want, got, flag, raw: cell?.raw }); continue; }
        if (LOUD.has(flag)) { flagged++; continue; }
        silent.push({ key, want, got, flag, raw: cell?.raw });
      }
    }
  }
  return { status: record?.status ?? 'NO RECORD', cells, right, flagged, silent, record };
}
