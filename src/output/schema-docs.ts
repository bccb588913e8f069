/**
 * The JSON Schema of a report record as `nianbao schema` prints it: the zod schema's structure,
 * with a title and a description on every field (dataset.md's words), and on every table row and
 * column its printed label and unit (codebook.ts).
 */
import { TABLE_KEYS } from '../schema/keys.js';
import { reportJsonSchema } from '../schema/records.js';
import { CODEBOOK, TABLE_TITLES } from './codebook.js';

interface JsonSchema {
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [key: string]: unknown;
}

/** [title, description] of each field, by its path in the record (`cells[]` for an array's items). */
const FIELDS: Record<string, [string, string]> = {
  '': ['Report record', 'One input document read by nianbao: who reports, for which year, the three statistical tables with every cell\'s provenance, the accounting checks and the issues (docs/dataset.md).'],
  id: ['Report id', 'The first 16 hex digits of the sha256 of the document\'s bytes: stable across runs and names.'],
  source: ['Source document', 'Where the record comes from.'],
  'source.path': ['Path', 'The input path as given (names not in UTF-8 show their bytes as \\xNN).'],
  'source.sha256': ['SHA-256', 'The sha256 of the document\'s bytes, in hex.'],
  'source.format': ['Format', 'How the document was read: pdf (text layer), scanned-pdf (OCR), image, html, docx, doc or text; detected from the bytes.'],
  'source.pages': ['Pages', 'Pages of a PDF, frames of an image; null for formats without pages.'],
  agency: ['Agency', 'The reporting body as printed, e.g. 中宁县科学技术局; null when not found (issue agency_unknown).'],
  year: ['Year', 'The year the report covers (not the year it was published); null when not found (issue year_unknown).'],
  template: ['Format of the tables', 'Which official form the tables follow: "2019" or "2021" (templates.md); null when no table was read.'],
  status: ['Status', 'About what was read: ok every cell of the form was read (a number, a printed blank, or a value inferred as the only one that fits); partial some cell is unreadable or missing; failed no table could be read. A printed total that disagrees with its parts is the source\'s error (sourceErrors), not partial.'],
  sourceErrors: ['Errors in the source', 'How many accounting identities the printed values break, counting only checks whose cells were all read with certainty.'],
  tables: ['Tables', 'The three statistical tables as { rowKey: { columnKey: number or null } }; every row and column of the form is present.'],
  cells: ['Cells', 'One entry per cell of the tables, with where and how it was read.'],
  'cells[]': ['Cell', 'One cell of a table, with its provenance.'],
  'checks[]': ['Check', 'One evaluated accounting identity.'],
  'checks[].cells[]': ['Cell reference', 'table.row.column of a cell the identity reads.'],
  'issues[]': ['Issue', 'One thing that went wrong or is worth knowing.'],
  'issues[].path[]': ['Path part', 'A table, row or column key.'],
  'cells[].table': ['Table', 'active (二), requests (三) or reviews (四).'],
  'cells[].row': ['Row key', 'The row\'s key (codebook.csv gives its printed label).'],
  'cells[].column': ['Column key', 'The column\'s key (codebook.csv gives its printed label and unit).'],
  'cells[].value': ['Value', 'The number printed, or null (a printed blank, or a cell not read: see flag).'],
  'cells[].raw': ['Raw text', 'The cell\'s text as found (OCR text for scans).'],
  'cells[].page': ['Page', 'The page the cell is on (1-based); null where the format has no pages.'],
  'cells[].bbox': ['Box', 'The cell\'s box on its page, top-left origin: points for PDF, pixels for images.'],
  'cells[].bbox.x0': ['Left', 'Left edge.'],
  'cells[].bbox.y0': ['Top', 'Top edge.'],
  'cells[].bbox.x1': ['Right', 'Right edge.'],
  'cells[].bbox.y1': ['Bottom', 'Bottom edge.'],
  'cells[].line': ['Line', 'The text line the cell was read from (text formats).'],
  'cells[].grid': ['Grid position', 'For markup and ruled tables: the 1-based table, row and grid column of the cell.'],
  'cells[].grid.table': ['Grid table', 'The table\'s number in the document (1-based).'],
  'cells[].grid.row': ['Grid row', 'The row in that table (1-based).'],
  'cells[].grid.column': ['Grid column', 'The grid column in that row (1-based, spans counted).'],
  'cells[].method': ['Method', 'How the cell was read: text-layer (PDF text), ocr, markup (HTML, Word) or text.'],
  'cells[].confidence': ['Confidence', 'How sure the reading is, 0 to 1 (1 for text that needed no recognition).'],
  'cells[].flag': ['Flag', 'ok read; blank printed empty, —, / or 无 (value null); unreadable present but not read with certainty (value null); missing the row or table is not in the source as given (value null); inferred derived from the identities or the only placement that fits; corrected an OCR reading changed by a rule.'],
  checks: ['Checks', 'One entry per accounting identity evaluated on the tables.'],
  'checks[].id': ['Check id', 'The identity and where it applies, e.g. requests.balance.naturalPerson.'],
  'checks[].table': ['Table', 'The table the identity is about.'],
  'checks[].description': ['Description', 'The identity in words.'],
  'checks[].expected': ['Printed side', 'The value printed in the source (e.g. the total).'],
  'checks[].actual': ['Computed side', 'The value computed from the other cells.'],
  'checks[].pass': ['Passes', 'True when both sides agree.'],
  'checks[].cells': ['Cells', 'The cells the identity reads, as table.row.column.'],
  issues: ['Issues', 'Anything that went wrong or is worth knowing about this document.'],
  'issues[].severity': ['Severity', 'error, warning or info.'],
  'issues[].code': ['Code', 'A stable snake_case code, e.g. table_missing, agency_unknown, check_failed.'],
  'issues[].message': ['Message', 'What happened, for people.'],
  'issues[].stage': ['Stage', 'The pipeline stage that reported it: input, extract, layout, tables, validate or output.'],
  'issues[].page': ['Page', 'The page it concerns, when one.'],
  'issues[].path': ['Path', 'The table, row and column it concerns, when one.'],
};

