/**
 * Expands what the user names into a list of files: paths, folders (recursive, hidden entries
 * skipped, symlink loops broken), glob patterns and list files (`--from list.txt`, `-` for stdin).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Reads a list file (one path per line; `-` is standard input); blank lines and # comments skipped. */
export async function readListFile(path: string): Promise<string[]> {
  const text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Expands inputs to files, in a stable order; a path that does not exist is kept (it fails later, visibly). */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const seenDirs = new Set<string>();
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path);
      files.push(path);
    }
  };
  const walk = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      add(path); // processFile records the error for this path
      return;
    }
    if (!info.isDirectory()) {
      add(path);
      return;
    }
    const key = `${info.dev}:${info.ino}`;
    if (seenDirs.has(key)) return; // a symlink loop, or a folder named twice
    seenDirs.add(key);
    let entries: string[];
    try {
      entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
    } catch {
      add(path);
      return;
    }
    for (const entry of entries) await walk(join(path, entry));
  };
  for (const input of inputs) {
    // A path that exists is taken literally, even with glob characters in its name ("报告(1).pdf").
    const exists = await stat(input).then(
      () => true,
      () => false,
    );
    if (!exists && isDynamicPattern(input)) {
      const matches = (await glob(input, { onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
      for (const match of matches) add(match);
    } else {
      await walk(input);
    }
  }
  return files;
}
