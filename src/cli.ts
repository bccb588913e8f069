#!/usr/bin/env node
/**
 * nianbao's command line: `extract` a batch into a dataset, print the record `schema`.
 * Exit codes: 0 every file read (ok or partial), 1 some file failed, 2 usage error.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BATCH_OPTIONS, runBatch } from './batch.js';
import { generateReports, LAYOUTS, type Layout } from './generate/index.js';
import { writeFileAtomic } from './output/write.js';
import { reportJsonSchema } from './schema/records.js';
import type { BatchSummary } from './schema/result.js';
import { TOOL_VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

const HELP = `nianbao ${TOOL_VERSION}: 政府信息公开工作年度报告 → checked datasets

Usage:
  nianbao extract <files or folders...> [--out DIR] [--excel] [--jobs N] [--quiet]
  nianbao schema              print the JSON Schema of one line of reports.jsonl
  nianbao generate --out DIR [--count N] [--seed S] [--layouts a,b]
                              write synthetic test reports (values obey the identities)
  nianbao --help | --version

Options:
  -o, --out DIR   output folder (default: output/)
      --excel     write CSVs with a UTF-8 BOM so spreadsheet apps show Chinese correctly
  -j, --jobs N    files processed at once (default: number of cores)
  -q, --quiet     no per-file lines, only the summary

Writes: reports.jsonl, requests.csv, reviews.csv, active.csv, cells.csv, checks.csv, manifest.json

Examples:
  nianbao extract samples/
  nianbao extract reports/2023 reports/2024 --out data --excel
  nianbao schema > report.schema.json
  nianbao generate --count 200 --seed 7 --out /tmp/reports

Layouts for generate: ${LAYOUTS.join(', ')}

Exit codes: 0 every file read (status ok or partial), 1 some file failed, 2 usage error.
`;

/** The exit code of a finished batch: 1 when any file failed. */
export function exitCodeFor(summary: BatchSummary): number {
  return summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** `nianbao generate`: synthetic reports for tests, samples and benchmarks. */
async function generate(values: { out?: string; count?: string; seed?: string; layouts?: string }): Promise<number> {
  const count = Number(values.count ?? '12');
  const seed = Number(values.seed ?? '1');
  const layouts = (values.layouts?.split(',') ?? [...LAYOUTS]) as Layout[];
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
  if (inputs.length === 0) {
    process.stderr.write(`nianbao: extract needs at least one file or folder\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const jobs = values.jobs === undefined ? DEFAULT_BATCH_OPTIONS.jobs : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write(`nianbao: --jobs must be a positive integer\n`);
    return EXIT_USAGE;
  }
  const quiet = values.quiet ?? false;
  const summary = await runBatch(inputs, {
    outDir: values.out ?? DEFAULT_BATCH_OPTIONS.outDir,
    excel: values.excel ?? false,
    jobs,
    onFile: quiet
      ? undefined
      : (result, done, total) => {
          const m = result.manifest;
          const why = m.error ? ` (${m.error})` : '';
          process.stderr.write(`[${done}/${total}] ${m.status.padEnd(7)} ${m.path}${why}\n`);
        },
  });
  const checks = Object.entries(summary.failedChecks)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  process.stdout.write(
    `${summary.files} files: ${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed` +
      (checks ? `; failed checks: ${checks}` : '') +
      ` → ${summary.outDir}/ in ${(summary.milliseconds / 1000).toFixed(1)} s\n`,
  );
  return exitCodeFor(summary);
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
