#!/usr/bin/env node
/**
 * nianbao's command line: `extract` a batch into a dataset, `show` one report, print the record
 * `schema`, `generate` synthetic reports. Exit codes are documented in EXIT_CODES_HELP.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchError, DEFAULT_BATCH_OPTIONS, MAX_TIMEOUT_SECONDS, runBatch } from './batch.js';
import { CLASSIC_LAYOUTS, generateReports, LAYOUTS, type Layout } from './generate/index.js';
import { readListFile, type InputFile } from './inputs.js';
import { createProgress, type Progress } from './progress.js';
import { writeFileAtomic } from './output/write.js';
import type { BatchSummary } from './schema/result.js';
import { describedJsonSchema } from './output/schema-docs.js';
import { showReport } from './output/show.js';
import { TOOL_VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;
/** sysexits EX_CANTCREAT: the output folder cannot be written. */
export const EXIT_OUTPUT = 73;
/** sysexits EX_TEMPFAIL: another run holds the output folder; try later. */
export const EXIT_LOCKED = 75;
/** Stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

const EXIT_CODES_HELP = `Exit codes: 0 every new or changed input was read (ok or partial; failures kept from earlier runs do
not count), 1 some new or changed input failed (or was partial, with --fail-on partial), 2 usage error
(also: inputs that match nothing, an output folder holding a dataset of other inputs), 70 internal error,
73 the output folder cannot be written, 75 another run is writing the output folder, 130 stopped by Ctrl-C.`;

const EXTRACT_HELP = `Usage: nianbao extract <files, folders or globs...> [options]

Reads reports into a dataset in the output folder. A folder that already holds a dataset of other
inputs is refused unless --incremental or --overwrite says what to do with it.

Options:
  -o, --out DIR          output folder (default: ${DEFAULT_BATCH_OPTIONS.outDir}/)
      --from FILE        also read input paths from FILE, one per line (- for standard input)
  -0, --null             --from lists are NUL-separated (find -print0), names taken byte for byte
      --incremental      add to the dataset in the output folder: its other inputs stay, an input
                         path already there is replaced by its newest version
      --prune            with --incremental: drop the dataset's inputs whose files no longer exist
      --overwrite        replace a dataset of other inputs with exactly these inputs
      --retry-failed     process again files whose stored result is a failure (timeouts and crashes
                         included; without it a failure is reused until the file's bytes change)
      --include GLOB     only files matching GLOB (repeatable; matched against the path and the path
                         below its input folder, a GLOB without a slash against the file name: '*.pdf')
      --exclude GLOB     leave out files matching GLOB (repeatable)
      --follow-symlinks  read symlinks in an input folder that lead out of it (default: skipped, listed)
  -j, --jobs N           files processed at once, each in its own process (default: ${DEFAULT_BATCH_OPTIONS.jobs}, the
                         number of cores; fewer when free memory cannot hold N × --memory)
      --timeout SEC      give up on a file after SEC seconds (default ${DEFAULT_BATCH_OPTIONS.timeoutMs / 1000}; 0: no limit; at most ${MAX_TIMEOUT_SECONDS})
      --memory MIB       memory one file may take; its process is stopped past it (default ${DEFAULT_BATCH_OPTIONS.memoryMb})
      --max-pages N      refuse PDFs with more pages (default ${DEFAULT_BATCH_OPTIONS.process.maxPages})
      --max-bytes N      refuse files larger than N bytes (default ${DEFAULT_BATCH_OPTIONS.process.maxBytes})
      --no-ocr           do not OCR scanned PDFs and images (they fail with ocr_required)
      --fail-on LEVEL    exit 1 when a new or changed file is "failed" (default) or also "partial"
      --excel            CSVs for spreadsheet apps: a UTF-8 BOM, and text that would start a formula
                         (= + - @) gets a leading apostrophe
  -q, --quiet            no progress, only the summary

Writes: reports.jsonl, reports.csv, requests.csv, reviews.csv, active.csv, cells.csv, checks.csv,
codebook.csv, manifest.json, and .nianbao/ (the result cache and the dataset's generations). The
dataset is switched whole at the end; a run stopped at any moment leaves the previous one whole and
keeps every result it finished: run the same command again to go on.

Examples:
  nianbao extract samples/
  nianbao extract 'reports/**/*.pdf' --out data --excel
  nianbao extract /srv/scraped --incremental --prune --out /srv/dataset       # the nightly job
  find /srv/scraped -name '*.pdf' -print0 | nianbao extract --from - -0 --out data

