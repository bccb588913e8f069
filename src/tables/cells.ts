/**
 * Parses one printed cell into a number or a blank (templates.md §7.4). A value is a number only
 * where the source shows one; placeholders are blanks, never zeros.
 */
import { foldText } from './normalise.js';

/** The outcome of parsing a cell's text. */
export type CellParse =
  | {
      kind: 'number';
      value: number;
      /** Text followed the number (e.g. "12（其中修订5件）", "38000元"). */
      annotated: boolean;
      /** The number has a fractional part. */
      decimal: boolean;
      /** Written with a sign (+, -, 增, 减). */
      signed: boolean;
    }
  | { kind: 'blank' }
  | { kind: 'invalid' };

/** Placeholders that mean "nothing printed" (templates.md §7.4). A lone "-" is one too. */
const PLACEHOLDER = /^(?:[-—–―─‐‑‒~/\\|_.·…]+|无|空|暂无|没有)$/;
const NUMBER = /^(减|增|[+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?(.*)$/;
/** What may follow a number in a numeric cell: a bracketed note, a footnote mark ("3001*", "12※") or a unit. */
const ANNOTATION = /^(?:\(.*\)|\[.*\]|\*+|※|[†‡]+|(?:万元|元|件|项|个|条|次|家|人|宗|户|笔)(?:\(.*\))?)$/;

/** Parses a cell's text; whitespace, &nbsp; and U+3000 are ignored. */
export function parseCellValue(raw: string): CellParse {
  const folded = foldText(raw).trim();
  // Two numbers in one cell ("163136 0") are never one number.
  if (/\d\s+\d/.test(folded)) return { kind: 'invalid' };
  const text = folded.replace(/\s+/g, '').replace(/[−﹣]/g, '-');
  if (text === '') return { kind: 'blank' };
  if (PLACEHOLDER.test(text)) return { kind: 'blank' };
  const m = NUMBER.exec(text);
  if (!m) return { kind: 'invalid' };
  const [, sign, integer = '', fraction = '', rest = ''] = m;
  if (rest !== '' && !ANNOTATION.test(rest)) return { kind: 'invalid' };
  const magnitude = Number(integer.replace(/,/g, '') + fraction);
  if (!Number.isFinite(magnitude)) return { kind: 'invalid' };
  const negative = sign === '-' || sign === '减';
  return {
    kind: 'number',
    value: negative && magnitude !== 0 ? -magnitude : magnitude,
    annotated: rest !== '',
    decimal: fraction !== '',
    signed: sign !== undefined,
  };
}

/** True if the text reads as a cell value (a number or a placeholder), not as a label. */
export function isValueText(raw: string): boolean {
  return parseCellValue(raw).kind !== 'invalid';
}

/**
 * A 本年增/减 cell printed as its two parts, the way its header words it: "0/0", "+3/-1", "增3/减1",
 * "增加3/减少1", spaces allowed, a full-width ／ folded. Each part is a count of one cell's size (no
 * leading zero, six digits at most): a run like "5/41019113120261021720" is cells glued together.
 */
const CHANGE_PAIR = /^(?:[+增]加?\s*)?(0|[1-9]\d{0,5})\s*\/\s*(?:[-减]少?\s*)?(0|[1-9]\d{0,5})$/u;

/** The increase and decrease a 增/减 pair prints, or null for text that is no such pair. */
export function parseChangePair(raw: string): { increase: number; decrease: number } | null {
  const m = CHANGE_PAIR.exec(foldText(raw).trim().replace(/[−﹣]/g, '-'));
  return m ? { increase: Number(m[1]), decrease: Number(m[2]) } : null;
}
