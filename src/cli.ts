#!/usr/bin/env node
/**
 * nianbao's command line: `extract` a batch into a dataset, print the record `schema`.
 * Exit codes: 0 every file read (ok or partial), 1 some file failed, 2 usage error.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BATCH_OPTIONS, runBatch } from './batch.js';
import { CLASSIC_LAYOUTS, generateReports, LAYOUTS, type Layout } from './generate/index.js';
import { readListFile } from './inputs.js';
import { createProgress, type Progress } from './progress.js';
import { writeFileAtomic } from './output/write.js';
import { reviewCommand, REVIEW_USAGE } from './review/command.js';
import { reportJsonSchema } from './schema/records.js';
import type { BatchSummary } from './schema/result.js';
import { TOOL_VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

const HELP = `nianbao ${TOOL_VERSION}: 政府信息公开工作年度报告 → checked datasets

Usage:
  nianbao extract <files, folders or globs...> [options]
  nianbao schema              print the JSON Schema of one line of reports.jsonl
  nianbao generate --out DIR [--count N] [--seed S] [--layouts a,b]
                              write synthetic test reports (values obey the identities)
${REVIEW_USAGE.trimEnd()}
  nianbao --help | --version

Options of extract:
  -o, --out DIR         output folder (default: output/)
      --from FILE       also read input paths from FILE, one per line (- for standard input)
      --incremental     reuse results stored in the output folder for unchanged files (same sha256 and
                        nianbao version) and add the new ones; the outputs cover all of them
  -j, --jobs N          files processed at once, each in a worker thread (default: number of cores)
      --timeout SEC     give up on a file after SEC seconds (default 120; 0: no limit)
      --max-pages N     refuse PDFs with more pages (default 300)
      --max-bytes N     refuse files larger than N bytes (default 200000000)
      --no-ocr          do not OCR scanned PDFs and images (they fail with ocr_required)
      --fail-on LEVEL   exit 1 when a file is "failed" (default) or also when one is "partial"
      --excel           write CSVs with a UTF-8 BOM so spreadsheet apps show Chinese correctly
  -q, --quiet           no progress, only the summary

Writes: reports.jsonl, requests.csv, reviews.csv, active.csv, cells.csv, checks.csv, manifest.json
(and .nianbao/state/, what --incremental reuses). A run killed at any moment loses nothing it had
finished: run it again with --incremental.

Examples:
  nianbao extract samples/
  nianbao extract 'reports/**/*.pdf' --out data --excel
  find /srv/scraped -newer last-run -type f | nianbao extract --from - --incremental --out /srv/dataset
  nianbao schema > report.schema.json
  nianbao generate --count 200 --seed 7 --out /tmp/reports

Layouts for generate: ${LAYOUTS.join(', ')}
(default: the first ${CLASSIC_LAYOUTS.length}; the others are the damaged layouts of real reports, issue 13)

Exit codes: 0 every file read (ok or partial), 1 some file failed (or partial, with --fail-on partial),
2 usage error.
`;

/** The exit code of a finished batch: 1 when any file failed (or was partial, with --fail-on partial). */
export function exitCodeFor(summary: BatchSummary, failOn: 'failed' | 'partial' = 'failed'): number {
  return summary.failed > 0 || (failOn === 'partial' && summary.partial > 0) ? EXIT_SOME_FAILED : EXIT_OK;
}

/** `nianbao generate`: synthetic reports for tests, samples and benchmarks. */
async function generate(values: { out?: string; count?: string; seed?: string; layouts?: string }): Promise<number> {
  const count = Number(values.count ?? '12');
  const seed = Number(values.seed ?? '1');
  const layouts = (values.layouts?.split(',') ?? [...CLASSIC_LAYOUTS]) as Layout[];
  if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || layouts.some((l) => !LAYOUTS.includes(l))) {
    process.stderr.write(`nianbao: generate needs --out DIR, a positive --count, an integer --seed and layouts among ${LAYOUTS.join(', ')}\n`);
    return EXIT_USAGE;
  }
  for (const file of generateReports(count, { seed, layouts })) await writeFileAtomic(join(values.out, file.name), file.bytes);
  process.stdout.write(`${count} reports → ${values.out}/\n`);
  return EXIT_OK;
}

/** Runs the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'review') return reviewCommand(argv.slice(1)); // its own arguments (src/review/command.ts)
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        excel: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        count: { type: 'string' },
        from: { type: 'string', multiple: true },
        incremental: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-pages': { type: 'string' },
        'max-bytes': { type: 'string' },
        'fail-on': { type: 'string' },
        'no-ocr': { type: 'boolean' },
        seed: { type: 'string' },
        layouts: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`nianbao: ${(error as Error).message}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'schema') {
    process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
    return EXIT_OK;
  }
  if (command === 'generate') return generate(values);
  if (command !== 'extract') {
    process.stderr.write(`nianbao: unknown command "${command}"\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const lists: string[] = [];
  try {
    for (const list of values.from ?? []) lists.push(...(await readListFile(list)));
  } catch (error) {
    process.stderr.write(`nianbao: cannot read the list --from: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (inputs.length === 0 && lists.length === 0 && (values.from ?? []).length === 0) {
    process.stderr.write(`nianbao: extract needs at least one file, folder or --from list\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const number = (text: string | undefined, fallback: number, min: number): number | null => {
    if (text === undefined) return fallback;
    const n = Number(text);
    return Number.isFinite(n) && n >= min && Number.isInteger(n) ? n : null;
  };
  const jobs = number(values.jobs, DEFAULT_BATCH_OPTIONS.jobs, 1);
  const timeout = number(values.timeout, DEFAULT_BATCH_OPTIONS.timeoutMs / 1000, 0);
  const maxPages = number(values['max-pages'], DEFAULT_BATCH_OPTIONS.process.maxPages, 1);
  const maxBytes = number(values['max-bytes'], DEFAULT_BATCH_OPTIONS.process.maxBytes, 1);
  const failOn = values['fail-on'] ?? 'failed';
  if (jobs === null || timeout === null || maxPages === null || maxBytes === null || (failOn !== 'failed' && failOn !== 'partial')) {
    process.stderr.write('nianbao: --jobs, --max-pages and --max-bytes take positive integers, --timeout seconds (0: none), --fail-on "failed" or "partial"\n');
    return EXIT_USAGE;
  }
  const all = [...inputs, ...lists];
  const mode = values.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'log';
  let progress: Progress | undefined;
  const summary = await runBatch(all, {
    outDir: values.out ?? DEFAULT_BATCH_OPTIONS.outDir,
    excel: values.excel ?? false,
    jobs,
    incremental: values.incremental ?? false,
    timeoutMs: timeout * 1000,
    process: { maxPages, maxBytes, ocr: values['no-ocr'] !== true },
    onFile: (manifest, _done, total) => {
      progress ??= createProgress(total, mode);
      progress.tick(manifest.path, manifest.status);
    },
  });
  progress?.stop();
  const checks = Object.entries(summary.failedChecks)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  process.stdout.write(
    `${summary.files} files: ${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed` +
      (summary.skipped > 0 ? ` (${summary.skipped} unchanged, reused)` : '') +
      (summary.duplicates > 0 ? `, ${summary.duplicates} duplicate paths` : '') +
      (checks ? `; failed checks: ${checks}` : '') +
      ` → ${summary.outDir}/ in ${(summary.milliseconds / 1000).toFixed(1)} s\n`,
  );
  return exitCodeFor(summary, failOn);
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
      process.exitCode = 70;
    },
  );
}
