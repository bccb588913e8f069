/** Types of what the row readers find: labelled rows with their raw value slots. */
import type { BBox, Method, Separator } from '../model/document.js';
import { parseChangePair } from './cells.js';

/** One printed value position: the raw cell text with its provenance. */
export interface Slot {
  text: string;
  page: number;
  line: number;
  /** Grid column (markup) where the cell starts, 0-based. */
  col?: number;
  /** The markup table the cell is in (1-based). */
  tableNo?: number;
  /** Index of the cell in its line (separated text), for mapping onto a header's positions. */
  cellIndex?: number;
  bbox?: BBox;
  confidence: number;
  method: Method;
  /** The part of a glued digit string this slot stands for (the raw text stays in `text`). */
  split?: string;
  /** Digits printed glued to other text with no separator: one number or several, to be settled. */
  glued?: boolean;
  /** A blank that is an empty line of its own (one cell per line): it may as well be a line between two parts of the table. */
  emptyLine?: boolean;
  /** The last cell of a source cut off mid-line: its number may be cut short, its emptiness the cut. */
  cutOff?: boolean;
}

/**
 * How a row's slots were separated, which decides what a blank means when fitting them to
 * columns: `grid` (markup columns), `separated` (tabs, pipes, one cell per line: an empty slot is
 * a blank), `loose` (runs of spaces: blanks are lost).
 */
export type SlotMode = 'grid' | 'separated' | 'loose';

/**
 * Column positions of a header: each column's start and width, in grid columns (markup), cell
 * indices (separated text) or page units (`x`: positioned text, from the header cells' boxes).
 */
export interface HeaderPositions {
  kind: 'grid' | 'index' | 'x';
  /**
   * For `x` columns found from where the values themselves start, end or centre: the point of a
   * value's box that must fall inside the column. Absent: the box overlapping the column most.
   */
  anchor?: 'x0' | 'mid' | 'x1';
  /** The anchor line of each column (with `anchor`). */
  anchors?: number[];
  /** How far a value's anchor may stand from its column's line: the tolerance the lines were found with. */
  anchorTolerance?: number;
  /**
   * Positions in whole characters (column text, text-columns.ts): a value goes to the column whose
   * anchor is nearest its own, as padding puts it a character or two off either way.
   */
  characters?: boolean;
  /** Some columns are words a header cell ran together, their extents estimated: columns the values show are better evidence. */
  estimated?: boolean;
  columns: { start: number; span: number }[];
}

/** Value slots in printed order, with what fitting them to columns needs to know. */
export interface SlotRun {
  slots: Slot[];
  mode: SlotMode;
  /** How the line was separated (a `pipe` table is a full grid: every row has every cell). */
  separator: Separator;
  /** Grid width of the markup table the slots came from. */
  gridWidth?: number;
  /**
   * The grid columns where the table's value cells start, in printed order, when its rows show
   * them (a noisy grid from a scan has more grid columns than printed ones; see rows.ts).
   */
  valueColumns?: number[];
  /**
   * The positions of the columns in the header above (grid columns for markup, cell indices for
   * separated text, boxes for positioned text), when it was read; irregular 二 bands are mapped by them.
   */
  header?: HeaderPositions;
  page: number;
  line: number;
}

/** A row found in the text: the matched row key, its printed label and its value slots. */
export interface RowSlots extends SlotRun {
  key: string;
  label: string;
  /** Label match quality (0..1) and whether it was exact. */
  coverage: number;
  exact: boolean;
  /** Labels and values printed in separate blocks and paired by order (templates.md §7.3). */
  pairedByOrder: boolean;
  /** The label could not be read; the row is the one standard row missing between its neighbours. */
  byPosition?: boolean;
}

/**
 * A table row broken across a page: the next page starts with the same cells, mostly empty, the
 * rest of a wrapped number in some ("102" | page break | "9"). Appends those digits to the cells
 * above and returns true; returns false (changing nothing) when the line is not such a continuation.
 */
export function continueSplitRow(above: Slot[], next: readonly Slot[]): boolean {
  if (next.length !== above.length || next.length === 0) return false;
  const filled = next.filter((s) => s.text.trim() !== '');
  if (filled.length === 0 || filled.length > next.length / 2) return false;
  const fits = next.every((s, i) => s.text.trim() === '' || (/^\d+$/.test(s.text.trim()) && /\d$/.test(above[i]?.text.trim() ?? '')));
  if (!fits) return false;
  next.forEach((s, i) => {
    const cell = above[i];
    if (cell && s.text.trim() !== '') above[i] = { ...cell, text: cell.text.trim() + s.text.trim(), confidence: Math.min(cell.confidence, s.confidence) * 0.95 };
  });
  return true;
}

/**
 * The increase and decrease a slot prints as 本年增/减's two parts ("0/0", "+3/-1"), or null. Not from OCR: a
 * slash it reads between digits may be a stroke or a blank's dash, and words of two cells may run into one.
 */
export function changePairIn(slot: Slot): { increase: number; decrease: number } | null {
  return slot.split === undefined && slot.method !== 'ocr' ? parseChangePair(slot.text) : null;
}
