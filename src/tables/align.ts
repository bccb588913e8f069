/**
 * The second step of decoding: the label pieces of a table region are aligned to the template's
 * rows by dynamic programming (label similarity, row order; header words, group cells, vertical
 * fragments and page furniture may be skipped as noise; rows may be missing), and every value
 * token is given to the row whose label it follows. Wrapped labels, labels split around their
 * numbers, group labels glued in front, labels printed as one block before a block of numbers:
 * all are alignments of the same stream, not separate handlers.
 */
import type { BBox, Line } from '../model/document.js';
import type { RowSpec } from '../model/table.js';
import { makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import type { TableKey } from '../schema/keys.js';
import { characterColumns } from './character-columns.js';
import { columnsFromValues, columnsOfHeaderCell, driftingColumns, positionedColumns, type HeaderCell } from './header-columns.js';
import { containsAny, lcsLength, matchRowLabel, parseLabel, splitAtNumbering, type ParsedLabel } from './labels.js';
import { endsWithGroupPhrase, foldText, isVerticalFragment, labelKey, normaliseLabel } from './normalise.js';
import { boxOf, emptyLineBlanks, isEmptyTextLine, isValueCell, lineTokens, markdownFlushLeft, ruledIntoCells, regionStyleOf, withSpaceJoinedCells, type LabelToken, type RegionStyle, type Token } from './segments.js';
import { moveValuesAfterLabels, printsValuesBeforeLabels } from './values-before.js';
import { seenBlanksUnderColumns } from './seen-blanks.js';
import { continueSplitRow, type HeaderPositions, type RowSlots, type Slot, type SlotMode } from './slots.js';

/** What the decoder needs to know of one table. */
export interface TableSpec {
  table: TableKey;
  rows: readonly RowSpec[];
  /** Group cells ("不予公开"): they carry no numbers and may prefix a row's label. */
  groupPhrases: readonly string[];
  headerWords: readonly string[];
  /** Band header lines start with this word and give the column positions of the rows below (二). */
  bandHeaderWord?: string;
  /** The column header words in printed order, for positioned text without rules (三). */
  columnWords?: readonly string[];
  /** Every row ends in this many value cells (三): markup rows are split on them. */
  gridValues?: number;
  /** How many values a row prints, where known. */
  widthOf?: (rowKey: string) => number | undefined;
  /** Group cells and the rows under them, in order ("不予公开" → the eight denied rows). */
  groupRows?: Readonly<Record<string, readonly string[]>>;
  /** Rows a table never prints after this one (2019's single （六） row, then 2021's three （六） rows). */
  exclusiveAfter?: Readonly<Record<string, readonly string[]>>;
}

/** A decoded row: its slots, plus what settling them needs to know. */
export interface DecodedRow extends RowSlots {
  /** Blank cells were dropped somewhere in the row (collapsed pipes, residue, no separators). */
  lostBlanks: boolean;
  /** The row's values end the source: a shorter row was cut off, not blank-collapsed. */
  atSourceEnd: boolean;
  /** Values were printed for the row but cannot be told apart from other rows' (labels printed apart). */
  unplaced?: boolean;
  /** Its label runs straight into the next row's where empty cells leave no trace: every cell was blank. */
  droppedWhole?: boolean;
  /** Values with no label stand right before its label (a converter printed them above it): it is never dropped whole. */
  valuesBefore?: boolean;
  /** Its line's last cell is a value column (a Markdown table's rows are all as wide): surplus empty cells are at the label's end. */
  valuesAtLineEnd?: boolean;
  /** Its line was set flush left and padded at its end (a Markdown converter dropping spans): surplus empty cells are at the line's end. */
  valuesAfterLabel?: boolean;
  /**
   * Every value sits in a cell a converter set apart (a pipe or tab line, or a line closed by "|"):
   * cells in a markup table's own order, row after row, never column by column.
   */
  cellsSetApart?: boolean;
  /** The lines its label's pieces are printed on (a label wrapped over lines: "（5）要求…已获" / "取信息 5 5 14 24"). */
  labelLines?: number[];
}

/** Rows printed with fewer values than columns, outside a grid: this source leaves empty cells out. */
export function showsDroppedBlanks(rows: readonly DecodedRow[], spec: Pick<TableSpec, 'widthOf'>): boolean {
  return rows.some((r) => r.mode !== 'grid' && r.slots.length > 0 && r.slots.length < (spec.widthOf?.(r.key) ?? 0));
}

/**
 * Where empty cells leave nothing (cells run together, or one per line with the empty ones left
 * out), a row whose label is followed straight by the next row's ("…申请数量二、上年结转…") or by
 * the next table printed only blanks. A label the source ends with is not: it may have been cut
 * off after it.
 */
export function markRowsDroppedWhole(rows: readonly DecodedRow[], lastLineOfSource: number | null, laterRows: readonly DecodedRow[] = []): void {
  // (Rows of a table printed after this one, with values, on the same line or below: the source goes
  // on after this table's last label even where the whole page is one line.)
  const later = (row: DecodedRow): boolean => laterRows.some((r) => r.slots.length > 0 && (r.page > row.page || (r.page === row.page && r.line >= row.line)));
  rows.forEach((row, i) => {
    const continues = rows.slice(i + 1).some((r) => r.slots.length > 0) || (lastLineOfSource !== null && row.line < lastLineOfSource) || later(row);
    if (row.slots.length > 0 || row.unplaced || row.valuesBefore === true || !continues) return;
    row.droppedWhole = true;
    row.lostBlanks = true;
  });
}

/** The rows found in one region, and what could not be placed. */
export interface RegionRows {
  rows: DecodedRow[];
  issues: Issue[];
}

/** At most this many consecutive label pieces make one row label (a label wrapped over lines). */
const MAX_PIECES_PER_LABEL = 6;
/**
 * A label wrapped finely, every piece short, may run to this many pieces (a group cell and its first
 * sub-row's label, "（六）其他处理1.申请人无正当理由逾期不补正、…", wrapped every four characters, is twelve).
 */
const MAX_FINE_PIECES_PER_LABEL = 12;
/** A piece of at most this many characters is a finely wrapped label's. */
const FINE_PIECE_LENGTH = 6;
/** Short pieces inside a label, up to this many, are each tried left out as noise; more are all kept or one left out. */
const MAX_NOISE_CHOICES = 4;
/** A numbering token that agrees with the row's own numbering is worth this much similarity. */
const NUMBERING_BONUS = 0.08;
/** A label followed by values (before the next label) is likelier a row than a header word. */
const VALUES_BONUS = 0.15;
/** A label holding a header word ("收到和处理政府信息公开申请", "自然人") is a header more likely than a row. */
const HEADER_PENALTY = 0.5;
/** Column names that are row words too ("总计" column and （七）总计 row): on a header line, bare, they are columns. */
const COLUMN_WORDS_ALSO_ROWS: readonly string[] = ['总计', '合计', '其他'];
/**
 * Each template row skipped between two matched rows costs this much: a header word that happens
 * to be a row's label ("其他", "总计") must not pull the alignment past the rows printed after it.
 * Rows before the first match and after the last are free (excerpts start and stop anywhere).
 */
const SKIP_PENALTY = 0.15;
/** A label whose pieces have numbers between them costs this much per gap (see LabelScores.score). */
const SPLIT_LABEL_PENALTY = 0.05;
/** A label piece opening with a row's numbering: "2.申", "（四）无法", "二、上年". */
const OPENS_WITH_NUMBERING = /^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]、)/u;
/** Below this score a label is no row: a heading that shares words with a row label is noise. */
const MIN_ROW_SCORE = 0.5;

/** A label piece in stream order. */
interface Piece {
  token: LabelToken;
  /** Index of the piece's token in the stream. */
  at: number;
  /** Values follow the piece in the stream before the next label piece. */
  valuesFollow: boolean;
}

/**
 * The grid columns where each markup table's value cells start, for a table whose rows end in `n`
 * value cells (三): the starts of the last n cells that most rows share. A scan's grid has more
 * columns than the printed table, so the rows' own cells are trusted over the grid's width.
 */
