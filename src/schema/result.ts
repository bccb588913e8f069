/** What a run writes beside the dataset: the manifest of every input and the batch summary. */
import { z } from 'zod';
import { InputFormatSchema, IssueSchema, StatusSchema } from './records.js';

/** One input file's outcome. `id` is null when the file could not be read at all. */
export const ManifestEntrySchema = z.strictObject({
  path: z.string(),
  id: z.string().nullable(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  format: InputFormatSchema.nullable(),
  status: StatusSchema,
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

/** Counts per status and the failed checks by identity kind; the CLI's exit code comes from it. */
export interface BatchSummary {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  /** Unchanged files whose stored results were reused (--incremental). */
  skipped: number;
  /** Input paths whose bytes repeat another input's. */
  duplicates: number;
  failedChecks: Record<string, number>;
  outDir: string;
  milliseconds: number;
}
