/**
 * The state an output folder keeps of what was processed: one small file per input's sha256,
 * written atomically the moment that file is done. A run killed at any moment loses nothing that
 * finished; `--incremental` reuses every result made by the same nianbao version.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileResult } from './pipeline.js';
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

/** Loads every stored result of this nianbao version, by sha256. Unreadable entries are ignored (they are redone). */
export async function loadState(outDir: string): Promise<Map<string, FileResult>> {
  const dir = stateDir(outDir);
  const results = new Map<string, FileResult>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return results;
  }
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const stored = JSON.parse(await readFile(join(dir, name), 'utf8')) as StoredResult;
      if (stored.version === TOOL_VERSION && stored.result?.manifest) results.set(stored.sha256, stored.result);
    } catch {
      // A half-written entry cannot exist (atomic writes), but a hand-edited one is simply redone.
    }
  }
  return results;
}

/** Stores one file's result under its sha256. */
export async function saveResult(outDir: string, sha256: string, result: FileResult): Promise<void> {
  const stored: StoredResult = { version: TOOL_VERSION, sha256, result };
  await mkdir(stateDir(outDir), { recursive: true });
  await writeFileAtomic(join(stateDir(outDir), `${sha256}.json`), JSON.stringify(stored));
}
