/** Report tables as HTML: plain merged-cell markup, or Word's (labels cut into runs of spans). */
import type { GridCell, GridTable } from './grid.js';
import type { Random } from './random.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

/** Word-style markup: the text cut into runs of 1–3 characters, each in its own span. */
export function splitIntoSpans(text: string, random: Random): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const n = random.int(1, 3);
    out += `<span style="font-family:宋体;font-size:10.5pt">${escapeHtml(chars.slice(i, i + n).join(''))}</span>`;
    i += n;
  }
  return out;
}

function htmlCell(cell: GridCell, random: Random, spans: boolean): string {
  const attrs = (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
  let inner = escapeHtml(cell.text);
  if (spans) {
    if (cell.kind === 'value' && cell.value === null && cell.text === '') inner = random.pick(['<o:p>&nbsp;</o:p>', '<p class="MsoNormal"><span><o:p></o:p></span></p>', '']);
    else if (cell.kind !== 'value') inner = `<p class="MsoNormal" align="center">${splitIntoSpans(cell.text, random)}</p>`;
    else inner = `<p class="MsoNormal" align="center"><span lang="EN-US">${escapeHtml(cell.text)}</span></p>`;
  }
  return `<td${attrs}>${inner}</td>`;
}

export function htmlTable(table: GridTable, random: Random, spans: boolean, ruled = true): string {
  const rows = table.rows.map((r) => `<tr>${r.map((c) => htmlCell(c, random, spans)).join('')}</tr>`).join('\n');
  return `<table border="${ruled ? 1 : 0}" cellspacing="0" cellpadding="3" class="MsoNormalTable">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}