export function gridValueColumns(lines: readonly Line[], n: number): Map<number, number[]> {
  const counts = new Map<number, Map<string, number>>();
  const padding = paddingColumns(lines);
  for (const line of lines) {
    if (line.separator !== 'grid' || line.tableNo === undefined) continue;
    // (Markup's rules below; an OCR grid keeps the plain vote of its last n cells: its columns come
    // from drawn rules, and on drawn-048 the stricter vote placed a row whose "—" was a misread 0.)
    const markup = line.method !== 'ocr';
    const cells = markup ? withoutTrailingPadding(line.cells, padding.get(line.tableNo)) : line.cells;
    if (cells.length < n) continue;
    // Padding taken off, the row's last n cells must still start with a value or a blank: a
    // sub-row whose printed-blank 总计 is empty in every row too would otherwise lend its label's
    // column to the values.
    if (cells.length < line.cells.length && !isValueCell(cells[cells.length - n]?.text ?? '')) continue;
    // Nor may a number stand right before them: the row's values begin earlier than its last n cells
    // (a stray mark or a next label's "(" printed in a column past them).
    const before = cells.slice(0, cells.length - n).findLast((c) => c.text.trim() !== '');
    if (markup && before && isValueCell(before.text)) continue;
    // A header row or a row printed all blank shows no value columns: its empty end is no evidence.
    if (markup && !cells.slice(-n).some((c) => /\d/.test(c.text))) continue;
    const cols = cells.slice(-n).map((c) => c.col);
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

/**
 * Per markup table, the grid columns that hold no text in any row, header rows included, and that no
 * cell with text spans: padding a converter or a Word grid added to the printed table (Markdown's
 * trailing `||`, empty `<td>`s past the last column). Only padding at a row's end is dropped
 * (withoutTrailingPadding): an empty column inside the table may be a printed blank column.
 */
function paddingColumns(lines: readonly Line[]): Map<number, Set<number>> {
  const byTable = new Map<number, { width: number; filled: Set<number> }>();
  for (const line of lines) {
    if (line.separator !== 'grid' || line.tableNo === undefined) continue;
    const table = byTable.get(line.tableNo) ?? { width: 0, filled: new Set<number>() };
    for (const cell of line.cells) {
      const start = cell.col ?? 0;
      const span = cell.colSpan ?? 1;
      table.width = Math.max(table.width, start + span);
      if (cell.text.trim() !== '') for (let c = start; c < start + span; c++) table.filled.add(c);
    }
    byTable.set(line.tableNo, table);
  }
  const found = new Map<number, Set<number>>();
  for (const [tableNo, { width, filled }] of byTable) {
    const empty = new Set(Array.from({ length: width }, (_, c) => c).filter((c) => !filled.has(c)));
    if (empty.size > 0) found.set(tableNo, empty);
  }
  return found;
}

/** A row's cells without the empty padding cells at its end. */
function withoutTrailingPadding<C extends { text: string; col?: number }>(cells: readonly C[], padding: ReadonlySet<number> | undefined): readonly C[] {
  if (!padding) return cells;
  let end = cells.length;
  while (end > 0 && cells[end - 1]?.text.trim() === '' && padding.has(cells[end - 1]?.col ?? -1)) end--;
  return cells.slice(0, end);
}

/**
 * A grid label cell that spans several rows of values (a scan lost the rule between two labels):
 * split at its numbering into one label per row, the pieces handed to the rows below it.
 */
function splitSpannedLabels(lineTokenLists: Token[][], lines: readonly Line[]): { tokens: Token[][]; unsplit: Set<number> } {
  const out = lineTokenLists.map((t) => [...t]);
  const unsplit = new Set<number>();
  lines.forEach((line, index) => {
    if (line.separator !== 'grid') return;
    const tokens = out[index] ?? [];
    const labels = tokens.filter((t): t is LabelToken => t.kind === 'label');
    const last = labels.at(-1);
    const cell = last ? line.cells[last.cellIndex] : undefined;
    const span = cell?.rowSpan ?? 1;
    if (!last || span < 2 || !tokens.some((t) => t.kind === 'value')) return;
    // Its values spanning the same rows: one row a stray rule cut in two, not a label over several
    // rows (drawn-056: "5.要求行政机关确认或重新出具已获取信息" and its seven values, each over two grid rows).
    const valueCells = tokens.flatMap((t) => (t.kind === 'value' && t.slot.cellIndex !== undefined ? [line.cells[t.slot.cellIndex]] : []));
    if (valueCells.length > 0 && valueCells.every((c) => (c?.rowSpan ?? 1) >= span)) return;
    const below = Array.from({ length: span - 1 }, (_, k) => out[index + k + 1] ?? []);
    if (below.some((b) => b.some((t) => t.kind === 'label'))) return;
    const parts = splitAtNumbering(last.text);
    if (parts.length !== span) {
      // One label over several rows of values that does not split into as many labels: none of them is read.
      if (below.some((b) => b.some((t) => t.kind === 'value'))) for (let k = 0; k < span; k++) unsplit.add(lines[index + k]?.lineNo ?? -1);
      return;
    }
    last.text = parts[0] as string;
    below.forEach((b, k) => b.unshift({ ...last, text: parts[k + 1] as string, line: lines[index + k + 1]?.lineNo ?? last.line }));
  });
  return { tokens: out, unsplit };
}

/**
 * Cell indices of header words as columns, where a word repeated in the cells right after it is one
 * spanned cell a converter printed in each column of its span (pandas' read_html: "信息内容,上一年项目数量,
 * 本年增/减,本年增/减"): one column over them, whose value the rows repeat the same way.
 */
function indexColumns(cells: readonly { text: string; index: number }[]): HeaderPositions {
  const columns: { start: number; span: number }[] = [];
  let previous: { text: string; index: number } | undefined;
  for (const cell of cells) {
    const last = columns.at(-1);
    if (last && previous && cell.index === previous.index + 1 && labelKey(normaliseLabel(cell.text)) === labelKey(normaliseLabel(previous.text))) last.span++;
    else columns.push({ start: cell.index, span: 1 });
    previous = cell;
  }
  return { kind: 'index', columns };
}

/** Positions of a band header's columns ("信息内容 | 本年新制作数量 | …"): its cells after the first. */
function bandHeaderPositions(line: Line, style: RegionStyle, columnWords: readonly string[]): HeaderPositions | undefined {
  if (ruledIntoCells(line)) {
    const tokens = lineTokens(line, style);
    const labels = tokens.filter((t): t is LabelToken => t.kind === 'label');
    if (labels.length < 2) return undefined;
    return indexColumns(labels.slice(1).map((t) => ({ text: t.text, index: t.cellIndex })));
  }
  // The columns follow the label column's header (信息内容); a row number before it (pandas' index) is none.
  const nonEmpty = line.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.text.trim() !== '');
  const labelColumn = nonEmpty.findIndex(({ c }) => labelKey(normaliseLabel(c.text)) === '信息内容');
  const cells = nonEmpty.slice(labelColumn >= 0 ? labelColumn + 1 : 1);
  if (cells.length === 0) return undefined;
  const boxes = cells.map(({ c }) => boxOf(c, line));
  if ((line.separator === 'spaces' || line.separator === 'none') && boxes.every((b) => b !== undefined)) {
    // (Header cells OCR ran together are split into their words, at the width a character prints at in
    // the line's cells that are one word: see columnsOfHeaderCell.)
    const keys = new Set(columnWords.map((w) => labelKey(normaliseLabel(w))));
    const widths = cells.flatMap(({ c }, k) => {
      const key = labelKey(normaliseLabel(c.text));
      const box = boxes[k] as BBox;
      return keys.has(key) ? [(box.x1 - box.x0) / [...key].length] : [];
    });
    const characterWidth = widths.length > 0 ? Math.min(...widths) : undefined;
    const columns = cells.flatMap(({ c }, k) => columnsOfHeaderCell(boxes[k] as BBox, c.text, columnWords, characterWidth));
    return { kind: 'x', columns, ...(columns.length > cells.length ? { estimated: true } : {}) };
  }
  if (line.separator === 'grid') return { kind: 'grid', columns: cells.map(({ c }) => ({ start: c.col ?? 0, span: c.colSpan ?? 1 })) };
  if (line.separator === 'tab' || line.separator === 'marks' || line.separator === 'pipe') return indexColumns(cells.map(({ c, i }) => ({ text: c.text, index: i })));
  return undefined;
}

/** A label without its bracketed notes (the canonical （二） label's own note is matched by its alias). */
function withoutNotes(text: string): string {
  return normaliseLabel(text).replace(/\([^()]*\)?/g, '');
}

function bestOf<T extends { similarity: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.similarity > a.similarity ? b : a;
}

/** Pieces read together as one label: parsed as printed and without bracketed notes. */
interface PiecesAsLabel {
  group: Piece[];
  text: string;
  parsed: ParsedLabel;
  bare: ParsedLabel;
  /** It holds words of the table's column header. */
  headerWords: boolean;
}

/** Scores of label groups against rows, memoised: the DP asks for each (first piece, length, row) once. */
class LabelScores {
  private readonly cache = new Map<string, { score: number; included: number[] } | null>();
  /**
   * Bare column words in the column header: in a run of label pieces with no number between them,
   * every one a header word or a bare column word, two header words at least ("自然人 | 法人或其他组织 |
   * 总计"; "法律服务机构" / "其他" one per line), 总计 and 其他 are columns, never the rows （七）总计 or
   * （六）其他 (an excerpt cut inside the header would read them as rows printed blank).
   */
  private readonly headerPieces: ReadonlySet<number>;
  constructor(
    private readonly pieces: readonly Piece[],
    private readonly spec: TableSpec,
  ) {
    const isHeader = (p: Piece): boolean => containsAny(p.token.text, spec.headerWords);
    // (Read after normalising: a pinyin gloss "總計(jì)" is still the bare word.)
    const isBareColumnWord = (p: Piece): boolean => COLUMN_WORDS_ALSO_ROWS.includes(labelKey(normaliseLabel(p.token.text)));
    const header = new Set<number>();
    let run: number[] = [];
    const close = (): void => {
      const ps = run.map((k) => pieces[k] as Piece);
      if (ps.filter(isHeader).length >= 2) for (const k of run) if (isBareColumnWord(pieces[k] as Piece)) header.add(k);
      run = [];
    };
    pieces.forEach((p, k) => {
      if (!isHeader(p) && !isBareColumnWord(p)) return close();
      run.push(k);
      if (p.valuesFollow) close();
    });
    close();
    this.headerPieces = header;
    this.short = pieces.map((p) => [...labelKey(normaliseLabel(p.token.text))].length <= 3);
    this.repeatedHeader = repeatedHeaderPieces(pieces, (p) => isHeader(p) || isBareColumnWord(p));
  }

  /**
   * Pieces of the column header a page repeats at its top: a label cut by the page break runs on after
   * them ("（六）其他处理 1、申请人无正当理由逾期不补正、行政" / page footer / the header again /
   * "机关不再处理其政府信息公开申请 19 0 0 5 0 0 24"), so inside a label they are always left out.
   */
  readonly repeatedHeader: readonly boolean[];

  /** Pieces of three characters or fewer: fragments that may be noise inside a label. */
  private readonly short: readonly boolean[];

  /**
   * The best score of pieces [from, to) as row `r`'s label, and which pieces it takes. The first and
   * last are always taken; a short fragment between them may be left out as noise (a group cell
   * printed down the side, "（六）" / "其他处" / "理", between the lines of its sub-row's label).
   */
  best(from: number, to: number, r: number): { score: number; included: number[] } | null {
    const key = `${from}:${to}:${r}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.repeatedHeader[from] || this.repeatedHeader[to - 1]) {
      this.cache.set(key, null);
      return null;
    }
    const interior = [];
    const header = new Set<number>();
    for (let k = from + 1; k < to - 1; k++) {
      if (this.repeatedHeader[k]) header.add(k);
      else if (this.short[k]) interior.push(k);
    }
    let best: { score: number; included: number[] } | null = null;
    // (A label wrapped finely is all short pieces: every subset of them would be too many to try.)
    const masks = interior.length <= MAX_NOISE_CHOICES ? Array.from({ length: 1 << interior.length }, (_, m) => m) : [0, ...interior.map((_, b) => 1 << b)];
    for (const mask of masks) {
      const left = new Set(interior.filter((_, b) => (mask >> b) & 1));
      const included = [];
      for (let k = from; k < to; k++) if (!left.has(k) && !header.has(k)) included.push(k);
      const score = this.score(included, r);
      if (score !== null && (!best || score > best.score)) best = { score, included };
    }
    this.cache.set(key, best);
    return best;
  }

  /** What pieces read as one label, whatever row it is tried against (the DP tries it against every row). */
  private readonly labels = new Map<string, PiecesAsLabel | null>();

  private labelOf(included: readonly number[]): PiecesAsLabel | null {
    const key = included.join(',');
    const known = this.labels.get(key);
    if (known !== undefined) return known;
    const label = this.readLabel(included);
    this.labels.set(key, label);
    return label;
  }

  private readLabel(included: readonly number[]): PiecesAsLabel | null {
    const group = included.map((k) => this.pieces[k] as Piece);
    if (included.some((k) => this.headerPieces.has(k))) return null;
    const text = group.map((p) => p.token.text).join('');
    // A piece that opens with a numbering starts a row's label; inside a label only after a group cell
    // ("（三）不予公开" + "1.属于国家秘密"). Never the tail of the row above ("…公开申请" + "2.申").
    for (let k = 1; k < group.length; k++) {
      const before = group.slice(0, k).map((p) => p.token.text).join('');
      if (OPENS_WITH_NUMBERING.test(foldText((group[k] as Piece).token.text)) && !endsWithGroupPhrase(before, this.spec.groupPhrases)) return null;
    }
    const parsed = parseLabel(text, this.spec.groupPhrases);
    // Provincial templates add guidance in brackets ("规章(设区的市…应提供相关数据)"): matched without it too.
    const bare = parseLabel(withoutNotes(text), this.spec.groupPhrases);
    return { group, text, parsed, bare, headerWords: containsAny(text, this.spec.headerWords) };
  }

  private score(included: readonly number[], r: number): number | null {
    const row = this.spec.rows[r] as RowSpec;
    const label = this.labelOf(included);
    if (!label) return null;
    const { group, parsed, bare } = label;
    const m = bestOf(matchRowLabel(parsed, [row], this.spec.groupPhrases), bare.key !== parsed.key && bare.key !== '' ? matchRowLabel(bare, [row], this.spec.groupPhrases) : undefined);
    if (!m) return null;
    // OCR: a label with characters lost that prints another item number of its group (1. … 8.) is that
    // row's label, not this one's (drawn-119: "4.无正□基反复申请", (五)'s row 4, had matched 2.重复申请 by
    // 复申请). Only item digits: a label read with another's 一、 or （七） glued on (a lost rule) is common.
    const printedNumber = parsed.numbering.at(-1);
    const otherItem = printedNumber !== undefined && /^\d$/.test(printedNumber) && row.numbering !== null && /^\d$/.test(row.numbering) && printedNumber !== row.numbering;
    if (otherItem && !m.exact && group.some((p) => p.token.source.method === 'ocr')) return null;
    let score = m.similarity + (printedNumber === row.numbering ? NUMBERING_BONUS : 0);
    if (group.some((p) => p.valuesFollow)) score += VALUES_BONUS;
    // A label wrapped around its numbers joins across them only when that reads better: values
    // between the pieces of one label cost a little, so a group cell before its rows' numbers stays apart.
    score -= group.slice(0, -1).filter((p) => p.valuesFollow).length * SPLIT_LABEL_PENALTY;
    if (label.headerWords) score -= HEADER_PENALTY;
    return score < MIN_ROW_SCORE ? null : score;
  }
}

/**
 * Aligns label pieces to rows: best[i][r] is the best total score of pieces [0, i) with row r the
 * last one matched (r = -1 → index 0). A piece is noise (score 0), or pieces [i, j) are the label of
 * a later row. Rows keep template order; any may be missing.
 */
function alignPieces(pieces: readonly Piece[], spec: TableSpec): (number | null)[] {
  const m = pieces.length;
  const R = spec.rows.length;
  const scores = new LabelScores(pieces, spec);
  const pieceLength = pieces.map((p) => [...labelKey(normaliseLabel(p.token.text))].length);
  const NEG = -Infinity;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(R + 1).fill(NEG));
  const back: ({ i: number; r: number; row: number | null; included?: number[] } | null)[][] = Array.from({ length: m + 1 }, () => new Array(R + 1).fill(null));
  (best[0] as number[])[0] = 0;
  for (let i = 0; i < m; i++) {
    for (let r = 0; r <= R; r++) {
      const here = best[i]?.[r] ?? NEG;
      if (here === NEG) continue;
      // Noise.
      if (here > (best[i + 1]?.[r] ?? NEG)) {
        (best[i + 1] as number[])[r] = here;
        (back[i + 1] as (typeof back)[number])[r] = { i, r, row: null };
      }
      // (A page's repeated header inside a label is left out, so it does not count towards its length.)
      for (let j = i + 1, counted = 1; j <= m && counted <= MAX_FINE_PIECES_PER_LABEL; j++, counted += scores.repeatedHeader[j - 1] ? 0 : 1) {
        // (Past the usual length, only while every piece is short.)
        if (counted > MAX_PIECES_PER_LABEL && (pieceLength[j - 1] ?? 0) > FINE_PIECE_LENGTH) break;
        const after = r > 0 ? spec.exclusiveAfter?.[(spec.rows[r - 1] as RowSpec).key] : undefined;
        for (let next = r; next < R; next++) {
          if (after?.includes((spec.rows[next] as RowSpec).key)) continue;
          const found = scores.best(i, j, next);
          if (found === null) continue;
          const total = here + found.score - (r > 0 ? (next - r) * SKIP_PENALTY : 0);
          if (total > (best[j]?.[next + 1] ?? NEG)) {
            (best[j] as number[])[next + 1] = total;
            (back[j] as (typeof back)[number])[next + 1] = { i, r, row: next, included: found.included };
          }
        }
      }
    }
  }
  let end = 0;
  for (let r = 0; r <= R; r++) if ((best[m]?.[r] ?? NEG) > (best[m]?.[end] ?? NEG)) end = r;
  const assigned = new Array<number | null>(m).fill(null);
  for (let i = m, r = end; i > 0; ) {
    const step = back[i]?.[r];
    if (!step) break;
    if (step.row !== null) for (const k of step.included ?? []) assigned[k] = step.row;
    i = step.i;
    r = step.r;
  }
  return assigned;
}

/**
 * A long run of label text (a flattened page: header words and a row label glued together) cut
 * where a header word ends and where a row's numbering starts, so the row label stands alone.
 */
function labelParts(text: string, spec: TableSpec): string[] {
  if ([...text].length <= 16) return [text];
  const cuts = new Set<number>();
  for (const word of [...spec.headerWords, ...(spec.bandHeaderWord ? [spec.bandHeaderWord] : [])]) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) cuts.add(at + word.length);
  }
  const parts: string[] = [];
  // Two row labels back to back, the first row's cells all blank and dropped ("行政处罚行政强制").
  const labels = spec.rows.flatMap((r) => [r.label, ...r.aliases]).filter((l) => [...l].length >= 4);
  for (const label of labels) {
    for (let at = text.indexOf(label); at > 0; at = text.indexOf(label, at + 1)) {
      if (labels.some((before) => text.slice(0, at).endsWith(before))) cuts.add(at);
    }
  }
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > from && cut < text.length) {
      parts.push(text.slice(from, cut));
      from = cut;
    }
  }
  parts.push(text.slice(from));
  return parts.flatMap((part) => splitAtNumbering(part)).filter((part) => part.trim() !== '');
}

/** A label piece that is a real label nobody matched (not a header word, group cell or fragment). */
function isUnknownLabel(text: string, spec: TableSpec, previous: RowSpec | undefined): boolean {
  const parsed = parseLabel(text, spec.groupPhrases);
  if ([...parsed.key].length < 4) return false;
  // (Also a piece of a header word or of a group's phrase: 法人或其他 of 法人或其他组织, 度办理结 of 本年度办理结果.)
  if (containsAny(text, spec.headerWords) || isBandHeader(text, spec) || [...spec.headerWords, ...spec.groupPhrases].some((w) => isPieceOfLabel(text, w))) return false;
  // The rest of the row label before it, wrapped or cut into cells ("部分公开" | "《区分处理的，" | "只计"): no new row.
  const canonical = previous ? parseLabel(previous.label, spec.groupPhrases).key : '';
  if (canonical !== '' && lcsLength(parsed.key, canonical) >= [...parsed.key].length * 0.6) return false;
  return !spec.groupPhrases.some((g) => labelKey(normaliseLabel(g)) === parsed.key);
}

/** The row being filled while the stream is walked. */
interface OpenRow {
  row: DecodedRow;
  /** Lines its values came from, in order. */
  valueLines: number[];
}

function modeOf(slots: readonly Slot[], lines: ReadonlyMap<number, Line>): { mode: SlotMode; separator: Line['separator'] } {
  const lineNos = [...new Set(slots.map((s) => s.line))];
  const first = lines.get(lineNos[0] ?? -1);
  const separator = first?.separator ?? 'none';
  if (slots.every((s) => s.col !== undefined)) return { mode: 'grid', separator };
  if (lineNos.length === 1 && first) {
    if (first.separator === 'tab' || first.separator === 'marks' || first.separator === 'pipe' || ruledIntoCells(first)) return { mode: 'separated', separator: 'pipe' };
    // A blank cell printed as an empty line of its own (one cell per line).
    if (isEmptyTextLine(first)) return { mode: 'separated', separator };
    return { mode: 'loose', separator };
  }
  return { mode: 'separated', separator };
}

/**
 * A row's numbering left at the end of the line above its label ("（六）其他处理 1." / "申请人无正当理由…"):
 * "1." with its dot is no count, and the label right after it in the stream is its row's. (Text only:
 * OCR may see a speck after a count as a dot.)
 */
function withNumberingJoined<E extends { token: Token }>(stream: readonly E[]): E[] {
  const out: E[] = [];
  /** Stream index of a label whose numbering's digit stands on the line above, and that digit. */
  const digitFor = new Map<number, string>();
  for (let k = 0; k < stream.length; k++) {
    const entry = stream[k] as E;
    const next = stream[k + 1];
    const dotted = wrappedNumberingLabel(stream, k);
    if (dotted !== null && entry.token.kind === 'value') {
      digitFor.set(dotted, entry.token.slot.text.trim());
      continue;
    }
    const digit = digitFor.get(k);
    if (digit !== undefined && entry.token.kind === 'label') {
      out.push({ ...entry, token: { ...entry.token, text: digit + entry.token.text.trim() } });
      continue;
    }
    if (entry.token.kind === 'value' && entry.token.slot.method === 'text' && /^\d{1,2}[.．、]$/u.test(entry.token.slot.text.trim()) && next?.token.kind === 'label' && /^\s*\p{Script=Han}/u.test(next.token.text)) {
      out.push({ ...next, token: { ...next.token, text: entry.token.slot.text.trim() + next.token.text.trim() } });
      k++;
      continue;
    }
    out.push(entry);
  }
  return out;
}

/**
 * A label wrapped after its numbering, or between the numbering's digit and dot, with the row's
 * values printed on its first line: "（三）不予公开 1 2 0 0 0 0 0 2" / ".属于国家秘密", or "… 1. 2 0 …" /
 * "属于国家秘密". The number right after the label is the next label's numbering, not the row's first
 * value; the stream index of that next label, or null.
 */
function wrappedNumberingLabel(stream: readonly { token: Token }[], k: number): number | null {
  const entry = stream[k]?.token;
  const before = stream[k - 1]?.token;
  if (entry?.kind !== 'value' || entry.slot.method !== 'text' || before?.kind !== 'label' || before.line !== entry.slot.line) return null;
  // The digit alone, its dot starting the next line; or the digit with its dot ("（三）不予公开 1. 2 0 …").
  const text = entry.slot.text.trim();
  const rest = /^\d{1,2}$/u.test(text) ? /^\s*[.．]\s*\p{Script=Han}/u : /^\d{1,2}[.．、]$/u.test(text) ? /^\s*\p{Script=Han}/u : null;
  if (!rest) return null;
  for (let j = k + 1; j < stream.length; j++) {
    const t = (stream[j] as { token: Token }).token;
    if (t.kind === 'label') return t.line > entry.slot.line && rest.test(t.text) ? j : null;
  }
  return null;
}

/**
 * The pieces of a column header repeated where a page starts: from the page's first label piece, a
 * header word, with no values after any of them, up to the last that holds a header word (fragments of the header's
 * wrapped words, "人情况", between them). Pieces after it are the rows' again.
 */
function repeatedHeaderPieces(pieces: readonly Piece[], isHeader: (p: Piece) => boolean): boolean[] {
  const flagged = pieces.map(() => false);
  for (let k = 1; k < pieces.length; k++) {
    // (Only a run the header opens: a row printed blank at a page's top, "行政强制" right before the next
    // band's header, is that row's label.)
    if ((pieces[k] as Piece).token.page <= (pieces[k - 1] as Piece).token.page || !isHeader(pieces[k] as Piece)) continue;
    let last = -1;
    for (let t = k; t < pieces.length && !(pieces[t] as Piece).valuesFollow && (pieces[t] as Piece).token.page === (pieces[k] as Piece).token.page; t++) {
      if (isHeader(pieces[t] as Piece)) last = t;
    }
    for (let t = k; t <= last; t++) flagged[t] = true;
  }
  return flagged;
}

/** Label text holding a header word or a band header's word ("信息内容"): a header, no row. */
function isHeaderText(text: string, spec: TableSpec): boolean {
  return containsAny(text, spec.headerWords) || isBandHeader(text, spec);
}

/**
 * A band's header cell (信息内容), also with one character OCR garbled ("信息内7", "信息9容"): missed, the
 * band kept the columns of the band above, and its rows' values were placed by order, a piece of the
 * label read as a digit among them (行政许可's 可 read 7, drawn-007).
 */
function isBandHeader(text: string, spec: TableSpec): boolean {
  if (spec.bandHeaderWord === undefined) return false;
  if (containsAny(text, [spec.bandHeaderWord])) return true;
  const word = labelKey(normaliseLabel(spec.bandHeaderWord));
  const key = labelKey(normaliseLabel(text));
  return [...key].length <= [...word].length + 1 && lcsLength(key, word) >= [...word].length - 1;
}

/** The stream's label pieces, the row each is aligned to, and the row at each label's stream index. */
function alignStream(stream: readonly { token: Token }[], spec: TableSpec): { pieces: Piece[]; assigned: (number | null)[]; rowAt: Map<number, number> } {
  const pieces: Piece[] = [];
  stream.forEach(({ token }, at) => {
    if (token.kind === 'label') pieces.push({ token, at, valuesFollow: false });
    else if (token.kind === 'value' && token.slot.text.trim() !== '') {
      const last = pieces.at(-1);
      if (last) last.valuesFollow = true;
    }
  });
  const assigned = alignPieces(pieces, spec);
  const rowAt = new Map<number, number>();
  pieces.forEach((p, k) => {
    const r = assigned[k];
    if (r !== null && r !== undefined) rowAt.set(p.at, r);
  });
  return { pieces, assigned, rowAt };
}

/** Below this OCR confidence a reading of Han characters is no word: ink the reader made nothing of. */
const GARBLED_CELL_CONFIDENCE = 0.1;

/**
 * The cells of an OCR line right of a value, Han characters the reader gave (almost) no confidence:
 * where values stand, ink it could not read as digits (a value's garbled reading, or a seal's).
 */
function garbledCellsRightOf(line: Line, slot: Slot): number {
  const x = slot.bbox?.x1;
  if (x === undefined) return 0;
  return line.cells.filter((c) => c.bbox !== undefined && c.bbox.x0 >= x && c.confidence < GARBLED_CELL_CONFIDENCE && /\p{Script=Han}/u.test(c.text)).length;
}

/** Decodes the rows of one table region. */
export function decodeRegionRows(printed: readonly Line[], spec: TableSpec, lastLineOfSource: number | null): RegionRows {
  const issues: Issue[] = [];
  const widths = new Set(spec.rows.flatMap((r) => spec.widthOf?.(r.key) ?? []));
  const lines = withSpaceJoinedCells(printed, widths);
  const style = regionStyleOf(lines, spec.columnWords);
  const valueColumns = spec.gridValues !== undefined ? gridValueColumns(lines, spec.gridValues) : new Map<number, number[]>();
  const { tokens: perLine, unsplit } = splitSpannedLabels(
    lines.map((line) => lineTokens(line, style, line.tableNo === undefined ? undefined : valueColumns.get(line.tableNo))),
    lines,
  );
  const lineByNo = new Map(lines.map((l) => [l.lineNo, l]));
  const valuesOnLine = new Map(lines.map((l, i) => [l, (perLine[i] ?? []).filter((t) => t.kind === 'value' && t.slot.text.trim() !== '').length]));
  const lineValues = (line: Line): number => valuesOnLine.get(line) ?? 0;
  const blankLines = emptyLineBlanks(lines, perLine);
  // The stream; a lone Han character on a line of its own is a vertical label's fragment.
  let stream: { token: Token; line: Line }[] = [];
  perLine.forEach((tokens, index) => {
    const line = lines[index] as Line;
    const blanks = blankLines[index] ?? 0;
    // A line of spaces where the source stops (no line break after it) may be the start of a cell's
    // number the cut took (real set h, 榆阳 2020: " " where every row ends " 0"): no printed blank.
    const cutOff = line.unterminated === true && (line.raw ?? '') !== '';
    for (let k = 0; k < blanks; k++) stream.push({ token: { kind: 'value', slot: { text: '', page: line.page, line: line.lineNo, confidence: 1, method: line.method, emptyLine: true, ...(cutOff ? { cutOff } : {}) } }, line });
    if (isEmptyTextLine(line)) return;
    const onlyLabel = tokens.length === 1 && tokens[0]?.kind === 'label';
    if (onlyLabel && isVerticalFragment((tokens[0] as LabelToken).text)) return;
    // Empty cells before a line's first label are the label columns of spanned group cells ("| | 2.其他…");
    // on a page or a grid anything there is (an OCR mark "□" where a numbering was).
    const firstLabel = tokens.findIndex((t) => t.kind === 'label');
    const placed = line.separator === 'grid' || line.cells.some((c) => c.bbox);
    // In cells set apart (pipes, tabs) a number before the line's label is a column of that line (an
    // index a converter printed, "| 4 | 第二十条…"), never more of the row above.
    const apart = line.separator === 'pipe' || line.separator === 'tab' || ruledIntoCells(line);
    tokens.forEach((token, k) => {
      if (k < firstLabel && token.kind === 'value' && (placed || apart || token.slot.text.trim() === '')) return;
      // Right between two labels of one line a placeholder-like mark is a character of a vertical label ("无" of 无法提供).
      if (token.kind === 'value' && tokens[k - 1]?.kind === 'label' && tokens[k + 1]?.kind === 'label' && !/\d/.test(token.slot.text)) return;
      if (token.kind === 'label') for (const text of labelParts(token.text, spec)) stream.push({ token: { ...token, text }, line });
      else stream.push({ token, line });
    });
  });
  stream = withNumberingJoined(stream);
  let { pieces, assigned, rowAt } = alignStream(stream, spec);
  const isHeaderAt = (at: number): boolean => {
    const token = stream[at]?.token;
    return token?.kind === 'label' && !rowAt.has(at) && isHeaderText(token.text, spec);
  };
  // (Not on a scan: OCR lines stand where they are printed, and a row whose label wraps round its line
  // of values shows values before a label's line at every row of a page continued without its header:
  // read in that order, drawn-123 p2's rows each took the next row's values, 39 cells wrong.)
  if (!lines.some((l) => l.method === 'ocr') && printsValuesBeforeLabels(stream, rowAt, isHeaderAt)) {
    stream = moveValuesAfterLabels(stream, rowAt);
    ({ pieces, assigned, rowAt } = alignStream(stream, spec));
    issues.push(makeIssue('info', 'tables', 'values_before_labels', `${spec.table}: each row's numbers are printed before its label; read in that order`, { page: lines[0]?.page }));
  }
  const previousRow = (k: number): RowSpec | undefined => {
    for (let j = k - 1; j >= 0; j--) {
      const r = assigned[j];
      if (r !== null && r !== undefined) return spec.rows[r];
    }
    return undefined;
  };
  const unknownAt = new Set(pieces.filter((p, k) => assigned[k] === null && isUnknownLabel(p.token.text, spec, previousRow(k))).map((p) => p.at));

  const rows: DecodedRow[] = [];
  const orphans: { row: DecodedRow; after: number }[] = [];
  const groups: { row: DecodedRow; children: readonly string[]; after: number }[] = [];
  let open: OpenRow | null = null;
  let header: HeaderPositions | undefined;
  const headerCells: HeaderCell[] = [];
  let lastRowIndex: number | null = null;
  // Values seen with no row open: the next row's label may have been printed below them.
  let strayValues = false;
  // A band's header line was the last label-like text: values with no label may be a row whose label cell is empty.
  let underBandHeader = false;
  // The OCR word the last row's label came from: another row's label out of the same word is a merge.
  let lastRowWord: { line: number; cellIndex: number } | null = null;
  stream.forEach(({ token, line }, at) => {
    if (token.kind === 'label') {
      const r = rowAt.get(at);
      if (r !== undefined) {
        const key = (spec.rows[r] as RowSpec).key;
        if (open && open.row.key === key && lastRowIndex === r) {
          open.row.label += token.text;
          if (!open.row.labelLines?.includes(line.lineNo)) open.row.labelLines?.push(line.lineNo);
          return;
        }
        // (Coverage and exactness are judged again on the whole label once all its pieces are joined.)
        const row = emptyRow(key, token, line, header);
        // One OCR word holding the labels of several rows (a tilted photo's label column read as one
        // line: "2.没有现成信息…3.补正后…1.信访举报…2重复申" before one line of values, drawn-140): the
        // values stand beside the merge, and which row's they are its words do not tell.
        if (line.method === 'ocr' && lastRowWord?.line === line.lineNo && lastRowWord.cellIndex === token.cellIndex && rows.at(-1)?.key !== key) {
          row.unplaced = true;
          issues.push(makeIssue('warning', 'tables', 'row_label_spans_rows', `${spec.table}.${key}: its label was read in one word with another row's ("${token.source.cells[token.cellIndex]?.text ?? token.text}"); the values beside it are left unread`, { page: line.page, path: [spec.table, key] }));
        }
        lastRowWord = { line: line.lineNo, cellIndex: token.cellIndex };
        if (strayValues) row.valuesBefore = true;
        strayValues = false;
        const columns = line.tableNo === undefined ? undefined : valueColumns.get(line.tableNo);
        if (columns) row.valueColumns = columns;
        rows.push(row);
        underBandHeader = false;
        open = { row, valueLines: [] };
        lastRowIndex = r;
        return;
      }
      if (isBandHeader(token.text, spec)) header = bandHeaderPositions(token.source, style, spec.headerWords);
      if (spec.columnWords && rows.length === 0 && line.separator !== 'grid' && line.cells.some((c) => c.bbox)) {
        headerCells.push(...line.cells.filter((c) => c.bbox && c.text.trim() !== '' && !headerCells.some((h) => h.cell === c)).map((cell) => ({ cell, page: line.page })));
        header = positionedColumns(headerCells, spec.columnWords);
        if (header) headerPages.set(header, line.page);
      }
      const group = groupOf(token.text, spec);
      if (group && pieces.find((p) => p.at === at)?.valuesFollow) {
        const row = emptyRow('', token, line, header);
        groups.push({ row, children: group, after: rows.length });
        open = { row, valueLines: [] };
        lastRowIndex = null;
        return;
      }
      // Numbers on a header line ("(指2020年…如-8)") are no row's values.
      if (isHeaderText(token.text, spec)) {
        open = null;
        lastRowIndex = null;
        underBandHeader = spec.bandHeaderWord !== undefined;
        return;
      }
      if (unknownAt.has(at)) {
        const row = emptyRow('', token, line, header);
        orphans.push({ row, after: rows.length });
        open = { row, valueLines: [] };
        lastRowIndex = null;
      }
      return;
    }
    if (!open) {
      const stray = token.kind === 'value' && token.slot.text.trim() !== '';
      // Values right under a band's header with no label before them (二's 规章 printed as an empty
      // paragraph, real g-shaanxi-hantai-2025): a row whose label cell is empty, placed as the one
      // row missing before the next found (placeOrphans), or left unread.
      // So are an OCR line's values under 三's header, a whole row of them, before any row was read
      // (drawn-020 p2: the labels of its first seven rows garbled into one line, left out).
      const width = spec.widthOf?.('');
      const wholeOcrRow = stray && line.method === 'ocr' && rows.length === 0 && width !== undefined && lineValues(line) === width;
      if ((!stray || !underBandHeader || line.method !== 'text') && !wholeOcrRow) {
        if (stray) {
          issues.push(makeIssue('warning', 'tables', 'values_without_label', `${spec.table}: values on line ${line.lineNo} have no row label`, { page: line.page }));
          strayValues = true;
        }
        return;
      }
      const row = emptyRow('', { kind: 'label', text: '', page: line.page, line: line.lineNo, cellIndex: 0, source: line }, line, header);
      orphans.push({ row, after: rows.length });
      open = { row, valueLines: [] };
      underBandHeader = false;
    }
    const target: OpenRow = open;
    if (token.kind === 'gap') {
      target.row.lostBlanks = true;
      return;
    }
    // A Markdown row of empty cells is a row of blanks in a block of numbers printed apart from their
    // labels (counted when the block is paired by order); after a row whose numbers stand on its own
    // line it tells nothing, and how many blanks the row lost is unknown.
    if (line.separator === 'pipe' && line.gridWidth !== undefined && line.cells.length === 0) {
      const apart = target.row.slots.some((s) => s.line !== target.row.line && s.text.trim() !== '');
      if (!apart) {
        target.row.lostBlanks = true;
        return;
      }
    }
    // The rest of a row broken across a page: wrapped digits in the same columns (grid).
    const lastLine = target.valueLines.at(-1);
    if (lastLine !== undefined && lastLine !== line.lineNo && line.page !== lineByNo.get(lastLine)?.page && line.separator === 'grid') {
      const continuation = stream.filter((s, k) => k >= at && s.line === line && s.token.kind === 'value').map((s) => (s.token as { slot: Slot }).slot);
      const above = target.row.slots.filter((s) => s.line === lastLine);
      if (continuation.length > 0 && continueSplitRow(above, continuation)) {
        const start = target.row.slots.findIndex((s) => s.line === lastLine);
        target.row.slots.splice(start, above.length, ...above);
        issues.push(makeIssue('info', 'tables', 'row_split_across_pages', `${spec.table}.${target.row.key}: numbers wrapped onto page ${line.page} were joined to the row above`, { page: line.page, path: [spec.table, target.row.key] }));
        // Skip the rest of this line's values: they were consumed.
        target.valueLines.push(-line.lineNo);
        return;
      }
    }
    if (target.valueLines.at(-1) === -line.lineNo) return;
    // A number alone on its line after a row whose label's line (or its wrapped end) held all its
    // values: a page number or a stray line of the page, not more of that row.
    const width = spec.widthOf?.(target.row.key);
    const own = target.row.slots.filter((s) => s.text.trim() !== '');
    const labelLines = target.row.labelLines ?? [target.row.line];
    if (!labelLines.includes(line.lineNo) && width !== undefined && own.length === width && own.every((s) => labelLines.includes(s.line)) && line.cells.length === 1 && target.valueLines.at(-1) !== line.lineNo) {
      issues.push(makeIssue('info', 'tables', 'stray_number', `${spec.table}.${target.row.key}: "${token.slot.text}" alone on line ${line.lineNo}, after the row's values were all read, is no cell of it`, { page: line.page, path: [spec.table, target.row.key] }));
      return;
    }
    // A second grid row of numbers under one label is another row whose label was not read (a scan's
    // garbled or empty label cell): an orphan, placed by position or left unread, never merged. So is
    // a second OCR line of numbers after the row's own lines held all its cells ("(七)总衣 | 25 | 2712
    // | … | 3176" after （六）'s seven: drawn-028, -044, -071).
    const earlierNumbers = target.row.slots.some((s) => s.line !== line.lineNo && s.text.trim() !== '');
    const earlier = own.filter((s) => s.line !== line.lineNo).length;
    // (Or all but one, where the next line brings two values or more: more than the row has cells. A
    // row of 6 read of 7, one not seen, and under it (七)总计's nine readings, its label garbled to
    // "□ 5": drawn-059. The row's one line of values, not lines of a few each: under drawn-147's
    // seal three rows' labels were read as one garbled line, and their values, three a line, follow.)
    const earlierLines = new Set(own.filter((s) => s.line !== line.lineNo).map((s) => s.line));
    const filledEarlier = width !== undefined && (earlier >= width || (earlier >= width - 1 && earlierLines.size === 1 && width > 2 && lineValues(line) >= 2));
    // (On an OCR line, cells the Chinese reader made nothing of beside the number stand for values too:
    // a row whose numbers OCR garbled but one, drawn-047's "3.要求提供公开出版物" read "□外 7 呆 喇 吐 哇".)
    const valuesHere = lineValues(line) + (line.method === 'ocr' && filledEarlier ? garbledCellsRightOf(line, token.slot) : 0);
    // (After a row whose label was not read too, where this OCR line holds nearly a whole row itself and
    // no label after this value: each such line is a row of its own, drawn-075's fifteen rows of garbled
    // labels. A number before a label on its line is that label's numbering misread, drawn-003's "4".)
    const wholeLine = line.method === 'ocr' && width !== undefined && lineValues(line) >= width - 1 && !stream.some((s, k) => k > at && s.line === line && s.token.kind === 'label');
    if (earlierNumbers && (line.separator === 'grid' || (line.method === 'ocr' && filledEarlier)) && (target.row.key !== '' || wholeLine) && valuesHere > 1) {
      // A label read in pieces over both grid lines is neither's for certain (a scan's garbled label
      // of the row above joined to this row's): the row is left unread.
      if (target.row.labelLines?.includes(line.lineNo) && line.method === 'ocr') target.row.unplaced = true;
      const orphan = emptyRow('', { kind: 'label', text: '', page: line.page, line: line.lineNo, cellIndex: 0, source: line }, line, header);
      orphans.push({ row: orphan, after: rows.length });
      open = { row: orphan, valueLines: [line.lineNo] };
      lastRowIndex = null;
      orphan.slots.push(token.slot);
      return;
    }
    if (target.valueLines.at(-1) !== line.lineNo) target.valueLines.push(line.lineNo);
    target.row.slots.push(token.slot);
  });

  for (const row of [...rows, ...orphans.map((o) => o.row), ...groups.map((g) => g.row)]) finishRow(row, lineByNo, lastLineOfSource);
  // A source cut off inside its last label (an excerpt ending "2.重复申" with no line break): that
  // row's cells were never printed.
  const lastToken = stream.at(-1);
  const lastRow = rows.at(-1);
  if (lastToken?.token.kind === 'label' && lastToken.line.unterminated === true && lastRow && lastRow.slots.length === 0 && (lastRow.labelLines ?? [lastRow.line]).includes(lastToken.line.lineNo)) {
    lastRow.atSourceEnd = true;
  }
  // The match quality of each row's whole label, as joined from its pieces.
  for (const row of rows) {
    const rowSpec = spec.rows.find((r) => r.key === row.key);
    if (!rowSpec) continue;
    const whole = parseLabel(row.label, spec.groupPhrases);
    const bare = parseLabel(withoutNotes(row.label), spec.groupPhrases);
    const m = bestOf(matchRowLabel(whole, [rowSpec], spec.groupPhrases), matchRowLabel(bare, [rowSpec], spec.groupPhrases));
    if (m) Object.assign(row, { coverage: m.coverage, exact: m.exact || bare.key === parseLabel(rowSpec.label, spec.groupPhrases).key });
  }
  fillGroups(rows, groups, spec, issues, orphans);
  for (const row of rows.filter((r) => r.slots.some((s) => unsplit.has(s.line)))) {
    row.unplaced = true;
    issues.push(makeIssue('warning', 'tables', 'row_label_spans_rows', `${spec.table}.${row.key}: the label "${row.label}" covers several rows of values and cannot be split; those rows are left unread`, { page: row.page, path: [spec.table, row.key] }));
  }
  const kept = dropGroupRows(rows, spec);
  issues.push(...pairLabelBlocks(kept, spec));
  placeOrphans(kept, orphans, spec, issues);
  markValuesAtLineEnd(kept, lines, lineByNo, spec.columnWords);
  // Numbers on a line with no label may be another row's: then a row left with none may have had its
  // numbers printed apart, not only blanks.
  const valuesApart = perLine.some((tokens) => tokens.filter((t) => t.kind === 'value' && t.slot.text.trim() !== '').length >= 2 && !tokens.some((t) => t.kind === 'label'));
  // (Only text drops empty cells: OCR sees an empty cell as empty, and a row it found no value for is unread.)
  const text = lines.every((l) => l.method === 'text');
  if (text && (style.gluedCells || (showsDroppedBlanks(kept, spec) && !valuesApart))) markRowsDroppedWhole(kept, lastLineOfSource);
  // A row cut off with the source is read by position only where the rows printed whole show every
  // column printed: where they print fewer values than columns, the cut row's first cells need not be
  // its first columns (real f-sichuan-lizhou-2019: every row "| 0 |||||||", the last cut after "0 |").
  if (text && showsDroppedBlanks(kept.filter((r) => !r.atSourceEnd), spec)) {
    for (const row of kept) if (row.atSourceEnd) row.lostBlanks = true;
  }
  if (spec.columnWords) ownPageColumns(kept, spec.columnWords.length, lineByNo);
  if (spec.columnWords) seenBlanksUnderColumns(kept, lineByNo, spec.columnWords.length);
  else if (spec.widthOf) bandColumnsFromValues(kept, spec.widthOf, lineByNo);
  if (spec.columnWords && !kept.some((r) => r.header)) {
    // Columns from how the numbers of the one-line rows align; every positioned row is placed by them.
    // Page by page: a scan's pages sit a few pixels apart.
    const pageOf = (r: DecodedRow): number => r.slots[0]?.page ?? r.page;
    for (const page of new Set(kept.map(pageOf))) {
      const onPage = kept.filter((r) => pageOf(r) === page && r.slots.some((s) => s.bbox));
      const n = spec.columnWords.length;
      const loose = onPage.filter((r) => r.mode === 'loose' && r.slots.filter((s) => s.text.trim() !== '').length === n);
      // Plain text's positions are character columns, read by their own rules (character-columns.ts),
      // unless a column rule printed over the table gives them outright.
      const text = onPage.every((r) => r.slots.every((s) => s.method === 'text'));
      const fromValues = text
        ? (ruleColumns(lines.filter((l) => l.page === page), onPage, n) ?? characterColumns(onPage.filter((r) => r.mode === 'loose').map((r) => r.slots.filter((s) => s.text.trim() !== '')), n))
        : columnsFromValues(loose.flatMap((r) => r.slots), n);
      if (fromValues) for (const row of onPage) row.header = fromValues;
    }
  }
  return { rows: kept, issues };
}

/** pandoc's rule over and under a table set in padded columns: one run of dashes per column, a space between. */
const COLUMN_RULE = /^\s*-{2,}(?: -+){2,}\s*$/;

/**
 * The columns a table's rule spans ("------ ---------- -- -- --", pandoc -t plain / markdown): each
 * run of dashes is one column's width exactly, the values n of them after the label's. Taken only
 * where every value of the rows sits inside those n runs (the rule counted in the same units as the
 * rows, and no value off its columns): then it places rows with most cells blank, which no row
 * printed whole would give columns for.
 */
function ruleColumns(lines: readonly Line[], rows: readonly DecodedRow[], n: number): HeaderPositions | undefined {
  const values = rows.flatMap((r) => r.slots.filter((s) => s.text.trim() !== ''));
  if (values.length === 0) return undefined;
  for (const line of lines) {
    if (line.method !== 'text' || !COLUMN_RULE.test(line.raw ?? '')) continue;
    const runs = line.cells.map((c) => c.textColumns);
    if (runs.length < n || runs.some((r) => r === undefined)) continue;
    // The value columns: the one window of n runs after the label's that holds every value (a table
    // may end in a column of its own left empty; where the values leave two windows, none is taken).
    const all = runs as { start: number; end: number }[];
    const holdsAll = (own: readonly { start: number; end: number }[]): boolean => values.every((v) => v.bbox !== undefined && own.some((r) => v.bbox!.x0 >= r.start && v.bbox!.x1 <= r.end));
    // (After every run a row label's text stands in: "三、本年度办理结果" | "(一)予以公开" | values.)
    const rowLines = new Set(rows.map((r) => r.line));
    const labelEnds = lines.filter((l) => rowLines.has(l.lineNo)).flatMap((l) => l.cells.filter((c) => !isValueCell(c.text) && c.textColumns).map((c) => (c.textColumns as { end: number }).end));
    const firstValueRun = all.filter((r) => labelEnds.some((end) => end > r.start)).length;
    const windows = Array.from({ length: all.length - n + 1 }, (_, k) => all.slice(k, k + n)).filter((own, k) => k >= Math.max(1, firstValueRun) && holdsAll(own));
    const own = windows[0];
    if (windows.length !== 1 || !own) continue;
    // Each column reaches to the next one's start (the space between runs is its own).
    const columns = own.map((r, k) => ({ start: r.start, span: (own[k + 1]?.start ?? r.end + 1) - r.start }));
    return { kind: 'x', columns };
  }
  return undefined;
}

/** A number as OCR prints it in a count cell (a sign, digits, a comma or point). */
const PRINTED_NUMBER = /^-?\d[\d,.]*$/;
/** Rows whose values must line up before they give a page its columns (one row lines up with itself). */
const ALIGNED_ROWS = 3;
/** The page each header's positions were found on (positioned text). */
const headerPages = new WeakMap<HeaderPositions, number>();

/** A row's numbers as OCR printed them (no placeholder, no garbled ink). */
const numbersOf = (r: DecodedRow): Slot[] => r.slots.filter((s) => PRINTED_NUMBER.test(s.text.trim()));

/**
 * The n columns the numbers of these rows stand in, `maxStrays` numbers off them allowed; none from
 * fewer than ALIGNED_ROWS rows. Numbers only: a placeholder's ink ("—", "无") sits apart from the
 * numbers' edge, and garbled ink anywhere.
 */
function columnsOfNumbers(rows: readonly DecodedRow[], n: number, maxStrays: number): HeaderPositions | undefined {
  if (rows.length < ALIGNED_ROWS) return undefined;
  const slots = rows.flatMap(numbersOf);
  return columnsFromValues(slots, n, alignmentTolerance(slots), maxStrays);
}

/**
 * 二's bands on a scan share one table's columns: where the page's rows of a width print every
 * cell (ALIGNED_ROWS of them at least), their numbers' columns place the rows of that width that
 * print fewer, whose own band header gave no such columns (its words garbled or glued by OCR:
 * drawn-128 "信息内容 | 对外公开总数量" over 规章 42 _ 60; drawn-000 "上一年项目数量本年增/减" as one word).
 */
function bandColumnsFromValues(rows: readonly DecodedRow[], widthOf: (key: string) => number | undefined, lineByNo: ReadonlyMap<number, Line>): void {
  const ocr = rows.filter((r) => r.mode !== 'grid' && r.slots.length > 0 && r.slots.every((s) => s.method === 'ocr' && s.bbox));
  const pageOf = (r: DecodedRow): number => r.slots[0]?.page ?? r.page;
  for (const page of new Set(ocr.map(pageOf))) {
    for (const n of new Set(ocr.map((r) => widthOf(r.key)))) {
      if (n === undefined || n < 2) continue;
      const ofWidth = ocr.filter((r) => pageOf(r) === page && widthOf(r.key) === n);
      const full = ofWidth.filter((r) => numbersOf(r).length === n && r.slots.filter((s) => s.text.trim() !== '').length === n);
      const columns = columnsOfNumbers(full, n, Math.floor(full.length / ALIGNED_ROWS));
      if (!columns) continue;
      const short = ofWidth.filter((r) => r.slots.filter((s) => s.text.trim() !== '').length < n && (!r.header || r.header.columns.length !== n || r.header.estimated === true));
      for (const row of short) row.header = columns;
      seenBlanksUnderColumns(short, lineByNo, n);
    }
  }
}

/**
 * OCR rows without rules are placed by their own page's columns: where the numbers of the page's
 * full rows line up in exactly `n` columns, those; else the header's positions on the header's own
 * page. Another page's header positions never place them (a scan's pages sit apart: 三 continued
 * without its header landed a column off): there rows are read by their values alone, or stay unread.
 */
function ownPageColumns(rows: readonly DecodedRow[], n: number, lineByNo: ReadonlyMap<number, Line>): void {
  const ocr = rows.filter((r) => r.mode !== 'grid' && r.slots.some((s) => s.method === 'ocr' && s.bbox));
  const pageOf = (r: DecodedRow): number => r.slots[0]?.page ?? r.page;
  for (const page of new Set(ocr.map(pageOf))) {
    const onPage = ocr.filter((r) => pageOf(r) === page);
    // Every value of the page's rows (a row with blanks lines up too), from rows that print no more than n.
    const loose = onPage.filter((r) => r.mode === 'loose' && r.slots.filter((s) => s.text.trim() !== '').length <= n);
    const full = loose.filter((r) => r.slots.filter((s) => s.text.trim() !== '').length === n);
    // The full rows first, then all (rows with blanks line up too). A full row may be one whose label
    // left a piece among its values, a column short: one such piece in three rows is no column; nor
    // is a number read off its column (drawn-104 p2, 三 continued without its header: two full rows,
    // and 19 rows with blanks whose numbers stand in 7 columns but for "24" and "5" between them).
    const fromValues = columnsOfNumbers(full, n, Math.floor(full.length / ALIGNED_ROWS)) ?? (full.length > 0 ? columnsOfNumbers(loose, n, Math.floor(loose.length / ALIGNED_ROWS)) : undefined);
    // Columns that drift down the page (a photo's perspective) from the full rows, where they do not cluster.
    const fullSlots = full.map((r) => r.slots.filter((s) => s.text.trim() !== ''));
    const drifting = fromValues ? undefined : driftingColumns(fullSlots, n, alignmentTolerance(fullSlots.flat()));
    for (const row of onPage) {
      if (fromValues) row.header = fromValues;
      else if (row.header && (headerPages.get(row.header) !== page || !full.every((r) => underOwnColumns(r.slots, row.header as HeaderPositions)))) delete row.header;
      if (!row.header && drifting) row.header = drifting(middleOf(row.slots));
      // Without columns, values are taken in their order, which must be the page's left to right: a
      // row whose values run back leftwards took a tilted line's other half (a photo turned a few degrees).
      if (!row.header && !inReadingOrder(row.slots)) row.unplaced = true;
    }
  }
  // A row whose line showed OCR no value at all is a blank row under its own page's header only where
  // the page saw its line empty under every column (an unruled table prints blanks as nothing); under
  // another page's header nothing shows its cells were seen empty (drawn-135: the header at the foot of
  // page 1, the row's values on page 2 printed a line above its label: read as seven blanks, silently).
  if (ocr.length === 0) return;
  for (const row of rows) {
    if (row.slots.length > 0 || !row.header) continue;
    const stretches = lineByNo.get(row.line)?.emptyStretches ?? [];
    const seenEmpty = (c: { start: number; span: number }): boolean => stretches.some((s) => s.x0 <= c.start + c.span * 0.25 && c.start + c.span * 0.75 <= s.x1);
    if (headerPages.get(row.header) !== row.page || !row.header.columns.every(seenEmpty)) delete row.header;
  }
}

/**
 * A full row's values each under the header word of their own column: the header's positions
 * hold on the page (a photo turned a few degrees drifts its lower rows a column across).
 */
function underOwnColumns(slots: readonly Slot[], header: HeaderPositions): boolean {
  const values = slots.filter((s) => s.text.trim() !== '');
  return values.every((s, i) => {
    const column = header.columns[i];
    return s.bbox !== undefined && column !== undefined && Math.min(s.bbox.x1, column.start + column.span) > Math.max(s.bbox.x0, column.start);
  });
}

/** The height a row's values stand at (the middle of their boxes). */
function middleOf(slots: readonly Slot[]): number {
  const mids = slots.flatMap((s) => (s.bbox ? [(s.bbox.y0 + s.bbox.y1) / 2] : []));
  return mids.reduce((a, b) => a + b, 0) / Math.max(1, mids.length);
}

/** Values left to right: each starts right of where the one before it started. */
function inReadingOrder(slots: readonly Slot[]): boolean {
  const xs = slots.flatMap((s) => (s.bbox && s.text.trim() !== '' ? [s.bbox.x0] : []));
  return xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));
}

