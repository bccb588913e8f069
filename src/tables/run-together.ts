/**
 * Table rows run together on one line: some Word exports (and word-extractor's .doc text) end a
 * row with a tab instead of a line break, so "一、本年新收… 82 0 … 82 二、上年结转… 34 …" arrives as one
 * tab-separated line. A label cell that follows value cells starts the next row.
 */
import type { Line } from '../model/document.js';
import { isValueText } from './cells.js';

function isLabelCell(text: string): boolean {
  const t = text.trim();
  return t !== '' && !isValueText(t) && /[\p{Script=Han}A-Za-z]/u.test(t);
}

/** Splits tab- or pipe-separated lines at every label cell that comes after a value cell. */
export function splitRunTogetherRows(lines: readonly Line[]): Line[] {
  return lines.flatMap((line) => {
    if (line.separator !== 'tab' && line.separator !== 'pipe') return [line];
    const parts: Line[] = [];
    let start = 0;
    let seenValue = false;
    line.cells.forEach((cell, i) => {
      if (isLabelCell(cell.text) && seenValue) {
        // Empty cells just before the label belong to the new row's label columns, as a row starts.
        let cut = i;
        while (cut - 1 > start && line.cells[cut - 1]?.text.trim() === '' && line.cells[cut - 2]?.text.trim() === '') cut--;
        parts.push({ ...line, cells: line.cells.slice(start, cut) });
        start = cut;
        seenValue = false;
      } else if (cell.text.trim() !== '' && !isLabelCell(cell.text)) seenValue = true;
    });
    if (parts.length === 0) return [line];
    parts.push({ ...line, cells: line.cells.slice(start) });
    return parts;
  });
}
