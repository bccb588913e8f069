/**
 * Adds the agency identity to a built record (called by the pipeline once the record exists, so the
 * record builder stays about tables): the identity fields after `agency`, and an info issue where a
 * field had to be left empty.
 */
import { makeIssue } from '../model/issues.js';
import type { ReportRecord } from '../schema/records.js';
import { identifyAgency } from './agency.js';

/** The record with `agencyKey`, `divisionCode`, `province`, `city`, `county` and `level` filled from its name, path and text. */
export function withIdentity(record: ReportRecord, text: string): ReportRecord {
  const { identity, notes } = identifyAgency(record.agency, { path: record.source.path, text });
  const { id, source, agency, ...rest } = record;
  return {
    id,
    source,
    agency,
    ...identity,
    ...rest,
    issues: [...record.issues, ...notes.map((n) => makeIssue('info', 'validate', n.code, n.message))],
  };
}
