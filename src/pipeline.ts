/**
 * The one place the stages meet: bytes → extract → lines → tables → record. A bad document
 * becomes a failed record with issues; only misuse throws.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { detectFormat, extractDocument } from './extract/index.js';
import { closeOcr } from './extract/ocr/lifecycle.js';
import { markupTableToLines } from './layout/grid.js';
import { layoutDocument } from './layout/positioned.js';
import { withIdentity } from './identity/record.js';
import { readMetadata } from './metadata/report-metadata.js';
import type { ExtractedDocument, InputFormat, Line } from './model/document.js';
import { InputError, makeIssue } from './model/issues.js';
import { TABLE_KEYS, type TableKey } from './schema/keys.js';
import type { Issue, ReportRecord, Source } from './schema/records.js';
import type { ManifestEntry } from './schema/result.js';
import type { ReconstructedTables } from './tables/reading.js';
import { normaliseLabel } from './tables/normalise.js';
import { reconstructTables } from './tables/reconstruct.js';
import { buildRecord, failedRecord } from './validate/record.js';

/** Per-file limits. */
export interface ProcessOptions {
  /** Files larger than this are refused (bytes). */
  maxBytes: number;
  /** PDFs with more pages are refused. */
  maxPages: number;
  /** Read scanned PDFs and images by OCR (off: they fail with ocr_required). */
  ocr: boolean;
}

export const DEFAULT_PROCESS_OPTIONS: ProcessOptions = { maxBytes: 200 * 1024 * 1024, maxPages: 300, ocr: true };

/** What processing one file yields: the record (when the file could be read) and its manifest entry. */
export interface FileResult {
  record: ReportRecord | null;
  manifest: ManifestEntry;
}

/** Words every real report contains; text without them is not a report. */
const REPORT_WORDS = /政府信息公开|信息公开|政务公开/;

/** Reads the tables of an extracted document: markup tables first, then the text lines for any table they lack. */
export function readDocumentTables(doc: ExtractedDocument): ReconstructedTables {
  const pageLines: Line[] = doc.pages.flatMap((p) => p.lines);
  if (doc.markupTables.length === 0) return reconstructTables(pageLines);
  const fromMarkup = reconstructTables(doc.markupTables.flatMap(markupTableToLines));
  // A table counts as read where some cell of it was (a header with every row missing is found, not read).
  const read = (tables: ReconstructedTables, t: TableKey): boolean => tables.found[t] && tables.cells.some((c) => c.table === t && c.flag !== 'missing');
  const missing = TABLE_KEYS.filter((t) => !read(fromMarkup, t));
  if (missing.length === 0) return fromMarkup;
  const fromText = reconstructTables(pageLines);
  const takeFromText: readonly string[] = missing.filter((t) => read(fromText, t) || (fromText.found[t] && !fromMarkup.found[t]));
  if (takeFromText.length === 0) return fromMarkup;
  const taken = (path: readonly string[] | undefined): boolean => takeFromText.includes(path?.[0] ?? '');
  return {
    template: fromMarkup.template ?? fromText.template,
    found: {
      active: fromMarkup.found.active || takeFromText.includes('active'),
      requests: fromMarkup.found.requests || takeFromText.includes('requests'),
      reviews: fromMarkup.found.reviews || takeFromText.includes('reviews'),
    },
    // (The markup's cells of a table taken from the text are its missing ones: the text's replace them.)
    cells: [...fromMarkup.cells.filter((c) => !takeFromText.includes(c.table)), ...fromText.cells.filter((c) => takeFromText.includes(c.table))],
    issues: [...fromMarkup.issues.filter((i) => !taken(i.path)), ...fromText.issues.filter((i) => i.path === undefined || taken(i.path))],
  };
}

/** Processes bytes already in memory. */
export async function processBytes(path: string, bytes: Uint8Array, options: ProcessOptions = DEFAULT_PROCESS_OPTIONS): Promise<FileResult> {
  const started = performance.now();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const entry = (record: ReportRecord | null, format: InputFormat | null, error: string | null, issues: Issue[]): FileResult => ({
    record,
    manifest: {
      path,
      id: sha256.slice(0, 16),
      sha256,
      bytes: bytes.length,
      format,
      status: record?.status ?? 'failed',
      error,
      issues,
      milliseconds: Math.round((performance.now() - started) * 10) / 10,
    },
  });
  let format: InputFormat;
  try {
    format = detectFormat(bytes);
  } catch (error) {
    const issue = issueFromError(error, 'input');
    return entry(null, null, issue.code, [issue]);
  }
  const source: Source = { path, sha256, format, pages: null };
  let doc: ExtractedDocument;
  try {
    doc = layoutDocument(await extractDocument(bytes, format, { maxPages: options.maxPages, ocr: options.ocr }));
  } catch (error) {
    const issue = issueFromError(error, 'extract');
    const record = failedRecord(source, [issue]);
    return entry(record, format, issue.code, record.issues);
  }
  const { record, error } = recordOfDocument(source, doc);
  return entry(record, doc.format, error, record.issues);
}

