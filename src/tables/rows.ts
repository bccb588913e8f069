/**
 * Reads labelled rows (tables 二 and 三) from a region's lines: finds each row's label, however it
 * is wrapped, split over lines or separated from its numbers, and collects the value slots that
 * belong to it.
 */
import { UNREAD_MARK, type Line, type LineCell } from '../model/document.js';
import type { RowSpec } from '../model/table.js';
import { makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import type { TableKey } from '../schema/keys.js';
import { isValueText } from './cells.js';
import { matchRowLabel, parseLabel, containsAny, splitAtNumbering } from './labels.js';
import { isVerticalFragment } from './normalise.js';
import { columnsFromValues, positionedColumns, type HeaderCell } from './header-columns.js';
import { continueSplitRow, type HeaderPositions, type RowSlots, type Slot, type SlotMode } from './slots.js';

/** A label on its own line is taken as a whole row label only when it is this similar. */
const DEFAULT_STANDALONE_SIMILARITY = 0.85;

/** What the reader needs to know of one table. */
export interface RowReaderSpec {
  table: TableKey;
  rows: readonly RowSpec[];
  groupPhrases: readonly string[];
  headerWords: readonly string[];
  /** Header lines that start with this word give the column positions of the rows below (二's bands). */
  bandHeaderWord?: string;
  /** The table's column header words in printed order, for positioned text without rules. */
  columnWords?: readonly string[];
  /** Column headers that are also row labels ("总计", "其他"): before the first row they are headers. */
  bareHeaderWords?: readonly string[];
  /** Group cells and the rows under them, in order ("不予公开" → the eight denied rows). */
  groupRows?: Readonly<Record<string, readonly string[]>>;
  /** How many values a row prints, where known; bounds the blanks of a one-cell-per-line row. */
  widthOf?: (rowKey: string) => number | undefined;
  /** Every row of the table ends in this many value cells (三): markup rows are split on them. */
  gridValues?: number;
}

/** A line split into its label part and its value slots. */
export interface SplitLine {
  label: string;
  values: LineCell[];
  /** Index in the line of the first value cell. */
  firstValueIndex: number;
}

/** A label with its number glued on ("行政许可1203"): the digits after the last Han character. */
const GLUED_NUMBER = /^(.*\p{Script=Han}.*?[^\d\s.,+-])\s*([+-]?\d[\d,]*(?:\.\d+)?)$/u;

/**
 * The grid columns where each markup table's value cells start, for a table whose rows end in
 * `n` value cells (三): the starts of the last n cells that most rows share. A scan's grid has
 * more columns than the printed table (rules a little off straight are not snapped together, a
 * faint rule merges two header cells), so neither "the last n grid columns" nor the header words
 * can be relied on; the rows' own cells can. Only a signature most rows share is taken.
 */
export function gridValueColumns(lines: readonly Line[], n: number): Map<number, number[]> {
  const counts = new Map<number, Map<string, number>>();
  for (const line of lines) {
    if (line.separator !== 'grid' || line.tableNo === undefined || line.cells.length < n) continue;
    const cols = line.cells.slice(-n).map((c) => c.col);
    if (cols.some((c) => c === undefined)) continue;
    const byTable = counts.get(line.tableNo) ?? new Map<string, number>();
    byTable.set(cols.join(','), (byTable.get(cols.join(',')) ?? 0) + 1);
    counts.set(line.tableNo, byTable);
  }
  const found = new Map<number, number[]>();
  for (const [tableNo, bySignature] of counts) {
    const ranked = [...bySignature].sort((a, b) => b[1] - a[1]);
    const [best, next] = ranked;
    const total = ranked.reduce((sum, [, count]) => sum + count, 0);
    if (best && best[1] >= 3 && best[1] * 2 > total && (!next || next[1] < best[1])) found.set(tableNo, best[0].split(',').map(Number));
  }
  return found;
}

/** Cells that stand where a value stands: a number, a blank or placeholder, or OCR's unread mark. */
function isValueLike(cell: LineCell): boolean {
  const text = cell.text.trim();
  return text === '' || text === UNREAD_MARK || isValueText(text);
}

/**
 * Label cells are all cells up to the last one that is text; value slots are the cells after it.
 * A line whose last cell is a label with digits glued on gets those digits as its one value slot.
 * In a grid whose value columns are known, a row that ends in cells at exactly those columns,
 * most of them value-like, has them as its values whatever they hold: an OCR misreading ("ER",
 * "大") in a value cell is an unreadable value, never part of the label.
 */
export function splitLabelAndValues(line: Line, valueColumns?: readonly number[]): SplitLine {
  if (valueColumns && line.separator === 'grid' && line.cells.length >= valueColumns.length) {
    const n = valueColumns.length;
    const tail = line.cells.slice(-n);
    if (tail.every((c, i) => c.col === valueColumns[i]) && tail.filter(isValueLike).length * 2 > n) {
      const firstValueIndex = line.cells.length - n;
      return { label: line.cells.slice(0, firstValueIndex).map((c) => c.text).join(''), values: tail, firstValueIndex };
    }
  }
  let lastLabel = -1;
  // A label cell has words in it; a cell of digits that is not a valid value ("167,617167617") is a
  // malformed value, not text.
  line.cells.forEach((cell, i) => {
    // OCR's mark for ink it could not read stands where a value stood: a value slot, unreadable.
    if (cell.text.trim() === UNREAD_MARK) return;
    if (cell.text.trim() !== '' && !isValueText(cell.text) && (/[\p{Script=Han}A-Za-z]/u.test(cell.text) || !/\d/.test(cell.text))) lastLabel = i;
  });
  const last = line.cells[lastLabel];
  const glued = last ? GLUED_NUMBER.exec(last.text.trim()) : null;
  if (last && glued) {
    // The number glued to the label is the row's first value ("3.补正后申请内容仍不明确0 | 33 | …").
    const label = line.cells.slice(0, lastLabel).map((c) => c.text).join('') + (glued[1] ?? '');
    const digits = glued[2] ?? '';
    const number: LineCell = { ...last, text: digits };
    if (last.bbox) {
      const width = digits.length * 0.55 * (last.bbox.y1 - last.bbox.y0);
      number.bbox = { ...last.bbox, x0: Math.max(last.bbox.x0, last.bbox.x1 - width) };
    }
    return { label, values: [number, ...line.cells.slice(lastLabel + 1)], firstValueIndex: lastLabel };
  }
  const label = line.cells
    .slice(0, lastLabel + 1)
    .map((c) => c.text)
    .join('');
  return { label, values: line.cells.slice(lastLabel + 1), firstValueIndex: lastLabel + 1 };
}

function modeOf(line: Line): SlotMode {
  if (line.separator === 'grid') return 'grid';
  if (line.separator === 'spaces') return 'loose';
  return 'separated';
}

/** Positions of a band header's columns ("信息内容 | 本年新制作数量 | …"): the cells after the first. */
function headerPositions(line: Line): HeaderPositions | undefined {
  const cells = line.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.text.trim() !== '').slice(1);
  if (cells.length === 0) return undefined;
  if ((line.separator === 'spaces' || line.separator === 'none') && cells.every(({ c }) => c.bbox)) {
    return { kind: 'x', columns: cells.map(({ c }) => ({ start: c.bbox?.x0 ?? 0, span: (c.bbox?.x1 ?? 0) - (c.bbox?.x0 ?? 0) })) };
  }
  if (line.separator === 'grid') {
    return { kind: 'grid', columns: cells.map(({ c }) => ({ start: c.col ?? 0, span: c.colSpan ?? 1 })) };
  }
  if (line.separator === 'tab' || line.separator === 'pipe') {
    return { kind: 'index', columns: cells.map(({ i }) => ({ start: i, span: 1 })) };
  }
  return undefined;
}