/**
 * How far apart values aligned in one column start, end or centre on a scan: a third of the text's
 * height (the ink box of a dash or a 1 is not the font's), never under the text layer's 3 units.
 */
function alignmentTolerance(slots: readonly Slot[]): number {
  const heights = slots.flatMap((s) => (s.bbox ? [s.bbox.y1 - s.bbox.y0] : [])).sort((a, b) => a - b);
  return Math.max(3, (heights[Math.floor(heights.length / 2)] ?? 0) / 3);
}

/** An empty row started at a label token. */
function emptyRow(key: string, token: LabelToken, line: Line, header: HeaderPositions | undefined): DecodedRow {
  const row: DecodedRow = {
    key,
    label: token.text,
    coverage: 0,
    exact: false,
    slots: [],
    mode: 'separated',
    separator: line.separator,
    page: token.page,
    line: token.line,
    labelLines: [token.line],
    pairedByOrder: false,
    lostBlanks: false,
    atSourceEnd: false,
  };
  if (line.gridWidth !== undefined) row.gridWidth = line.gridWidth;
  if (header) row.header = header;
  return row;
}

/** The rows under a group cell when the label is only that group phrase ("（三）不予公开"). */
function groupOf(text: string, spec: TableSpec): readonly string[] | undefined {
  const key = parseLabel(text).key;
  for (const [phrase, children] of Object.entries(spec.groupRows ?? {})) {
    if (key === labelKey(normaliseLabel(phrase))) return children;
  }
  return undefined;
}

