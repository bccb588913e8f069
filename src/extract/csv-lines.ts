/**
 * Tables saved as CSV (Excel's "save as", pandas's to_csv): fields set apart by commas, quoted where
 * they hold a comma or a quote ("1,234"). A text is read as CSV only when several of its lines are
 * plainly rows of it: one comma-set field at least a bare number, and a comma standing next to
 * something other than a digit (a thousands separator stands between digits only). Then every line
 * with such a comma is split on its commas; prose with an ASCII comma here and there is not CSV.
 * Elsewhere only a line that is plainly one row of numbers is.
 */

/** Lines that must be plain CSV rows before a text is read as CSV. */
const MIN_CSV_ROWS = 3;
/** A field that is a number as a table prints one (with a unit, a sign, thousands quoted). */
const NUMBER_FIELD = /^[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|%)?$/u;

/** The fields of one CSV line: commas outside quotes split, quotes removed, "" inside quotes a quote. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** A comma not between two digits (outside quotes): a field boundary, never a thousands separator. */
function hasFieldComma(line: string): boolean {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted && !(/\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? ''))) return true;
  }
  return false;
}

/** A line that is plainly a CSV row: a field comma, and a field that is a bare number. */
function isCsvRow(line: string): boolean {
  return line.includes(',') && hasFieldComma(line) && csvFields(line).some((f) => NUMBER_FIELD.test(f));
}

/** A blank as tables print one. */
const BLANK_FIELD = /^(?:|[—－\-/无])$/u;

/**
 * A CSV row standing alone in a text that is not CSV (one table row pasted from a spreadsheet,
 * "行政许可,550,550,550"): label fields, then two numbers at least and nothing but numbers and blanks.
 */
export function isLoneCsvRow(line: string): boolean {
  if (!isCsvRow(line)) return false;
  const fields = csvFields(line);
  const first = fields.findIndex((f) => NUMBER_FIELD.test(f));
  const values = fields.slice(first);
  return values.filter((f) => NUMBER_FIELD.test(f)).length >= 2 && values.every((f) => NUMBER_FIELD.test(f) || BLANK_FIELD.test(f));
}

/** Whether a text is a CSV table (see the module comment). */
export function looksLikeCsv(lines: readonly string[]): boolean {
  let rows = 0;
  for (const line of lines) if (isCsvRow(line) && ++rows >= MIN_CSV_ROWS) return true;
  return false;
}

/** Digits and commas that are no number with thousands separators ("72,64,178": a group not of three). */
const NOT_THOUSANDS = /^(?=.*,)(?!\d{1,3}(?:,\d{3})+$)[\d,]+$/u;

/**
 * The cells of a line of a CSV text, or null where it holds no field comma (one cell of text). A line
 * of digits and commas is a row of numbers unless it reads as one number with thousands separators.
 */
export function csvCells(line: string): string[] | null {
  return hasFieldComma(line) || NOT_THOUSANDS.test(line.trim()) ? csvFields(line) : null;
}