function toSlot(cell: LineCell, line: Line, cellIndex: number): Slot {
  const slot: Slot = { text: cell.text, page: line.page, line: line.lineNo, confidence: cell.confidence, method: line.method, cellIndex };
  if (cell.col !== undefined) slot.col = cell.col;
  if (line.tableNo !== undefined) slot.tableNo = line.tableNo;
  if (cell.bbox !== undefined) slot.bbox = cell.bbox;
  return slot;
}

/** The rows found in one region, plus what could not be placed. */
export interface RowReading {
  rows: RowSlots[];
  issues: Issue[];
}

/** A line split for the reader: its label, its value slots, and what they look like. */
interface LineParts {
  line: Line;
  label: string;
  hasLabel: boolean;
  slots: Slot[];
  hasSlots: boolean;
  blankSlots: boolean;
  mode: SlotMode;
}

/** The row (or unmatched label with values) of the line just before, whose label may go on below. */
interface Tail {
  row?: RowSlots;
  label: string;
  slots: Slot[];
  line: Line;
  mode: SlotMode;
}

/**
 * Reads one region line by line. Each kind of line has its own handler; the state between lines
 * is: label fragments pending, rows waiting for values below them, the row just made from a
 * label-only line, and the row whose label may continue on the next line.
 */
class RowReader {
  private readonly rows: RowSlots[] = [];
  private readonly issues: Issue[] = [];
  private pending: { text: string; page: number; line: number }[] = [];
  /** Rows whose label stood alone and whose values are expected on the following lines (FIFO). */
  private waiting: RowSlots[] = [];
  /** Rows that waited for values that never came (the pairing check needs them). */
  private readonly abandoned: RowSlots[] = [];
  /** Column positions of the current 二 band (from its 信息内容 header line). */
  private header: HeaderPositions | undefined;
  /** Header cells with boxes (positioned text): the column positions of an unruled table. */
  private readonly headerCells: HeaderCell[] = [];
  private columnHeader: HeaderPositions | undefined;
  /** The row made from a label-only line on the line just before, while it still has no values. */
  private labelOnlyRow: RowSlots | undefined;
  /**
   * The row of the line just before: in positioned text a label wraps above and below its numbers
   * ("5.要求行政机关确认或重" / numbers / "新出具已获取信息").
   */
  private tail: Tail | undefined;
  /**
   * A group label followed by bare lines of numbers, the sub-row labels missing ("（三）不予公开" then
   * eight rows of numbers): the lines, paired with the group's rows by order when the count matches.
   */
  private groupFill: { rows: readonly string[]; label: string; lines: LineParts[] } | undefined;
  /** Where each markup table's value cells start (tables with `gridValues`). */
  private valueColumns = new Map<number, number[]>();
  /**
   * A label cell printed over several rows of values (a scan lost the rule between two labels):
   * the labels of the rows below, split at their numbering, or null where it could not be split.
   */
  private spannedLabels: { tableNo: number | undefined; labels: (string | null)[] } | undefined;
  /** Rows of values whose label matched no row, and how many rows were read before each. */
  private readonly orphans: { tail: Tail; after: number }[] = [];