function describe(node: JsonSchema, path: string): void {
  const doc = FIELDS[path];
  if (doc) [node.title, node.description] = doc;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (path === 'tables') continue; // the tables are described from the codebook
    describe(child, path === '' ? key : `${path}.${key}`);
  }
  if (node.items) describe(node.items, `${path}[]`);
  for (const variant of (node.anyOf as JsonSchema[] | undefined) ?? []) describe(variant, path);
}

function describeTables(tables: JsonSchema): void {
  for (const table of TABLE_KEYS) {
    const tableNode = tables.properties?.[table];
    if (!tableNode) continue;
    tableNode.title = TABLE_TITLES[table];
    tableNode.description = `Table ${table}: ${TABLE_TITLES[table]}. Rows by key; each row's columns by key.`;
    for (const [row, rowNode] of Object.entries(tableNode.properties ?? {})) {
      const entries = CODEBOOK.filter((e) => e.table === table && e.row === row);
      const first = entries[0];
      rowNode.title = first?.rowLabel ?? row;
      rowNode.description = `${first?.rowLabel ?? row} (printed in format ${[...new Set(entries.flatMap((e) => e.templates))].join(' and ') || 'none'})`;
      for (const [column, columnNode] of Object.entries(rowNode.properties ?? {})) {
        const entry = entries.find((e) => e.column === column);
        columnNode.title = entry ? entry.columnLabel : column;
        columnNode.description = entry ? `${entry.rowLabel} · ${entry.columnLabel}, in ${entry.unit}; null when printed blank or not read (see the cell's flag)` : 'not printed in this row by either format: always null';
      }
    }
  }
}

/** The record's JSON Schema with every field described. */
export function describedJsonSchema(): Record<string, unknown> {
  const schema = reportJsonSchema() as JsonSchema;
  describe(schema, '');
  const tables = schema.properties?.tables;
  if (tables) {
    [tables.title, tables.description] = FIELDS.tables as [string, string];
    describeTables(tables);
  }
  return schema;
}