/**
 * The record of a document once extracted and laid out: metadata, tables, checks. (Apart from
 * extraction so a bench can read the tables again from a document it kept, without OCR.)
 */
export function recordOfDocument(source: Source, doc: ExtractedDocument): { record: ReportRecord; error: string | null } {
  source.pages = doc.pageCount;
  // A PDF whose every page was read by OCR is a scan.
  source.format = doc.format;
  const metadata = readMetadata(doc.plainText);
  const tables = readDocumentTables(doc);
  const anyTable = tables.found.active || tables.found.requests || tables.found.reviews;
  if (!anyTable) {
    // (Folded first: a traditional text with pinyin glosses prints "政府信息公開(kāi)".)
    const isReport = REPORT_WORDS.test(normaliseLabel(doc.plainText));
    const issue = isReport
      ? makeIssue('error', 'tables', 'no_tables_found', 'a disclosure report, but none of its three statistical tables was found')
      : makeIssue('error', 'tables', 'not_a_report', 'the text is not a government information-disclosure annual report');
    return { record: withIdentity(failedRecord(source, [...doc.issues, issue], metadata), doc.plainText), error: issue.code };
  }
  return { record: withIdentity(withIdentityIssues(buildRecord(source, metadata, tables, doc.issues)), doc.plainText), error: null };
}

/**
 * Processes one file from disk; never throws for a bad file. `readFrom` is what the file system
 * opens when it differs from the path shown (a name whose bytes are not UTF-8).
 */
export async function processFile(path: string, options: ProcessOptions = DEFAULT_PROCESS_OPTIONS, readFrom: string | Buffer = path): Promise<FileResult> {
  const started = performance.now();
  try {
    const info = await stat(readFrom);
    if (!info.isFile()) throw new InputError('not_a_file', 'not a regular file');
    if (info.size > options.maxBytes) throw new InputError('file_too_large', `${info.size} bytes, over the limit of ${options.maxBytes}`);
    return await processBytes(path, new Uint8Array(await readFile(readFrom)), options);
  } catch (error) {
    const issue = issueFromError(error, 'input');
    return {
      record: null,
      manifest: {
        path,
        id: null,
        sha256: null,
        bytes: null,
        format: null,
        status: 'failed',
        error: issue.code,
        issues: [issue],
        milliseconds: Math.round((performance.now() - started) * 10) / 10,
      },
    };
  }
}

/** A report whose agency or year was not found says so (a null is never silent). */
function withIdentityIssues(record: ReportRecord): ReportRecord {
  const issues: Issue[] = [];
  if (record.agency === null) issues.push(makeIssue('warning', 'validate', 'agency_unknown', 'the reporting agency was not found in the text (agency is null)'));
  if (record.year === null) issues.push(makeIssue('warning', 'validate', 'year_unknown', 'the year the report covers was not found in the text (year is null)'));
  return issues.length === 0 ? record : { ...record, issues: [...record.issues, ...issues] };
}

/** Extractions running now through extractFile: OCR workers are released when the last one ends. */
let extracting = 0;

/**
 * Reads one file and returns its record (the library entry point); every option is optional.
 * Throws only when the file yields no record. A script that calls it exits by itself: the OCR
 * workers a scan started are released once no extraction is running.
 */
export async function extractFile(path: string, options: Partial<ProcessOptions> = {}): Promise<ReportRecord> {
  extracting++;
  let result: FileResult;
  try {
    result = await processFile(path, { ...DEFAULT_PROCESS_OPTIONS, ...options });
  } finally {
    if (--extracting === 0) await closeOcr();
  }
  if (!result.record) throw new InputError(result.manifest.error ?? 'unreadable', result.manifest.issues[0]?.message ?? 'the file could not be read');
  return result.record;
}

function issueFromError(error: unknown, stage: 'input' | 'extract'): Issue {
  if (error instanceof InputError) return makeIssue('error', stage, error.code, error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return makeIssue('error', stage, 'file_not_found', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return makeIssue('error', stage, 'permission_denied', 'the file cannot be read (permission denied)');
  const message = error instanceof Error ? error.message : String(error);
  return makeIssue('error', stage, stage === 'input' ? 'read_failed' : 'extract_failed', message);
}