  constructor(private readonly spec: RowReaderSpec) {}

  read(lines: readonly Line[]): RowReading {
    if (this.spec.gridValues !== undefined) this.valueColumns = gridValueColumns(lines, this.spec.gridValues);
    for (const line of lines) this.onLine(line);
    this.flushGroupFill();
    this.dropTail();
    this.placeOrphansByPosition();
    this.columnsFromValuesIfNeeded();
    return { rows: this.rows, issues: [...this.issues, ...checkPairing(this.rows, [...this.abandoned, ...this.waiting], this.issues)] };
  }

  private onLine(line: Line): void {
    const previousLabelOnly = this.labelOnlyRow;
    this.labelOnlyRow = undefined;
    const previousTail = this.tail;
    this.tail = undefined;
    const { label, values, firstValueIndex } = splitLabelAndValues(line, this.valueColumnsOf(line));
    const mode = modeOf(line);
    const slots = values.map((c, i) => toSlot(c, line, firstValueIndex + i));
    let parts: LineParts = {
      line,
      label,
      hasLabel: label.trim() !== '',
      slots,
      hasSlots: slots.length > 0 && (mode !== 'loose' || slots.some((s) => s.text.trim() !== '')),
      blankSlots: slots.every((s) => s.text.trim() === ''),
      mode,
    };
    if (this.groupFill && !(line.cells.length > 0 && !parts.hasLabel && parts.slots.length > 1)) this.flushGroupFill();
    if (line.cells.length === 0) return this.onEmptyLine(line);
    const spanned = this.spannedLabel(parts, firstValueIndex);
    if (spanned === null) return;
    parts = spanned;
    if (parts.hasLabel && !parts.hasSlots && isVerticalFragment(label)) return; // a character of a vertical label
    if (parts.hasLabel && parts.blankSlots && containsAny(label, this.spec.headerWords)) return this.onHeaderLine(parts);
    if (parts.hasLabel && previousTail && (!parts.hasSlots || parts.blankSlots)) {
      if (this.continueTail(parts, previousTail)) return;
      this.tail = previousTail;
      if (!parts.hasSlots) this.dropTail();
    }
    if (parts.hasLabel && parts.hasSlots) return this.onLabelWithValues(parts, previousLabelOnly, previousTail);
    if (parts.hasLabel) return this.onLabelOnly(parts, previousLabelOnly);
    return this.onValuesOnly(parts, previousTail);
  }

