/** What a run writes beside the dataset: the manifest of every input and the batch summary. */
import { z } from 'zod';
import { InputFormatSchema, IssueSchema, StatusSchema } from './records.js';

/** An input's status: a report's status, or `skipped` for a file that is no report by its name or a symlink out of the input folder. */
export const EntryStatusSchema = z.enum([...StatusSchema.options, 'skipped']);

/** One input file's outcome. `id` is null when the file could not be read at all. */
export const ManifestEntrySchema = z.strictObject({
  path: z.string(),
  id: z.string().nullable(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  format: InputFormatSchema.nullable(),
  status: EntryStatusSchema,
  error: z.string().nullable(),
  issues: z.array(IssueSchema),
  milliseconds: z.number().nonnegative(),
  /** The same bytes were processed under this other path; this entry repeats its outcome. */
  duplicateOf: z.string().optional(),
});

export const ManifestSchema = z.strictObject({
  tool: z.string(),
  version: z.string(),
  createdAt: z.string(),
  files: z.array(ManifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

/** A failed file as the summary names it. */
export interface FailureNote {
  path: string;
  code: string;
  message: string;
}

/** Counts of inputs by status. */
export interface StatusCounts {
  files: number;
  ok: number;
  partial: number;
  failed: number;
}

/** What a batch did; the CLI's exit code comes from `thisRun`. */
export interface BatchSummary extends StatusCounts {
  /** Inputs left out as no report (sidecars) or symlinks out of the input folder. */
  skipped: number;
  /** Inputs whose stored result (same bytes, version and settings) was reused instead of processed. */
  reused: number;
  /** Input paths whose bytes repeat another input's. */
  duplicates: number;
  /** The inputs this run is answerable for: with --incremental the new and changed ones (and those processed again), else all. */
  thisRun: StatusCounts;
  /** This run's failed files (the summary prints the first few). */
  failures: FailureNote[];
  /** Failed files kept in the dataset from earlier runs (not counted in the exit code). */
  earlierFailures: number;
  /** One agency and year under more than one path with other bytes: counted once each, reported here. */
  sameReport: { agency: string; year: number; paths: string[] }[];
  /** Paths of the dataset that no longer exist: kept (`gone`) or dropped with --prune (`pruned`). */
  gone: number;
  pruned: number;
  /** Stored results that had to be redone and similar notes. */
  warnings: string[];
  /** False when nothing changed and the dataset was left as it was. */
  written: boolean;
  failedChecks: Record<string, number>;
  outDir: string;
  milliseconds: number;
}
