/**
 * The state an output folder keeps of what was processed: one small file per input's sha256,
 * written atomically the moment that file is done. A run killed at any moment loses nothing that
 * finished; `--incremental` reuses every result made by the same nianbao version.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileResult } from './pipeline.js';
import type { ReportRecord } from './schema/records.js';
import type { ManifestEntry } from './schema/result.js';
import { writeFileAtomic } from './output/write.js';
import { TOOL_VERSION } from './version.js';

/** The state folder inside an output folder. */
export function stateDir(outDir: string): string {
  return join(outDir, '.nianbao', 'state');
}

/** One stored result. */
interface StoredResult {
  version: string;
  sha256: string;
  result: FileResult;
}

/** What the index keeps of a stored result: its manifest entry (the record stays on disk). */
export interface StoredEntry {
  manifest: ManifestEntry;
  hasRecord: boolean;
}

/** The full result (record included). */
function resultPath(outDir: string, sha256: string): string {
  return join(stateDir(outDir), `${sha256}.json`);
}

/** The small index entry beside it: what a later run needs to decide and to write the manifest. */
function entryPath(outDir: string, sha256: string): string {
  return join(stateDir(outDir), `${sha256}.entry`);
}

interface IndexFile {
  version: string;
  sha256: string;
  manifest: ManifestEntry;
  hasRecord: boolean;
}

/**
 * Indexes every stored result of this nianbao version by sha256, reading one file at a time and
 * keeping only its manifest entry, so memory stays flat. Unreadable entries are ignored (redone).
 */
export async function indexState(outDir: string): Promise<Map<string, StoredEntry>> {
  const index = new Map<string, StoredEntry>();
  let names: string[];
  try {
    names = await readdir(stateDir(outDir));
  } catch {
    return index;
  }
  const results = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  for (const name of names.filter((n) => n.endsWith('.entry'))) {
    try {
      const entry = JSON.parse(await readFile(join(stateDir(outDir), name), 'utf8')) as IndexFile;
      // The entry is written after its result, so an entry without a result cannot be trusted.
      if (entry.version === TOOL_VERSION && results.has(entry.sha256)) index.set(entry.sha256, { manifest: entry.manifest, hasRecord: entry.hasRecord });
    } catch {
      // A half-written entry cannot exist (atomic writes), but a hand-edited one is simply redone.
    }
  }
  return index;
}

/** The record stored for a sha256, or null. */
export async function readStoredRecord(outDir: string, sha256: string): Promise<ReportRecord | null> {
  const stored = JSON.parse(await readFile(resultPath(outDir, sha256), 'utf8')) as StoredResult;
  return stored.result.record;
}

/** Stores one file's result under its sha256: the result first, then its index entry. */
export async function saveResult(outDir: string, sha256: string, result: FileResult): Promise<void> {
  const stored: StoredResult = { version: TOOL_VERSION, sha256, result };
  await mkdir(stateDir(outDir), { recursive: true });
  await writeFileAtomic(resultPath(outDir, sha256), JSON.stringify(stored));
  const entry: IndexFile = { version: TOOL_VERSION, sha256, manifest: result.manifest, hasRecord: result.record !== null };
  await writeFileAtomic(entryPath(outDir, sha256), JSON.stringify(entry));
}