  private valueColumnsOf(line: Line): number[] | undefined {
    return line.tableNo === undefined ? undefined : this.valueColumns.get(line.tableNo);
  }

  /** The grid a row's values came from, for fitting them to columns. */
  private gridOf(line: Line): Pick<RowSlots, 'gridWidth' | 'valueColumns'> {
    const valueColumns = this.valueColumnsOf(line);
    return { ...(line.gridWidth !== undefined ? { gridWidth: line.gridWidth } : {}), ...(valueColumns ? { valueColumns } : {}) };
  }

  /**
   * A grid row whose last label cell spans the rows below while its values do not: one cell holds
   * the labels of several rows. Each row gets its own label when the cell splits at its numbering
   * into as many labels as rows; otherwise none of those rows is read (null: the line is consumed).
   * The rows below it take their labels from the split. Other lines come back as they are.
   */
  private spannedLabel(parts: LineParts, firstValueIndex: number): LineParts | null {
    const { line } = parts;
    const pending = this.spannedLabels;
    if (pending && pending.tableNo === line.tableNo && line.separator === 'grid' && !parts.hasLabel && parts.hasSlots) {
      const label = pending.labels.shift();
      if (pending.labels.length === 0) this.spannedLabels = undefined;
      if (label === null || label === undefined) {
        this.issues.push(makeIssue('warning', 'tables', 'values_without_label', `${this.spec.table}: values on line ${line.lineNo} sit beside a label cell shared with the row above; left unread`, { page: line.page }));
        return null;
      }
      return { ...parts, label, hasLabel: true };
    }
    this.spannedLabels = undefined;
    const labelCell = line.cells[firstValueIndex - 1];
    const rows = labelCell?.rowSpan ?? 1;
    const values = line.cells.slice(firstValueIndex);
    if (line.separator !== 'grid' || !labelCell || rows < 2 || parts.blankSlots || values.length === 0 || values.some((c) => (c.rowSpan ?? 1) >= rows)) return parts;
    const labels = splitAtNumbering(labelCell.text);
    const prefix = line.cells
      .slice(0, firstValueIndex - 1)
      .map((c) => c.text)
      .join('');
    if (labels.length === rows) {
      this.spannedLabels = { tableNo: line.tableNo, labels: labels.slice(1) };
      return { ...parts, label: prefix + (labels[0] as string) };
    }
    this.spannedLabels = { tableNo: line.tableNo, labels: new Array<null>(rows - 1).fill(null) };
    this.issues.push(
      makeIssue('warning', 'tables', 'row_label_spans_rows', `${this.spec.table}: the label "${labelCell.text}" covers ${rows} rows of values and cannot be split; those rows are left unread`, { page: line.page }),
    );
    return null;
  }

