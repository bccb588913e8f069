/**
 * What each converter of the converter suite leaves of a table row, and so which cells a perfect
 * reader could still prove (src/generate/provable.ts). A converter that keeps cell positions
 * (separators, tabs, padding to columns, box drawing) loses nothing. One that joins cells with a
 * single space or a line break loses every blank it prints as nothing, and since a reader cannot
 * tell which rows lost one, every row of its output may have: the blanks may sit anywhere, and
 * only the identities place them. Which blanks survive each tool was read off its output
 * (README.md of the fixtures: which tools keep U+3000 and no-break spaces).
 */
import { unprovableCells, type RowEvidence } from '../src/generate/provable.js';
import type { Value } from '../src/generate/values.js';
import type { RequestRow } from '../src/schema/keys.js';

/** How a converter prints the value cells of a row. */
interface ConverterModel {
  /** Cell positions survive (pipes, tabs, columns padded with spaces, box drawing): nothing is lost. */
  positions: boolean;
  /** Cells are run together with no separator (BeautifulSoup's get_text() without one). */
  glued: boolean;
  /** The blank printings still in the output as a mark of their own ('' never is). */
  keeps: readonly string[];
}

const VISIBLE = ['—', '/', '无'];

export const CONVERTER_MODELS: Readonly<Record<string, ConverterModel>> = {
  // It keeps no-break and ideographic spaces, but a reader cannot tell an empty cell's "&nbsp;" from
  // a cell's padding ("<td>719&nbsp;</td>"): they part cells and prove no blank.
  'bs4-get-text': { positions: false, glued: true, keeps: VISIBLE },
  'bs4-get-text-newline-strip': { positions: false, glued: false, keeps: VISIBLE },
  'bs4-get-text-space-strip': { positions: false, glued: false, keeps: VISIBLE },
  'chromium-innertext': { positions: true, glued: false, keeps: VISIBLE },
  html2text: { positions: true, glued: false, keeps: VISIBLE },
  'lynx-dump': { positions: false, glued: false, keeps: [...VISIBLE, '\u3000'] },
  'pandoc-markdown': { positions: true, glued: false, keeps: VISIBLE },
  'pandoc-plain': { positions: true, glued: false, keeps: VISIBLE },
  pdf2md: { positions: false, glued: false, keeps: VISIBLE },
  pdftotext: { positions: false, glued: false, keeps: VISIBLE },
  'pdftotext-layout': { positions: true, glued: false, keeps: VISIBLE },
  'w3m-dump': { positions: true, glued: false, keeps: VISIBLE },
};

/** A converter fixture's truth: the values, and how every value cell was printed. */
export interface PrintedTruth {
  tables: Record<string, Record<string, Record<string, Value>>>;
  /** `table.row.column` → the cell's printed text, in printed order. */
  printed?: Record<string, string>;
}

/** The printed rows of value cells: 三 and 二 one row per template row, 四 one row of fifteen. */
function printedRows(printed: Record<string, string>): string[][] {
  const rows = new Map<string, string[]>();
  for (const key of Object.keys(printed)) {
    const [table, row] = key.split('.');
    const id = table === 'reviews' ? 'reviews' : `${table}.${row}`;
    rows.set(id, [...(rows.get(id) ?? []), key]);
  }
  return [...rows.values()];
}

/** The `table.row.column` keys a perfect reader of this converter's output could not prove. */
export function unprovableInConverter(converter: string, truth: PrintedTruth): string[] {
  const model = CONVERTER_MODELS[converter];
  if (!model) throw new Error(`no model of what ${converter} keeps`);
  if (model.positions || !truth.printed) return [];
  const printed = truth.printed;
  const evidence: RowEvidence[] = printedRows(printed).map((keys) => {
    const tokens = keys.map((k) => printed[k] ?? '').filter((text) => text.trim() !== '' || model.keeps.includes(text));
    return { keys, tokens: model.glued ? [tokens.join('')].filter((t) => t !== '') : tokens, glued: model.glued, dropped: true, mergeable: false, optionalTail: 0 };
  });
  const tables = truth.tables;
  const spec = {
    requests: tables.requests ?? {},
    reviews: tables.reviews ?? {},
    active: tables.active ?? {},
    requestRows: Object.keys(tables.requests ?? {}) as RequestRow[],
  };
  return unprovableCells(spec, evidence);
}
