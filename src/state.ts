/**
 * The result cache of an output folder: one result per input's content, keyed by its sha256, the
 * nianbao version and the settings that change a result (OCR on/off, page limit). Written
 * atomically and fsynced the moment a file is done, so a run killed at any moment loses nothing
 * that finished. It is a cache: no run deletes from it. A stored result that cannot be read or
 * does not hold together (schema, its own sha256, table values against cells, checks against their
 * sides) is never fatal: it is redone, with a warning.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FileResult } from './pipeline.js';
import { ReportRecordSchema, type ReportRecord } from './schema/records.js';
import { ManifestEntrySchema, type ManifestEntry } from './schema/result.js';
import { writeFileAtomic } from './output/write.js';
import { TOOL_VERSION } from './version.js';

/** The state folder inside an output folder. */
export function stateDir(outDir: string): string {
  return join(outDir, '.nianbao', 'state');
}

/** What the index keeps of a stored result: its manifest entry and the report's identity (the record stays on disk). */
export interface StoredEntry {
  manifest: ManifestEntry;
  hasRecord: boolean;
  agency: string | null;
  year: number | null;
  /** For a `timeout` result: the limit it ran under (a longer limit tries again). */
  timeoutMs?: number;
}

const IndexFileSchema = z.strictObject({
  version: z.string(),
  settings: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  manifest: ManifestEntrySchema,
  hasRecord: z.boolean(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  timeoutMs: z.number().nonnegative().optional(),
});
type IndexFile = z.infer<typeof IndexFileSchema>;

const StoredResultSchema = z.strictObject({
  version: z.string(),
  settings: z.string(),
  sha256: z.string(),
  result: z.strictObject({ record: z.unknown(), manifest: z.unknown() }),
});

/** The full result (record included). */
function resultPath(outDir: string, sha256: string): string {
  return join(stateDir(outDir), `${sha256}.json`);
}

/** The small index entry beside it, written after it: what a later run needs to decide and to write the manifest. */
function entryPath(outDir: string, sha256: string): string {
  return join(stateDir(outDir), `${sha256}.entry`);
}

/** The index of the cache, and what could not be read in it. */
export interface StateIndex {
  entries: Map<string, StoredEntry>;
  warnings: string[];
}

function reason(error: unknown): string {
  if (error instanceof z.ZodError) return `invalid (${error.issues[0]?.path.join('.') ?? ''}: ${error.issues[0]?.message ?? ''})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Indexes every stored result made by this version with these settings, reading one small entry
 * at a time, so memory stays flat. An entry that cannot be read or fails its schema is a warning
 * and its file is processed again.
 */
export async function indexState(outDir: string, settings: string): Promise<StateIndex> {
  const entries = new Map<string, StoredEntry>();
  const warnings: string[] = [];
  let names: string[];
  try {
    names = await readdir(stateDir(outDir));
  } catch {
    return { entries, warnings };
  }
  const results = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  for (const name of names.filter((n) => n.endsWith('.entry'))) {
    let entry: IndexFile;
    try {
      const raw = JSON.parse(await readFile(join(stateDir(outDir), name), 'utf8')) as { version?: unknown; settings?: unknown };
      // Another version's entry (or an older layout's, without settings) is a cache miss, not damage.
      if (raw.version !== TOOL_VERSION || typeof raw.settings !== 'string') continue;
      entry = IndexFileSchema.parse(raw);
    } catch (error) {
      warnings.push(`stored result ${name} is unreadable, ${reason(error)}: its file is processed again`);
      continue;
    }
    // The entry is written after its result, so an entry without a result cannot be trusted.
    if (entry.version !== TOOL_VERSION || entry.settings !== settings || !results.has(entry.sha256) || `${entry.sha256}.entry` !== name) continue;
    const stored: StoredEntry = { manifest: entry.manifest, hasRecord: entry.hasRecord, agency: entry.agency, year: entry.year };
    if (entry.timeoutMs !== undefined) stored.timeoutMs = entry.timeoutMs;
    entries.set(entry.sha256, stored);
  }
  return { entries, warnings };
}

/** Throws when a record does not hold together: values edited by hand, a record of other bytes. */
function checkRecord(record: ReportRecord, sha256: string, entry: StoredEntry): void {
  if (record.source.sha256 !== sha256) throw new Error('it holds the record of other bytes');
  if (record.status !== entry.manifest.status) throw new Error(`its status ${record.status} is not its index's ${entry.manifest.status}`);
  const tables = record.tables as Record<string, Record<string, Record<string, number | null | undefined> | undefined>>;
  for (const cell of record.cells) {
    const value = tables[cell.table]?.[cell.row]?.[cell.column];
    if (value !== undefined && value !== cell.value) throw new Error(`${cell.table}.${cell.row}.${cell.column} is ${String(value)} in the table but ${String(cell.value)} in its cell`);
  }
  for (const check of record.checks) {
    // Amounts may pass within rounding; a count check that passes with sides apart, or fails with equal sides, was edited.
    if (check.pass ? Math.abs(check.expected - check.actual) > 1 : check.expected === check.actual) throw new Error(`check ${check.id} does not agree with its sides`);
  }
}

/** The record stored for a sha256, validated; throws (with the reason) when it cannot be trusted. */
export async function readStoredRecord(outDir: string, sha256: string, entry: StoredEntry): Promise<ReportRecord | null> {
  const stored = StoredResultSchema.parse(JSON.parse(await readFile(resultPath(outDir, sha256), 'utf8')));
  if (stored.sha256 !== sha256) throw new Error('it is stored under another sha256');
  if (stored.result.record === null) {
    if (entry.hasRecord) throw new Error('its record is missing');
    return null;
  }
  const record = ReportRecordSchema.parse(stored.result.record);
  checkRecord(record, sha256, entry);
  return record;
}

/** Reads a stored record for the dataset; a result that cannot be trusted gives its reason instead. */
export async function tryStoredRecord(outDir: string, sha256: string, entry: StoredEntry): Promise<{ record: ReportRecord | null } | { problem: string }> {
  try {
    return { record: await readStoredRecord(outDir, sha256, entry) };
  } catch (error) {
    return { problem: reason(error) };
  }
}

/** Stores one file's result under its sha256: the result first, then its index entry. */
export async function saveResult(outDir: string, sha256: string, settings: string, result: FileResult, extra: { timeoutMs?: number } = {}): Promise<StoredEntry> {
  await mkdir(stateDir(outDir), { recursive: true });
  await writeFileAtomic(resultPath(outDir, sha256), JSON.stringify({ version: TOOL_VERSION, settings, sha256, result }));
  const entry: IndexFile = {
    version: TOOL_VERSION,
    settings,
    sha256,
    manifest: result.manifest,
    hasRecord: result.record !== null,
    agency: result.record?.agency ?? null,
    year: result.record?.year ?? null,
    ...extra,
  };
  await writeFileAtomic(entryPath(outDir, sha256), JSON.stringify(entry));
  const { version: _v, settings: _s, sha256: _h, ...stored } = entry;
  return stored;
}