  // Rows are printed in template order: the row after the last one read is the likeliest next.
  private match(text: string) {
    const last = this.rows.at(-1);
    const expectedIndex = last ? this.spec.rows.findIndex((r) => r.key === last.key) + 1 : 0;
    return matchRowLabel(parseLabel(text, this.spec.groupPhrases), this.spec.rows, this.spec.groupPhrases, { expectedIndex });
  }

  private newRow(label: string, line: Line, mode: SlotMode, slots: Slot[]): RowSlots | null {
    const m = this.match(label);
    if (!m) return null;
    const row: RowSlots = {
      key: m.key,
      label,
      coverage: m.coverage,
      exact: m.exact,
      slots,
      mode,
      separator: line.separator,
      page: line.page,
      line: line.lineNo,
      pairedByOrder: false,
    };
    Object.assign(row, this.gridOf(line));
    if (this.header) row.header = this.header;
    else if (this.columnHeader) row.header = this.columnHeader;
    this.rows.push(row);
    return row;
  }

  private dropWaiting(keep: (w: RowSlots) => boolean): void {
    for (const w of this.waiting) if (!keep(w) && w.slots.length === 0) this.abandoned.push(w);
    this.waiting = this.waiting.filter(keep);
  }

  private dropTail(): void {
    const tail = this.tail;
    if (tail && !tail.row && tail.slots.some((s) => s.text.trim() !== '')) {
      this.issues.push(makeIssue('warning', 'tables', 'row_label_unknown', `${this.spec.table}: no standard row matches the label "${tail.label}"`, { page: tail.line.page }));
      this.orphans.push({ tail, after: this.rows.length });
    }
    this.tail = undefined;
  }

  private pendingText(): string {
    return this.pending.map((p) => p.text).join('');
  }

  private collectHeaderCells(line: Line): void {
    this.headerCells.push(...line.cells.filter((c) => c.bbox && c.text.trim() !== '').map((cell) => ({ cell, page: line.page })));
    this.columnHeader = positionedColumns(this.headerCells, this.spec.columnWords ?? []);
  }

  /** An empty line inside a one-cell-per-line table is a blank cell of the row being filled. */
  private onEmptyLine(line: Line): void {
    const open = this.waiting.length === 1 ? this.waiting[0] : undefined;
    const width = open ? this.spec.widthOf?.(open.key) : undefined;
    if (open && open.mode === 'separated' && (width === undefined || open.slots.length < width)) {
      open.slots.push({ text: '', page: line.page, line: line.lineNo, confidence: 1, method: line.method });
    }
  }

  private onHeaderLine({ line, label }: LineParts): void {
    if (this.spec.bandHeaderWord !== undefined) {
      this.header = containsAny(line.cells[0]?.text ?? label, [this.spec.bandHeaderWord]) ? headerPositions(line) : undefined;
    }
    if (this.spec.columnWords && this.rows.length === 0 && line.separator !== 'grid') this.collectHeaderCells(line);
    this.pending = [];
  }