/**
 * A group cell followed by bare numbers, its rows' labels missing (templates.md §7.3): the numbers
 * are the group's rows not found elsewhere, in order, when their count is exact; when there are more
 * and all are the same number, every reading gives each cell that number. Otherwise the rows get
 * all the numbers and stay unreadable. Never do the numbers spill into the row before the group.
 */
function fillGroups(rows: DecodedRow[], groups: readonly { row: DecodedRow; children: readonly string[]; after: number }[], spec: TableSpec, issues: Issue[], orphans: { row: DecodedRow; after: number }[]): void {
  // Rows put in before an orphan move it along: it is placed between the rows printed around it.
  const insert = (at: number, made: DecodedRow[], line: number): void => {
    rows.splice(at, 0, ...made);
    for (const o of orphans) if (o.after > at || (o.after === at && o.row.line > line)) o.after += made.length;
  };
  for (const { row, children, after } of [...groups].reverse()) {
    const found = new Set(rows.map((r) => r.key));
    const open = children.filter((k) => !found.has(k));
    if (row.slots.length === 0 || open.length === 0) continue;
    const n = spec.widthOf?.(open[0] as string) ?? 1;
    const values = row.slots.map((s) => s.text.trim());
    const exact = row.slots.length === open.length * n;
    const allSame = row.slots.length > open.length * n && values.every((v) => v === values[0]);
    // A scan's grid: the group cell starts on its first row's grid line, and the numbers beside it
    // there are that row's (its own label lost). They are that row's, known by position; the other
    // rows are for the rows of numbers below to fill by position, or stay missing.
    const first = children[0] as string;
    if (!exact && !allSame && row.separator === 'grid' && row.slots.every((s) => s.method === 'ocr' && s.line === row.line) && open.includes(first)) {
      insert(after, [{ ...row, key: first, label: `${row.label} #1`, coverage: 1, byPosition: true }], row.line);
      issues.push(makeIssue('warning', 'tables', 'labels_paired_by_order', `${spec.table}: the numbers beside "${row.label}" on its grid line are read as its first row's, ${first}`));
      continue;
    }
    // (Elsewhere OCR rows taking numbers that do not fill them would each read them as their own.)
    const unread = !exact && !allSame && row.slots.some((s) => s.method === 'ocr');
    const made = open.map((key, k): DecodedRow => {
      const slots = exact || allSame ? row.slots.slice(k * n, (k + 1) * n) : row.slots;
      return { ...row, key, label: `${row.label} #${k + 1}`, slots, pairedByOrder: true, coverage: 1, byPosition: allSame, ...(unread ? { unplaced: true } : {}) };
    });
    insert(after, made, row.line);
    issues.push(
      exact || allSame
        ? makeIssue('warning', 'tables', 'labels_paired_by_order', `${spec.table}: "${row.label}" is followed by ${row.slots.length} numbers without row labels, read as its ${open.length} rows in order`)
        : makeIssue('error', 'tables', 'labels_values_count_mismatch', `${spec.table}: "${row.label}" is followed by ${row.slots.length} numbers without row labels, which do not fill its ${open.length} rows; left unreadable`),
    );
  }
}

