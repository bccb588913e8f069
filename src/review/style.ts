/** The review site's stylesheet: one colour per cell flag, and the failed-check outline over any of them. */
import type { Flag } from '../schema/records.js';

/** Background of a cell by its flag (the legend shows the same). */
export const FLAG_COLOURS: Record<Flag, string> = {
  ok: '#e8f5e9',
  blank: '#f1f1f1',
  inferred: '#dbeafe',
  unreadable: '#ffd8a8',
  missing: '#c7c7c7',
  corrected: '#ede4fb',
};

/** The colour of a cell that is part of a failed check. */
export const FAILED_COLOUR = '#ffc9c9';

export const REVIEW_STYLE = `
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2328; background: #fafafa; }
header { background: #24292f; color: #fff; padding: 12px 20px; }
header a { color: #9ecbff; }
main { padding: 16px 20px; }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 17px; margin: 22px 0 8px; }
.muted { color: #656d76; font-size: 12px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; }
.status-ok { background: #d3f9d8; } .status-partial { background: #fff3bf; } .status-failed { background: #ffc9c9; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { background: #fff; border: 1px solid #d0d7de; padding: 8px; }
.chart h3 { font-size: 13px; margin: 0 0 4px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 10px 0; }
.filters input { width: 260px; padding: 4px; }
table.list { border-collapse: collapse; background: #fff; width: 100%; font-size: 13px; }
table.list th, table.list td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
table.list th { background: #f6f8fa; position: sticky; top: 0; }
table.list tr.hidden { display: none; }
.flagcount { display: inline-block; min-width: 18px; padding: 0 3px; margin-right: 2px; text-align: center; font-size: 11px; border: 1px solid #d0d7de; }
.layout { display: flex; gap: 18px; align-items: flex-start; }
.forms { flex: 1; min-width: 0; }
aside#provenance { width: 340px; position: sticky; top: 10px; background: #fff; border: 1px solid #d0d7de; padding: 10px; font-size: 13px; }
aside#provenance dl { display: grid; grid-template-columns: 90px 1fr; gap: 3px 8px; margin: 0; }
aside#provenance dt { color: #656d76; } aside#provenance dd { margin: 0; word-break: break-all; }
aside#provenance .crop { position: relative; margin-top: 8px; border: 1px solid #d0d7de; overflow: hidden; background-repeat: no-repeat; }
aside#provenance .crop-mark { position: absolute; box-shadow: 0 0 0 2px #e03131; }
table.form { border-collapse: collapse; background: #fff; font-size: 12px; margin-bottom: 12px; }
table.form th, table.form td { border: 1px solid #57606a; padding: 3px 5px; }
table.form th { background: #f6f8fa; font-weight: normal; }
table.form td.label { text-align: left; }
table.form td.cell { text-align: right; min-width: 44px; cursor: pointer; font-variant-numeric: tabular-nums; }
table.form td.cell:hover, table.form td.cell.selected { outline: 2px solid #0969da; outline-offset: -2px; }
${Object.entries(FLAG_COLOURS)
  .map(([flag, colour]) => `.flag-${flag} { background: ${colour}; }`)
  .join('\n')}
td.cell.failed-check { background: ${FAILED_COLOUR}; box-shadow: inset 0 0 0 2px #e03131; }
.legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #d0d7de; font-size: 12px; }
ul.checks { font-size: 13px; padding-left: 18px; } ul.checks li.fail { color: #c92a2a; }
`;