  /**
   * The rest of a label printed below its numbers (or in a row continued on the next page, with
   * empty value cells): joined when that matches better. True when the line was used so.
   */
  private continueTail({ label }: LineParts, previous: Tail): boolean {
    const joinedLabel = previous.label + label;
    const m = this.match(joinedLabel);
    const current = previous.row ? (this.match(previous.label)?.similarity ?? 0) : 0;
    // The same row, completed; or a row matched on half a label that the whole label clearly corrects.
    if (!m || m.similarity <= current || (previous.row && m.key !== previous.row.key && m.similarity < current + 0.25)) return false;
    const row = previous.row ?? this.newRow(joinedLabel, previous.line, previous.mode, previous.slots) ?? undefined;
    if (previous.row) Object.assign(previous.row, { key: m.key, label: joinedLabel, coverage: m.coverage, exact: m.exact });
    // The label may go on over more lines ("要求缴纳费用、行政机关不" / "再处理其政府信息公开申请").
    this.tail = { ...previous, label: joinedLabel, ...(row ? { row } : {}) };
    return true;
  }

  private onLabelWithValues({ line, label, slots, mode }: LineParts, previousLabelOnly: RowSlots | undefined, previousTail: Tail | undefined): void {
    // A label wrapped over two lines whose first half already looked whole: "一、本年新收政府信息公" /
    // "开申请数量 0 0 …". The halves are joined when together they match better than the second alone.
    const own = this.pending.length === 0 ? this.match(label) : undefined;
    if (previousLabelOnly && previousLabelOnly.slots.length === 0 && this.pending.length === 0 && (!own || own.similarity < 1)) {
      const joinedLabel = previousLabelOnly.label + label;
      const m = this.match(joinedLabel);
      if (m && m.similarity > (own?.similarity ?? 0)) {
        Object.assign(previousLabelOnly, { key: m.key, label: joinedLabel, coverage: m.coverage, exact: m.exact, slots, mode, separator: line.separator });
        Object.assign(previousLabelOnly, this.gridOf(line));
        this.dropWaiting(() => false);
        return;
      }
    }
    this.dropWaiting(() => false);
    const joined = this.pendingText() + label;
    // Text carried over from above is only a prefix: a line whose own label starts with its own
    // numbering and is a whole row label ("3.其他") is that row, whatever came before it. (A wrapped
    // label's second half never starts with a number: "复 申请" stays with "4.无正当理由大量反".)
    const ownMatch = this.pending.length > 0 && parseLabel(label, this.spec.groupPhrases).numbering.length > 0 ? this.match(label) : undefined;
    const ownIsWhole = ownMatch !== undefined && ownMatch.similarity >= DEFAULT_STANDALONE_SIMILARITY && this.match(joined)?.key !== ownMatch.key;
    // The line before, not consumed: report it if it stayed unmatched (before this row is made,
    // so an unmatched row of values knows the rows around it).
    if (previousTail) this.tail = previousTail;
    this.dropTail();
    const row = ownIsWhole
      ? this.newRow(label, line, mode, slots)
      : (this.newRow(joined, line, mode, slots) ?? (this.pending.length > 0 ? this.newRow(label, line, mode, slots) : null));
    this.tail = row ? { row, label: joined, slots, line, mode } : { label: joined, slots, line, mode };
    this.pending = [];
  }

