/** Types of what the row readers find: labelled rows with their raw value slots. */
import type { BBox, Method, Separator } from '../model/document.js';

/** One printed value position: the raw cell text with its provenance. */
export interface Slot {
  text: string;
  page: number;
  line: number;
  /** Grid column (markup) where the cell starts. */
  col?: number;
  /** Index of the cell in its line (separated text), for mapping onto a header's positions. */
  cellIndex?: number;
  bbox?: BBox;
  confidence: number;
  method: Method;
  /** The part of a glued digit string this slot stands for (the raw text stays in `text`). */
  split?: string;
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
  /** The header line's number of cells (index kind): a data row must have as many. */
  cellCount: number;
  /**
   * For `x` columns found from where the values themselves start, end or centre: the point of a
   * value's box that must fall inside the column. Absent: the box overlapping the column most.
   */
  anchor?: 'x0' | 'mid' | 'x1';
  /** The anchor line of each column (with `anchor`). */
  anchors?: number[];
  columns: { start: number; span: number }[];
}

/** A row found in the text: the matched row key, its printed label and its value slots. */
export interface RowSlots {
  key: string;
  label: string;
  /** Label match quality (0..1) and whether it was exact. */
  coverage: number;
  exact: boolean;
  slots: Slot[];
  mode: SlotMode;
  /** How the row's line was separated (a `pipe` table is a full grid: every row has every cell). */
  separator: Separator;
  /** Grid width of the markup table the row came from. */
  gridWidth?: number;
  /**
   * The positions of the columns in the band header above the row (grid columns for markup, cell
   * indices for separated text), when the header was read; irregular 二 bands are mapped by them.
   */
  header?: HeaderPositions;
  page: number;
  line: number;
  /** Labels and values printed in separate blocks and paired by order (templates.md §7.3). */
  pairedByOrder: boolean;
}