/**
 * A Markdown table prints every column of every row, so where some row of a width holds a number
 * in its last cell, that last column is a value column for every row of that width: a surplus
 * empty cell of such a row is a spanned label column, never its last cell.
 */
function markValuesAtLineEnd(rows: readonly DecodedRow[], lines: readonly Line[], lineByNo: ReadonlyMap<number, Line>, columnWords: readonly string[] = []): void {
  const markdown = (l: Line | undefined): boolean => l?.separator === 'pipe' && l.gridWidth !== undefined;
  // Unless the converter set every row flush left and padded it at its end: then a row's surplus
  // empty cells are its end's padding.
  const flushLeft = markdownFlushLeft(lines, columnWords);
  const widths = new Set(lines.filter((l) => markdown(l) && /\d/.test(l.cells.at(-1)?.text ?? '')).map((l) => l.cells.length));
  for (const row of rows) {
    const rowLines = new Set(row.slots.map((s) => s.line));
    const line = rowLines.size === 1 ? lineByNo.get([...rowLines][0] as number) : undefined;
    if (!line || !markdown(line)) continue;
    if (flushLeft) row.valuesAfterLabel = true;
    else if (widths.has(line.cells.length)) row.valuesAtLineEnd = true;
  }
}

/** Mode, separator and end-of-source of a row from where its values came from. */
function finishRow(row: DecodedRow, lineByNo: ReadonlyMap<number, Line>, lastLineOfSource: number | null): void {
  if (row.slots.length === 0) return;
  const { mode, separator } = modeOf(row.slots, lineByNo);
  row.mode = mode;
  row.separator = separator;
  row.atSourceEnd = valuesReachSourceEnd(row.slots, lineByNo, lastLineOfSource, row.labelLines ?? [row.line]);
  if (row.slots.some((s) => s.glued)) row.lostBlanks = true;
  row.cellsSetApart = row.slots.every((s) => {
    const line = lineByNo.get(s.line);
    return line !== undefined && (line.separator === 'pipe' || line.separator === 'tab' || /\|\s*$/u.test(line.raw ?? ''));
  });
  if (mode === 'loose' && row.slots.some((s) => s.text.trim() === '')) row.slots = row.slots.filter((s) => s.text.trim() !== '');
}