  private onLabelOnly({ line, label }: LineParts, previousLabelOnly: RowSlots | undefined): void {
    const { spec } = this;
    // Before the first row, a bare short word ("总计", "其他") is a column header, not a row.
    const parsed = parseLabel(label, spec.groupPhrases);
    if (this.rows.length === 0 && this.pending.length === 0 && parsed.numbering.length === 0 && (spec.bareHeaderWords ?? []).includes(parsed.key)) return;
    // "（六）其他处理" alone is a row (2019) or the group cell over three sub-rows (2021): it was
    // taken as a row, but a sub-label right after it shows it was the group, so it prefixes that label.
    if (previousLabelOnly && previousLabelOnly.slots.length === 0 && spec.groupPhrases.includes(parseLabel(previousLabelOnly.label).key)) {
      this.rows.splice(this.rows.indexOf(previousLabelOnly), 1);
      this.waiting = this.waiting.filter((w) => w !== previousLabelOnly);
      this.pending.push({ text: previousLabelOnly.label, page: previousLabelOnly.page, line: previousLabelOnly.line });
    }
    const similar = (m: ReturnType<RowReader['match']>) => (m && m.similarity >= DEFAULT_STANDALONE_SIMILARITY ? m : undefined);
    const withPending = this.pending.length > 0 ? similar(this.match(this.pendingText() + label)) : undefined;
    const complete = withPending ?? similar(this.match(label));
    // Before the first row, positioned text that is no row may be header words wrapped over
    // lines ("科研" / "机构"): they give an unruled table its column positions.
    if (!complete && this.rows.length === 0 && spec.columnWords && line.cells.some((c) => c.bbox)) this.collectHeaderCells(line);
    if (!complete) {
      this.pending.push({ text: label, page: line.page, line: line.lineNo });
      return;
    }
    // A new label closes the rows that were being filled one value per line.
    this.dropWaiting((w) => w.slots.length === 0);
    const row = this.newRow((withPending ? this.pendingText() : '') + label, line, 'separated', []);
    if (row) this.waiting.push(row);
    this.labelOnlyRow = row ?? undefined;
    this.pending = [];
  }

  private onValuesOnly(parts: LineParts, previousTail: Tail | undefined): void {
    const { line, slots, mode } = parts;
    const { spec } = this;
    // The rest of a row broken across a page: wrapped digits in the same columns.
    if (previousTail?.row && line.page !== previousTail.line.page && continueSplitRow(previousTail.row.slots, slots)) {
      this.issues.push(
        makeIssue('info', 'tables', 'row_split_across_pages', `${spec.table}.${previousTail.row.key}: numbers wrapped onto page ${line.page} were joined to the row above`, {
          page: line.page,
          path: [spec.table, previousTail.row.key],
        }),
      );
      this.tail = previousTail;
      return;
    }
    if (previousTail) {
      this.tail = previousTail;
      this.dropTail();
    }
    if (this.groupFill) {
      this.groupFill.lines.push(parts);
      return;
    }
    const groupRows = this.pending.length > 0 && slots.length > 1 ? this.spec.groupRows?.[parseLabel(this.pendingText()).key] : undefined;
    if (groupRows) {
      this.groupFill = { rows: groupRows, label: this.pendingText(), lines: [parts] };
      this.pending = [];
      return;
    }
    if (this.pending.length > 0) {
      const text = this.pendingText();
      const row = this.newRow(text, line, mode, slots);
      // One value per line: the following values belong to this row too.
      this.waiting = row && slots.length === 1 ? [row] : [];
      this.tail = row ? { row, label: text, slots, line, mode } : { label: text, slots, line, mode };
      this.pending = [];
      return;
    }
    const head = this.waiting[0];
    if (!head) {
      if (slots.some((s) => s.text.trim() !== '')) {
        this.issues.push(makeIssue('warning', 'tables', 'values_without_label', `${spec.table}: values on line ${line.lineNo} have no row label`, { page: line.page }));
      }
      return;
    }
    if (slots.length > 1) {
      // A whole row of values on one line: it belongs to the oldest label still waiting.
      head.slots = slots;
      head.mode = mode;
      head.pairedByOrder = this.waiting.length > 1 || head.pairedByOrder;
      this.waiting.shift();
      for (const w of this.waiting) w.pairedByOrder = true;
    } else if (this.waiting.length === 1) {
      head.slots.push(...slots);
    } else {
      this.issues.push(makeIssue('warning', 'tables', 'values_without_label', `${spec.table}: a value on line ${line.lineNo} cannot be paired with a label`, { page: line.page }));
    }
  }

