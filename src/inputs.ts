/**
 * Expands what the user names into a list of files: paths, folders (recursive, hidden entries
 * skipped, symlink loops broken), glob patterns and list files (`--from list.txt`, `-` for stdin,
 * NUL-separated with `-0`). Names are kept as bytes where they are not valid UTF-8, so a file whose
 * name a scraper wrote in GBK is still read; its display path escapes the bad bytes (`\xNN`).
 */
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

/** One input file: how it is shown (manifest, dataset) and how the file system reaches it. */
export interface InputFile {
  /** The path as text; invalid UTF-8 bytes of the name appear as `\xNN`. */
  path: string;
  /** What to open: the same string, or the name's raw bytes when they are not UTF-8. */
  fsPath: string | Buffer;
}

/** A file found but left out on purpose, reported in the manifest as `skipped`. */
export interface SkippedInput {
  path: string;
  code: 'not_a_report_file' | 'symlink_outside_input';
  message: string;
}

/** Options of the expansion. */
export interface ExpandOptions {
  /** Globs a file must match (any of them) to be taken; matched against the path given and the path below its input folder (a pattern without a slash: against the file name). */
  include?: readonly string[];
  /** Globs that leave a file out (it is not in the manifest at all). */
  exclude?: readonly string[];
  /** Follow symlinks found inside a folder that lead out of it (off: they are reported as skipped). */
  followSymlinks?: boolean;
  /** Never read this folder (the output folder), however it is reached. */
  outDir?: string;
}

/** What the inputs came to. */
export interface ExpandedInputs {
  files: InputFile[];
  skipped: SkippedInput[];
  /** Inputs that name nothing: a path that does not exist, a glob without a match, an empty folder. */
  unmatched: string[];
}

/**
 * Kinds of file that sit beside scraped reports but are never reports (listings, metadata, archives,
 * spreadsheets, media). They are `skipped`, not `failed`: a nightly job must not fail on them.
 */
const NOT_REPORT_EXTENSIONS = new Set([
  'json', 'jsonl', 'csv', 'tsv', 'xml', 'rss', 'js', 'mjs', 'css', 'map', 'zip', 'rar', '7z', 'gz', 'tgz', 'bz2', 'xz', 'tar',
  'xls', 'xlsx', 'ppt', 'pptx', 'mp3', 'mp4', 'avi', 'mov', 'wav', 'exe', 'dll', 'so', 'woff', 'woff2', 'ttf', 'ico', 'svg', 'log', 'tmp', 'part', 'crdownload',
]);

