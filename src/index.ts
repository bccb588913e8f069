/** The library surface of nianbao: the same pipeline as the CLI. */
export { extractFile, processFile, processBytes, type FileResult } from './pipeline.js';
export { runBatch, expandInputs, type BatchOptions } from './batch.js';
export { reportJsonSchema, ReportRecordSchema } from './schema/records.js';
export type { ReportRecord, CellRecord, Check, Issue, Tables, Status } from './schema/records.js';
export type { BatchSummary, Manifest, ManifestEntry } from './schema/result.js';
export * from './schema/keys.js';
