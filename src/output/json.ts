/** JSON outputs: one record per line (reports.jsonl) and the manifest. */
import { ReportRecordSchema, type ReportRecord } from '../schema/records.js';
import { ManifestSchema, type Manifest } from '../schema/result.js';

/** Records as JSON Lines; every record is validated against the schema first. */
export function toJsonLines(records: readonly ReportRecord[]): string {
  return records.map((r) => JSON.stringify(ReportRecordSchema.parse(r)) + '\n').join('');
}

/** The manifest as pretty JSON, validated. */
export function manifestJson(manifest: Manifest): string {
  return JSON.stringify(ManifestSchema.parse(manifest), null, 2) + '\n';
}