/**
 * Whether a row's values reach the end of the source so that more of them may have been cut off: the
 * source stops inside their last line, or they run over lines (one cell per line: the next line may
 * be the one cut). A row whose values stand on one line that ends with a line break (the label's own
 * line, or a line of several values) was printed whole there: fewer values are dropped blanks.
 */
export function valuesReachSourceEnd(slots: readonly Slot[], lineByNo: ReadonlyMap<number, Line>, lastLineOfSource: number | null, labelLines: readonly number[] = []): boolean {
  if (lastLineOfSource === null || slots.length === 0) return false;
  const lastLine = Math.max(...slots.map((s) => s.line));
  if (lastLine < lastLineOfSource) return false;
  const onOneLine = slots.every((s) => s.line === lastLine);
  const wholeLine = onOneLine && lineByNo.get(lastLine)?.unterminated !== true && (labelLines.includes(lastLine) || slots.filter((s) => s.text.trim() !== '').length >= 2);
  return !wholeLine;
}

/**
 * A group cell taken for a row ("（六）其他处理" over the three 2021 sub-rows): a row whose label is
 * only a group phrase, with no values, followed by a row of its group (a sub-row, numbered 1, 2, …),
 * is no row. Followed by （七）总计, it is 2019's row （六）其他处理, its numbers printed apart (a block
 * of labels, then a block of numbers).
 */
