/**
 * The report record of dataset.md as zod schemas: the single source of the record's TypeScript
 * types. Every record is validated against `ReportRecordSchema` before it is written.
 */
import { z } from 'zod';
import {
  ACTIVE_COLUMNS,
  ACTIVE_ROWS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  TABLE_KEYS,
  TEMPLATE_IDS,
} from './keys.js';

/** A cell value: a number only where the source shows one, else null. */
export const CellValueSchema = z.number().nullable();

function rowOf<const C extends readonly [string, ...string[]]>(columns: C) {
  const shape = Object.fromEntries(columns.map((c) => [c, CellValueSchema])) as {
    [K in C[number]]: typeof CellValueSchema;
  };
  return z.strictObject(shape);
}

const RequestRowSchema = rowOf(REQUEST_COLUMNS);
const ReviewRowSchema = rowOf(REVIEW_COLUMNS);
const ActiveRowSchema = z.strictObject(
  Object.fromEntries(ACTIVE_COLUMNS.map((c) => [c, CellValueSchema.optional()])) as {
    [K in (typeof ACTIVE_COLUMNS)[number]]: z.ZodOptional<typeof CellValueSchema>;
  },
);

/** 三: all 26 row keys are always present (rows a format does not print are all null). */
export const RequestsTableSchema = z.strictObject(
  Object.fromEntries(REQUEST_ROWS.map((r) => [r, RequestRowSchema])) as {
    [K in (typeof REQUEST_ROWS)[number]]: typeof RequestRowSchema;
  },
);
/** 四: the three column groups of the printed row. */
export const ReviewsTableSchema = z.strictObject(
  Object.fromEntries(REVIEW_ROWS.map((r) => [r, ReviewRowSchema])) as {
    [K in (typeof REVIEW_ROWS)[number]]: typeof ReviewRowSchema;
  },
);
/** 二: the rows and columns of the detected format (dataset.md "Table active"). */
export const ActiveTableSchema = z.strictObject(
  Object.fromEntries(ACTIVE_ROWS.map((r) => [r, ActiveRowSchema.optional()])) as {
    [K in (typeof ACTIVE_ROWS)[number]]: z.ZodOptional<typeof ActiveRowSchema>;
  },
);

export const TablesSchema = z.strictObject({
  active: ActiveTableSchema,
  requests: RequestsTableSchema,
  reviews: ReviewsTableSchema,
});

export const InputFormatSchema = z.enum(['pdf', 'scanned-pdf', 'image', 'html', 'docx', 'doc', 'text']);
export const MethodSchema = z.enum(['text-layer', 'ocr', 'markup', 'text']);
export const FlagSchema = z.enum(['ok', 'blank', 'unreadable', 'missing', 'inferred', 'corrected']);
export const TableKeySchema = z.enum(TABLE_KEYS);
export const TemplateIdSchema = z.enum(TEMPLATE_IDS);

/** A box in page units with a top-left origin (points for PDF, pixels for images). */
export const BBoxSchema = z.strictObject({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});

/** One table cell with its provenance. */
export const CellRecordSchema = z.strictObject({
  table: TableKeySchema,
  row: z.string(),
  column: z.string(),
  value: CellValueSchema,
  raw: z.string(),
  page: z.number().int().positive().nullable(),
  bbox: BBoxSchema.optional(),
  line: z.number().int().positive().optional(),
  /** Markup tables (HTML, Word, ruled PDF grids): 1-based table, row and grid column of the cell. */
  grid: z.strictObject({ table: z.number().int().positive(), row: z.number().int().positive(), column: z.number().int().positive() }).optional(),
  method: MethodSchema,
  confidence: z.number().min(0).max(1),
  flag: FlagSchema,
});

/** One evaluated accounting identity; `expected` is the printed side, `actual` the computed side. */
export const CheckSchema = z.strictObject({
  id: z.string(),
  table: TableKeySchema,
  description: z.string(),
  expected: z.number(),
  actual: z.number(),
  pass: z.boolean(),
  cells: z.array(z.string()),
});

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export const StageSchema = z.enum(['input', 'extract', 'layout', 'tables', 'validate', 'output']);

/** Anything that went wrong or is worth knowing, attached to the file it concerns. */
export const IssueSchema = z.strictObject({
  severity: SeveritySchema,
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  message: z.string(),
  stage: StageSchema,
  page: z.number().int().positive().optional(),
  path: z.array(z.string()).optional(),
});

export const SourceSchema = z.strictObject({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: InputFormatSchema,
  pages: z.number().int().nonnegative().nullable(),
});

export const StatusSchema = z.enum(['ok', 'partial', 'failed']);

/** The kinds of reporting body (issue 17): a government at its level, a department, a development zone. */
export const AgencyLevelSchema = z.enum(['province', 'city', 'county', 'township', 'department', 'development zone']);

/** The report record: one per input document (dataset.md). */
export const ReportRecordSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  source: SourceSchema,
  agency: z.string().nullable(),
  /**
   * Agency identity (src/identity/): the body's fully qualified name, stable across years and name forms;
   * the 6-digit code of its administrative division; the division's names; the body's level. Null when
   * not known or ambiguous (an issue says which); absent in records written before they existed.
   */
  agencyKey: z.string().nullable().optional(),
  divisionCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  province: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  county: z.string().nullable().optional(),
  level: AgencyLevelSchema.nullable().optional(),
  year: z.number().int().nullable(),
  template: TemplateIdSchema.nullable(),
  status: StatusSchema,
  /** How many identities the printed values break, counting only checks whose cells were all read with certainty. */
  sourceErrors: z.number().int().nonnegative(),
  tables: TablesSchema,
  cells: z.array(CellRecordSchema),
  checks: z.array(CheckSchema),
  issues: z.array(IssueSchema),
});

export type CellValue = z.infer<typeof CellValueSchema>;
export type BBox = z.infer<typeof BBoxSchema>;
export type InputFormat = z.infer<typeof InputFormatSchema>;
export type Method = z.infer<typeof MethodSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type CellRecord = z.infer<typeof CellRecordSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Stage = z.infer<typeof StageSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type RequestsTable = z.infer<typeof RequestsTableSchema>;
export type ReviewsTable = z.infer<typeof ReviewsTableSchema>;
export type ActiveTable = z.infer<typeof ActiveTableSchema>;
export type Tables = z.infer<typeof TablesSchema>;
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;

/** The JSON Schema of one line of reports.jsonl (`nianbao schema`). */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
