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

function entryPath(outDir: string, sha256: string): string {
  return join(stateDir(outDir), `${sha256}.json`);
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
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const stored = JSON.parse(await readFile(join(stateDir(outDir), name), 'utf8')) as StoredResult;
      if (stored.version === TOOL_VERSION && stored.result?.manifest) index.set(stored.sha256, { manifest: stored.result.manifest, hasRecord: stored.result.record !== null });
    } catch {
      // A half-written entry cannot exist (atomic writes), but a hand-edited one is simply redone.
    }
  }
  return index;
}

/** The record stored for a sha256, or null. */
export async function readStoredRecord(outDir: string, sha256: string): Promise<ReportRecord | null> {
  const stored = JSON.parse(await readFile(entryPath(outDir, sha256), 'utf8')) as StoredResult;
  return stored.result.record;
}

/** Stores one file's result under its sha256. */
export async function saveResult(outDir: string, sha256: string, result: FileResult): Promise<void> {
  const stored: StoredResult = { version: TOOL_VERSION, sha256, result };
  await mkdir(stateDir(outDir), { recursive: true });
  await writeFileAtomic(entryPath(outDir, sha256), JSON.stringify(stored));
}
