/** The library surface of nianbao: the same pipeline as the CLI. */
export { extractFile, processFile, processBytes, DEFAULT_PROCESS_OPTIONS, type FileResult, type ProcessOptions } from './pipeline.js';
export { runBatch, expandInputs, BatchError, DEFAULT_BATCH_OPTIONS, type BatchOptions } from './batch.js';
export { readListFile, type InputFile } from './inputs.js';
export { closeOcr } from './extract/ocr/lifecycle.js';
export { generateReports, scoreRecord, scoreTables, LAYOUTS, type GeneratedFile, type Layout, type ReportSpec } from './generate/index.js';
export { reportJsonSchema, ReportRecordSchema } from './schema/records.js';
export type { ReportRecord, CellRecord, Check, Issue, Tables, Status } from './schema/records.js';
export type { BatchSummary, FailureNote, Manifest, ManifestEntry } from './schema/result.js';
export * from './schema/keys.js';