function dropGroupRows(rows: DecodedRow[], spec: TableSpec): DecodedRow[] {
  return rows.filter((row, i) => {
    const next = rows[i + 1];
    if (row.slots.length > 0 || !next) return true;
    const nextNumbering = spec.rows.find((r) => r.key === next.key)?.numbering ?? null;
    if (nextNumbering === null || !/^\d+$/.test(nextNumbering)) return true;
    return !endsWithGroupPhrase(row.label, spec.groupPhrases);
  });
}

/**
 * Labels printed as a block before a block of values (templates.md §7.3): the rows that got no
 * values, followed by a row that got several rows' worth. Paired by order only when the count is
 * exact; the rows are then marked `pairedByOrder`. Otherwise the block is left unread.
 */
function pairLabelBlocks(rows: DecodedRow[], spec: TableSpec): Issue[] {
  const issues: Issue[] = [];
  // A row of empty cells (Markdown prints the label rows of such a block with empty cells) holds no values either.
  // An empty line after a label, where the region prints empty cells as empty lines, is that row's blank
  // cell: no label waiting for numbers (seed 45 gen-0093: "行政强制" / "" / … / "行政事业型收费" / "93" / "624"
  // is a blank and 93624 broken over two lines, not 93 and 624 paired by order).
  const hasValues = (r: DecodedRow): boolean => r.unplaced === true || r.slots.some((s) => s.text.trim() !== '' || s.emptyLine === true);
  for (let end = 0; end < rows.length; end++) {
    const last = rows[end] as DecodedRow;
    let start = end;
    while (start > 0 && !hasValues(rows[start - 1] as DecodedRow)) start--;
    if (start === end || !hasValues(last)) continue;
    // Numbers on a line that prints the last row's own label (its wrapped end: "取信息 5 5 14 24") are
    // its own: the rows before it printed none, and are no block of labels waiting for numbers.
    const firstValue = last.slots.find((s) => s.text.trim() !== '');
    if (firstValue && last.labelLines?.includes(firstValue.line)) continue;
    let block = rows.slice(start, end + 1);
    // The last label's own (empty) cells come before the block of numbers.
    const own = last.slots.findIndex((s) => s.text.trim() !== '');
    const ownLine = last.slots[own]?.line;
    const block_slots = last.slots.filter((s) => s.line !== last.line || s.line === ownLine);
    const byLine = groupByLine(block_slots);
    // A label before a break in the table (a Markdown table cut in two, gen-0011 of seed 303) whose
    // own row printed its cells, all empty, is a row of blanks of its own: not one of the labels
    // waiting for the numbers below the break.
    const printedItsOwnEmptyRow = (r: DecodedRow): boolean => r.slots.length > 0 && r.slots.every((s) => s.text.trim() === '' && s.line === r.line);
    const breakAfter = (k: number): boolean => ((block[k + 1] as DecodedRow).line - Math.max(...((block[k] as DecodedRow).labelLines ?? [(block[k] as DecodedRow).line]))) > 1;
    while (block.length > byLine.length && block.length > 1 && byLine.every((l) => l.length > 1) && printedItsOwnEmptyRow(block[0] as DecodedRow) && breakAfter(0)) block = block.slice(1);
    const width = (r: DecodedRow): number => spec.widthOf?.(r.key) ?? spec.gridValues ?? byLine[0]?.length ?? 1;
    let parts: Slot[][] | null = null;
    // One line of numbers per label: each holding several numbers, or each exactly its row's width
    // (二's bands: "1 0 11" under three columns, "447228" under one).
    if (byLine.length === block.length && (byLine.every((l) => l.length > 1) || byLine.every((l, k) => l.length === spec.widthOf?.((block[k] as DecodedRow).key)))) parts = byLine;
    else if (byLine.every((l) => l.length === 1)) {
      const total = block.reduce((sum, r) => sum + width(r), 0);
      if (total === block_slots.length) {
        parts = [];
        let at = 0;
        for (const r of block) {
          parts.push(block_slots.slice(at, at + width(r)));
          at += width(r);
        }
      }
    }
    if (!parts) {
      // Labels on lines of their own before numbers that do not pair up with them: which numbers
      // are whose cannot be told, so none of these rows is read (never the last label's by default).
      // (A label followed by "||" residue printed its blank cells: it is no label standing alone.)
      const labelOnly = block.slice(0, -1).some((r) => r.slots.length === 0 && !r.lostBlanks);
      // (Numbers one per line follow their own label: a label before them with none printed its row blank.)
      if (byLine.every((l) => l.length > 1) && (byLine.length > 1 || labelOnly)) {
        issues.push(makeIssue('error', 'tables', 'labels_values_count_mismatch', `${spec.table}: ${block.length} labels printed apart from ${byLine.length} rows of numbers; left unreadable`, { path: [spec.table] }));
        for (const r of block) {
          r.slots = [];
          r.pairedByOrder = true;
          r.unplaced = true;
        }
      }
      continue;
    }
    block.forEach((r, k) => {
      r.slots = parts?.[k] ?? [];
      r.pairedByOrder = true;
      r.mode = last.mode === 'loose' && byLine.length === block.length ? 'loose' : 'separated';
      r.separator = last.separator;
    });
    issues.push(makeIssue('warning', 'tables', 'labels_paired_by_order', `${spec.table}: ${block.length} rows were printed apart from their numbers and paired by order`));
  }
  return issues;
}