${EXIT_CODES_HELP}
`;

const GENERATE_HELP = `Usage: nianbao generate --out DIR [--count N] [--seed S] [--layouts a,b]

Writes synthetic reports whose values obey the identities (for tests, samples and benchmarks).

Options:
  -o, --out DIR      where to write (required)
      --count N      how many reports (default 12)
      --seed S       the generator's seed (default 1)
      --layouts a,b  layouts to draw from (default: the first ${CLASSIC_LAYOUTS.length} of ${LAYOUTS.join(', ')};
                     the others are the damaged layouts of real reports)
`;

const HELP = `nianbao ${TOOL_VERSION}: 政府信息公开工作年度报告 → checked datasets

Usage:
  nianbao extract <files, folders or globs...> [options]    read reports into a dataset
  nianbao show <file> [--json]     one report's tables as printed, each cell's flag marked
  nianbao schema                   the JSON Schema of one line of reports.jsonl, every field described
  nianbao generate --out DIR [--count N] [--seed S] [--layouts a,b]
  nianbao <command> --help | nianbao --help | nianbao --version

${EXTRACT_HELP.split('\n').slice(4).join('\n')}`;

const HINT = 'Run "nianbao --help" (or "nianbao <command> --help") for the options.';

/** A usage error: one line saying what is wrong, one hint line. */
function usage(message: string): number {
  process.stderr.write(`nianbao: ${message}\n${HINT}\n`);
  return EXIT_USAGE;
}

/** The exit code of a finished batch: about this run's new and changed inputs only. */
export function exitCodeFor(summary: BatchSummary, failOn: 'failed' | 'partial' = 'failed'): number {
  const run = summary.thisRun;
  return run.failed > 0 || (failOn === 'partial' && run.partial > 0) ? EXIT_SOME_FAILED : EXIT_OK;
}

/** `nianbao generate`: synthetic reports for tests, samples and benchmarks. */
async function generate(values: { out?: string; count?: string; seed?: string; layouts?: string }): Promise<number> {
  const count = Number(values.count ?? '12');
  const seed = Number(values.seed ?? '1');
  const layouts = (values.layouts?.split(',') ?? [...CLASSIC_LAYOUTS]) as Layout[];
  if (!values.out) return usage('generate needs --out DIR');
  if (!Number.isInteger(count) || count < 1) return usage(`--count takes a positive integer, not "${values.count}"`);
  if (!Number.isInteger(seed)) return usage(`--seed takes an integer, not "${values.seed}"`);
  const unknown = layouts.filter((l) => !LAYOUTS.includes(l));
  if (unknown.length > 0) return usage(`unknown layout ${unknown.join(', ')}; layouts are ${LAYOUTS.join(', ')}`);
  for (const file of generateReports(count, { seed, layouts })) await writeFileAtomic(join(values.out, file.name), file.bytes);
  process.stdout.write(`${count} reports → ${values.out}/\n`);
  return EXIT_OK;
}

/** The summary lines of a batch. */
export function summaryText(summary: BatchSummary): string {
  const lines: string[] = [];
  const extra = [
    summary.reused > 0 ? `${summary.reused} unchanged, reused` : '',
    summary.skipped > 0 ? `${summary.skipped} skipped` : '',
    summary.duplicates > 0 ? `${summary.duplicates} duplicate paths` : '',
  ].filter((x) => x !== '');
  const checks = Object.entries(summary.failedChecks)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  lines.push(
    `${summary.files} files: ${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed` +
      (extra.length > 0 ? ` (${extra.join(', ')})` : '') +
      (checks ? `; failed checks: ${checks}` : '') +
      ` → ${summary.outDir}/ in ${(summary.milliseconds / 1000).toFixed(1)} s` +
      (summary.written ? '' : ' (dataset unchanged)'),
  );
  const run = summary.thisRun;
  if (run.files !== summary.files) lines.push(`this run: ${run.files} new or changed: ${run.ok} ok, ${run.partial} partial, ${run.failed} failed`);
  const shown = summary.failures.slice(0, 5);
  for (const f of shown) lines.push(`  failed: ${f.path} (${f.code}): ${f.message}`);
  if (summary.failures.length > shown.length) lines.push(`  … and ${summary.failures.length - shown.length} more failed (manifest.json, reports.csv)`);
  if (summary.earlierFailures > 0) lines.push(`${summary.earlierFailures} failed files kept from earlier runs (not counted in the exit code; --retry-failed tries them again)`);
  for (const g of summary.sameReport.slice(0, 5)) lines.push(`same agency and year under ${g.paths.length} paths (other bytes): ${g.agency} ${g.year}: ${g.paths.join(', ')}`);
  if (summary.sameReport.length > 5) lines.push(`  … and ${summary.sameReport.length - 5} more agency-year pairs under several paths`);
  if (summary.gone > 0) lines.push(`${summary.gone} files of the dataset no longer exist; kept (--prune drops them)`);
  if (summary.pruned > 0) lines.push(`${summary.pruned} files that no longer exist were dropped (--prune)`);
  return lines.join('\n') + '\n';
}

const EXTRACT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  excel: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  from: { type: 'string', multiple: true },
  null: { type: 'boolean', short: '0' },
  incremental: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  prune: { type: 'boolean' },
  'retry-failed': { type: 'boolean' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'follow-symlinks': { type: 'boolean' },
  timeout: { type: 'string' },
  memory: { type: 'string' },
  'max-pages': { type: 'string' },
  'max-bytes': { type: 'string' },
  'fail-on': { type: 'string' },
  'no-ocr': { type: 'boolean' },
} as const;

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  out: { type: 'string', short: 'o' },
  count: { type: 'string' },
  seed: { type: 'string' },
  layouts: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** A whole number within bounds, or the message that says why not. */
function integerOption(name: string, text: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !Number.isInteger(n)) return `--${name} takes a whole number, not "${text}"`;
  if (n < min) return `--${name} must be at least ${min}, not ${text}`;
  if (n > max) return `--${name} must be at most ${max}, not ${text}`;
  return n;
}

async function extract(values: Record<string, string | boolean | string[] | undefined>, inputs: string[]): Promise<number> {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const list = (k: string): string[] => (values[k] as string[] | undefined) ?? [];
  const flag = (k: string): boolean => values[k] === true;
  const jobs = integerOption('jobs', str('jobs'), DEFAULT_BATCH_OPTIONS.jobs, 1, 1024);
  const timeout = integerOption('timeout', str('timeout'), DEFAULT_BATCH_OPTIONS.timeoutMs / 1000, 0, MAX_TIMEOUT_SECONDS);
  const memory = integerOption('memory', str('memory'), DEFAULT_BATCH_OPTIONS.memoryMb, 64);
  const maxPages = integerOption('max-pages', str('max-pages'), DEFAULT_BATCH_OPTIONS.process.maxPages, 1);
  const maxBytes = integerOption('max-bytes', str('max-bytes'), DEFAULT_BATCH_OPTIONS.process.maxBytes, 1);
  for (const v of [jobs, timeout, memory, maxPages, maxBytes]) if (typeof v === 'string') return usage(v);
  const failOn = str('fail-on') ?? 'failed';
  if (failOn !== 'failed' && failOn !== 'partial') return usage(`--fail-on takes "failed" or "partial", not "${failOn}"`);
  if (flag('prune') && !flag('incremental')) return usage('--prune goes with --incremental (a plain run already describes exactly its inputs)');
  if (flag('overwrite') && flag('incremental')) return usage('--overwrite replaces the dataset and --incremental adds to it: give one');
  const listed: InputFile[] = [];
  for (const from of list('from')) {
    try {
      listed.push(...(await readListFile(from, flag('null'))));
    } catch (error) {
      return usage(`cannot read the list --from ${from}: ${(error as Error).message}`);
    }
  }
  if (inputs.length === 0 && list('from').length === 0) return usage('extract needs at least one file, folder, glob or --from list');
  if (inputs.length === 0 && listed.length === 0) return usage(`the lists ${list('from').join(', ')} name no file`);

  const mode = flag('quiet') ? 'quiet' : process.stderr.isTTY ? 'bar' : 'log';
  let progress: Progress | undefined;
  const controller = new AbortController();
  let outDir = str('out') ?? DEFAULT_BATCH_OPTIONS.outDir;
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED); // a second Ctrl-C: stop now
    progress?.stop();
    if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\x1b[?7h');
    process.stderr.write(`\nnianbao: stopping (Ctrl-C again to quit at once)…\n`);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    const summary = await runBatch([...inputs, ...listed], {
      ...DEFAULT_BATCH_OPTIONS,
      outDir,
      excel: flag('excel'),
      jobs: jobs as number,
      incremental: flag('incremental'),
      overwrite: flag('overwrite'),
      prune: flag('prune'),
      retryFailed: flag('retry-failed'),
      followSymlinks: flag('follow-symlinks'),
      include: list('include'),
      exclude: list('exclude'),
      timeoutMs: (timeout as number) * 1000,
      memoryMb: memory as number,
      process: { maxPages: maxPages as number, maxBytes: maxBytes as number, ocr: !flag('no-ocr') },
      onStart: (total) => {
        progress = createProgress(total, mode);
      },
      onFile: (manifest) => progress?.tick(manifest.path, manifest.status),
      signal: controller.signal,
    });
    progress?.stop();
    for (const warning of summary.warnings) process.stderr.write(`nianbao: warning: ${warning}\n`);
    outDir = summary.outDir;
    process.stdout.write(summaryText(summary));
    return exitCodeFor(summary, failOn);
  } catch (error) {
    progress?.stop();
    if (!(error instanceof BatchError)) throw error;
    if (error.kind === 'usage') return usage(error.message);
    process.stderr.write(`nianbao: ${error.message}\n`);
    return error.kind === 'output' ? EXIT_OUTPUT : error.kind === 'locked' ? EXIT_LOCKED : EXIT_INTERRUPTED;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** `--jobs -3` as `--jobs=-3`: a negative number is a value to check, not an unknown option. */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Runs the CLI with argv (without node and script); returns the exit code. */
export async function main(rawArgv: readonly string[]): Promise<number> {
  const argv = joinNegativeValues(rawArgv);
  const command = argv.find((a) => !a.startsWith('-'));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: command === 'extract' ? { ...COMMON_OPTIONS, ...EXTRACT_OPTIONS } : COMMON_OPTIONS });
  } catch (error) {
    return usage((error as Error).message.split('\n')[0] ?? 'bad option');
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const [, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    const topic = command === 'help' ? rest[0] : command;
    process.stdout.write(topic === 'extract' ? EXTRACT_HELP : topic === 'generate' ? GENERATE_HELP : HELP);
    return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'schema') {
    process.stdout.write(JSON.stringify(describedJsonSchema(), null, 2) + '\n');
    return EXIT_OK;
  }
  if (command === 'generate') return generate(values);
  if (command === 'show') {
    if (rest.length !== 1) return usage('show takes one file: nianbao show <file> [--json]');
    return showReport(rest[0] as string, { json: values.json === true });
  }
  if (command !== 'extract') return usage(`unknown command "${command}"; commands are extract, show, schema, generate`);
  return extract(values as Record<string, string | boolean | string[] | undefined>, rest);
}

// Run when executed directly (not when imported by tests).
const invokedAs = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:cli\.js|nianbao)$/.test(invokedAs)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`nianbao: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