  /**
   * A row of values whose label could not be read (OCR: "(二和了巴以公天" for （一）予以公开) sits
   * between two rows that were: when exactly one standard row is missing between them, and it is
   * the only such row there, it is that row. The row is marked `byPosition` (its cells come out
   * inferred, never ok).
   */
  private placeOrphansByPosition(): void {
    const order = (key: string): number => this.spec.rows.findIndex((r) => r.key === key);
    const found = new Set(this.rows.map((r) => r.key));
    const placed: { row: RowSlots; at: number }[] = [];
    this.orphans.forEach(({ tail, after }) => {
      const before = this.rows[after - 1];
      const next = this.rows[after];
      if (!before || !next || this.orphans.filter((o) => o.after === after).length !== 1) return;
      const between = this.spec.rows.slice(order(before.key) + 1, Math.max(0, order(next.key))).filter((r) => !found.has(r.key));
      const [only] = between;
      if (between.length !== 1 || !only) return;
      const { line, slots, mode, label } = tail;
      const row: RowSlots = { key: only.key, label, coverage: 0, exact: false, slots, mode, separator: line.separator, page: line.page, line: line.lineNo, pairedByOrder: false, byPosition: true };
      Object.assign(row, this.gridOf(line));
      if (before.header) row.header = before.header;
      placed.push({ row, at: after });
    });
    for (const { row, at } of placed.sort((a, b) => b.at - a.at)) this.rows.splice(at, 0, row);
  }

  /** Pairs a group's bare number lines with its rows by order, only when the counts match (templates.md §7.3). */
  private flushGroupFill(): void {
    const fill = this.groupFill;
    this.groupFill = undefined;
    if (!fill) return;
    if (fill.lines.length !== fill.rows.length) {
      this.issues.push(
        makeIssue('error', 'tables', 'labels_values_count_mismatch', `${this.spec.table}: "${fill.label}" is followed by ${fill.lines.length} rows of numbers without labels, but has ${fill.rows.length} rows; left unreadable`),
      );
      return;
    }
    fill.lines.forEach(({ line, slots, mode }, i) => {
      const key = fill.rows[i] as string;
      const row: RowSlots = { key, label: `${fill.label} #${i + 1}`, coverage: 1, exact: false, slots, mode, separator: line.separator, page: line.page, line: line.lineNo, pairedByOrder: true };
      Object.assign(row, this.gridOf(line));
      const header = this.header ?? this.columnHeader;
      if (header) row.header = header;
      this.rows.push(row);
    });
  }

  /** An unruled table whose header words could not be told apart: columns from the values' alignment. */
  private columnsFromValuesIfNeeded(): void {
    if (!this.spec.columnWords || this.columnHeader) return;
    const positioned = this.rows.filter((r) => !r.header && r.mode === 'loose' && r.slots.some((s) => s.bbox));
    const fromValues = columnsFromValues(positioned.flatMap((r) => r.slots), this.spec.columnWords.length);
    if (fromValues) for (const row of positioned) row.header = fromValues;
  }
}

/** Reads the labelled rows of one region. */
export function readLabelledRows(lines: readonly Line[], spec: RowReaderSpec): RowReading {
  return new RowReader(spec).read(lines);
}

/**
 * Labels paired with a block of values by order are trusted only when the counts match exactly
 * (templates.md §7.3); otherwise every such row is dropped to unreadable.
 */
function checkPairing(rows: RowSlots[], waiting: RowSlots[], issues: Issue[]): Issue[] {
  const paired = rows.filter((r) => r.pairedByOrder);
  if (paired.length === 0) return [];
  const orphans = issues.some((i) => i.code === 'values_without_label');
  const unfilled = waiting.some((w) => w.slots.length === 0);
  if (!orphans && !unfilled) {
    return [makeIssue('warning', 'tables', 'labels_paired_by_order', `${paired.length} rows were printed apart from their numbers and paired by order`)];
  }
  for (const row of paired) row.slots = [];
  return [makeIssue('error', 'tables', 'labels_values_count_mismatch', `labels and value rows printed apart do not pair up; ${paired.length} rows left unreadable`)];
}
