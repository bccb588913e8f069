/** What reconstruction hands to validation: every cell read, with provenance and flag. */
import type { BBox, Flag, Issue, Method } from '../schema/records.js';
import type { TableKey, TemplateId } from '../schema/keys.js';

/** One table cell as read. */
export interface CellReading {
  table: TableKey;
  row: string;
  column: string;
  value: number | null;
  raw: string;
  flag: Flag;
  confidence: number;
  page: number | null;
  line?: number;
  bbox?: BBox;
  grid?: { table: number; row: number; column: number };
  method: Method;
}

/** All three tables of one document. */
export interface ReconstructedTables {
  template: TemplateId | null;
  /** Which tables were found at all. */
  found: Record<TableKey, boolean>;
  cells: CellReading[];
  issues: Issue[];
}