/** True when a file's name says it is not a report (`.json`, `.csv`, `.zip` beside the downloads). */
export function isNotReportName(path: string): boolean {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return false;
  return NOT_REPORT_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** An input path from raw bytes (a list file, a folder entry): a string when valid UTF-8, else the bytes, shown with every byte above 0x7f as `\xNN`. */
function inputFromBytes(bytes: Buffer): InputFile {
  try {
    const path = UTF8.decode(bytes);
    return { path, fsPath: path };
  } catch {
    const path = [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
    return { path, fsPath: Buffer.from(bytes) };
  }
}

/** Reads a list file (one path per line, or NUL-separated with `nul`; `-` is standard input); blank lines and # comments skipped. */
export async function readListFile(path: string, nul = false): Promise<InputFile[]> {
  const bytes = path === '-' ? await readStdin() : await readFile(path);
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || (nul ? bytes[i] === 0 : bytes[i] === 0x0a);
    if (!end) continue;
    let part = bytes.subarray(start, i);
    start = i + 1;
    if (!nul) {
      // Line lists: trimmed, CRLF tolerated, comments allowed. NUL lists are taken byte for byte.
      const text = part.toString('latin1');
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const from = text.indexOf(trimmed);
      part = part.subarray(from, from + trimmed.length);
    }
    if (part.length > 0) parts.push(Buffer.from(part));
  }
  return parts.map(inputFromBytes);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function joinBytes(dir: string | Buffer, name: Buffer): string | Buffer {
  const prefix = Buffer.isBuffer(dir) ? dir : Buffer.from(dir);
  const withSep = prefix.length > 0 && prefix[prefix.length - 1] !== 0x2f ? Buffer.concat([prefix, Buffer.from('/')]) : prefix;
  return inputFromBytes(Buffer.concat([withSep, name])).fsPath;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Expands inputs to files, in a stable order; a named path that does not exist is kept (it fails later, visibly). */
export async function expandInputs(inputs: readonly (string | InputFile)[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const seenDirs = new Set<string>();
  const outReal = options.outDir ? await realpath(options.outDir).catch(() => resolve(options.outDir as string)) : null;
  const include = options.include?.length ? picomatch([...options.include], { dot: true, basename: true }) : null;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true, basename: true }) : null;
  // A file is matched by its path as found and by its path below the input folder it came from.
  const chosen = (file: InputFile, root: string | null): boolean => {
    const names = [file.path];
    if (root !== null) names.push(relative(root, file.path));
    if (exclude && names.some((n) => exclude(n))) return false;
    return include === null || names.some((n) => include(n));
  };
  const add = async (file: InputFile, root: string | null): Promise<void> => {
    if (seen.has(file.path) || !chosen(file, root)) return;
    seen.add(file.path);
    if (outReal !== null) {
      const real = await realpath(file.fsPath).catch(() => null);
      // The output folder is never its own input, whether named directly or through a symlink.
      if (real !== null && isInside(String(real), outReal)) return;
    }
    if (isNotReportName(file.path)) {
      skipped.push({ path: file.path, code: 'not_a_report_file', message: 'not a report by its name (listing, archive, spreadsheet or media file)' });
      return;
    }
    files.push(file);
  };
  const walk = async (fsPath: string | Buffer, root: string, rootReal: string): Promise<number> => {
    const shown = Buffer.isBuffer(fsPath) ? inputFromBytes(fsPath).path : fsPath;
    let info;
    try {
      info = await lstat(fsPath);
    } catch {
      return 0;
    }
    if (info.isSymbolicLink()) {
      const target = await realpath(fsPath).catch(() => null);
      if (target === null) return 0; // a dangling link names nothing
      if (!isInside(String(target), rootReal) && !options.followSymlinks) {
        if (chosen({ path: shown, fsPath }, root)) {
          skipped.push({ path: shown, code: 'symlink_outside_input', message: `a symlink to ${String(target)}, outside the input folder (--follow-symlinks reads it)` });
        }
        return 0;
      }
      info = await stat(fsPath);
    }
    if (!info.isDirectory()) {
      await add({ path: shown, fsPath }, root);
      return 1;
    }
    const key = `${info.dev}:${info.ino}`;
    if (seenDirs.has(key)) return 0; // a symlink loop, or a folder named twice
    seenDirs.add(key);
    let entries: Buffer[];
    try {
      entries = (await readdir(fsPath, { encoding: 'buffer' })).filter((e) => e[0] !== 0x2e).sort(Buffer.compare);
    } catch {
      await add({ path: shown, fsPath }, root);
      return 1;
    }
    let found = 0;
    for (const entry of entries) found += await walk(joinBytes(fsPath, entry), root, rootReal);
    return found;
  };
  for (const input of inputs) {
    const file: InputFile = typeof input === 'string' ? { path: input, fsPath: input } : input;
    // A path that exists is taken literally, even with glob characters in its name ("报告(1).pdf").
    const info = await stat(file.fsPath).catch(() => null);
    if (info === null && typeof file.fsPath === 'string' && isDynamicPattern(file.fsPath)) {
      const matches = (await glob(file.fsPath, { onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
      if (matches.length === 0) unmatched.push(file.path);
      for (const match of matches) await add({ path: match, fsPath: match }, null);
    } else if (info === null) {
      unmatched.push(file.path);
      await add(file, null); // processFile records the error for this path
    } else if (info.isDirectory()) {
      const rootReal = await realpath(file.fsPath);
      if ((await walk(file.fsPath, file.path, String(rootReal))) === 0) unmatched.push(file.path);
    } else {
      await add(file, null);
    }
  }
  return { files, skipped, unmatched };
}