function groupByLine(slots: readonly Slot[]): Slot[][] {
  const groups: Slot[][] = [];
  for (const slot of slots) {
    const last = groups.at(-1);
    if (last && last[0]?.line === slot.line) last.push(slot);
    else groups.push([slot]);
  }
  return groups;
}

/** Shortest label piece that counts as a piece of a row's label or header word (fewer characters fit too many). */
const MIN_LABEL_PIECE = 4;

/** True when a label read is a run of a row's label or a header word, as printed (a wrapped label's last line, 法人或其他 of 法人或其他组织). */
function isPieceOfLabel(piece: string, label: string): boolean {
  const key = labelKey(normaliseLabel(piece));
  return [...key].length >= MIN_LABEL_PIECE && labelKey(normaliseLabel(label)).includes(key);
}

/**
 * The readings of rows missing in one place, one per format that may print them: where a row and
 * the rows it excludes (spec.exclusiveAfter: 2019's （六）其他处理 and 2021's three （六） rows) are
 * both missing, with the one or with the others, unless a row found decides the format.
 */
function oneFormatsRows(missing: readonly RowSpec[], found: ReadonlySet<string>, spec: TableSpec): RowSpec[][] {
  let readings: RowSpec[][] = [[...missing]];
  for (const [row, excluded] of Object.entries(spec.exclusiveAfter ?? {})) {
    const without = (keys: readonly string[]) => (rows: readonly RowSpec[]): RowSpec[] => rows.filter((r) => !keys.includes(r.key));
    if (found.has(row)) readings = readings.map(without(excluded));
    else if (excluded.some((k) => found.has(k))) readings = readings.map(without([row]));
    else readings = readings.flatMap((rows) => [without(excluded)(rows), without([row])(rows)]);
  }
  return readings;
}

/**
 * Rows of values whose labels could not be read (OCR garbage) between two rows that were, or after
 * the last row read, each whole: when exactly as many standard rows are missing there as such rows
 * stand there, they are those
 * rows in order, marked `byPosition` (their cells come out inferred, never ok). (A scan's labels
 * garbled two or more rows running, "5.属天去太内部事" then "痪于四他舍": drawn-003, -014, -027.)
 */
function placeOrphans(rows: DecodedRow[], orphans: readonly { row: DecodedRow; after: number }[], spec: TableSpec, issues: Issue[]): void {
  const order = (key: string): number => spec.rows.findIndex((r) => r.key === key);
  const found = new Set(rows.map((r) => r.key));
  const placed: { row: DecodedRow; at: number }[] = [];
  for (const { row, after } of orphans) {
    if (!row.slots.some((s) => s.text.trim() !== '')) continue;
    issues.push(
      row.label === ''
        ? makeIssue('warning', 'tables', 'row_label_unknown', `${spec.table}: values on line ${row.slots[0]?.line ?? row.line} stand under a header with no label before them`, { page: row.page })
        : makeIssue('warning', 'tables', 'row_label_unknown', `${spec.table}: no standard row matches the label "${row.label}"`, { page: row.page }),
    );
    const before = rows[after - 1];
    const next = rows[after];
    // A row that found no values of its own right above numbers under a label that is no row's (its
    // values on the next line, beside a group cell's fragment, "度办理结 | 法提供 | 1 | 65594 | …") may
    // have printed them there: it is unread, never a row printed blank.
    if (before && before.slots.length === 0 && !before.droppedWhole) {
      before.unplaced = true;
      issues.push(makeIssue('warning', 'tables', 'row_values_apart', `${spec.table}.${before.key}: no values beside its label, and values under the label "${row.label}" after it may be its own; left unread`, { page: before.page, path: [spec.table, before.key] }));
    }
    // (With no row before it, the orphan stands first: the rows missing before the next found. A row
    // with no label at all must not take the next row's own values printed above its label: the next
    // row has values of its own.)
    const first = !before && after === 0 && row.label === '';
    const standing = orphans.filter((o) => o.after === after && o.row.slots.length > 0).map((o) => o.row);
    // After the last row read: the rows missing at the table's end, where each stands whole, as many
    // cells as its row has (drawn-044: 四、结转下年度继续办理 read "四 □下年度□"; drawn-136). A row
    // less than whole there may be anything printed under the table.
    const last = !next && before !== undefined && standing.every((o, k) => o.slots.length === spec.widthOf?.(spec.rows[order(before.key) + 1 + k]?.key ?? ''));
    // Several rows before the first row read stand first only when each is one OCR line holding a
    // whole row, and they are exactly the rows missing there (drawn-020 p2, a photo: the labels of
    // 三's first seven rows garbled into one line, its seven lines of values under the header).
    // A label that is a piece of the very row the orphan would stand as (一、本年新收… and 二、上年结转… both read
    // only "开申请数量", their wrapped lines' ends: drawn-115) is no evidence against it; such a row may print more
    // readings than cells (a number split in two), and is read or not as its values allow.
    const missingFirst = next ? spec.rows.slice(0, Math.max(0, order(next.key))).filter((r) => !found.has(r.key)) : [];
    const leading =
      !before &&
      after === 0 &&
      standing.length > 1 &&
      next !== undefined &&
      standing.every((o, k) => {
        const width = spec.widthOf?.(next.key) ?? 0;
        const whole = o.label === '' ? o.slots.length === width : isPieceOfLabel(o.label, missingFirst[k]?.label ?? '') && o.slots.length >= width;
        return whole && o.page === row.page && new Set(o.slots.map((s) => s.line)).size === 1 && o.slots.every((s) => s.text.trim() !== '');
      });
    if ((!before && !first && !leading) || (!next && !last) || (standing.length > 1 && !before && !leading)) continue;
    if (next && row.label === '' && !next.slots.some((s) => s.text.trim() !== '')) continue;
    const missing = spec.rows.slice(before ? order(before.key) + 1 : 0, next ? Math.max(0, order(next.key)) : spec.rows.length).filter((r) => !found.has(r.key));
    // The rows one format prints there: 2019's （六） row or 2021's three, never both.
    const between = oneFormatsRows(missing, found, spec).find((rows) => rows.length === standing.length);
    const own = between?.[standing.indexOf(row)];
    if (!own) continue;
    placed.push({ row: { ...row, key: own.key, byPosition: true }, at: after });
  }
  // (Rows placed at one gap go in together, in their printed order.)
  for (const { row, at } of [...placed].reverse().sort((a, b) => b.at - a.at)) rows.splice(at, 0, row);
}
