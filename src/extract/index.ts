/**
 * Format detection from magic bytes and content (never the extension alone), and dispatch to the
 * extractor of each format.
 */
import type { ExtractedDocument, InputFormat } from '../model/document.js';
import { InputError } from '../model/issues.js';
import { decodeText, looksBinary } from './charset.js';
import { extractHtml } from './html.js';
import { extractText } from './text.js';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Detects the input format; throws InputError for empty or unrecognisable input. */
export function detectFormat(bytes: Uint8Array): InputFormat {
  if (bytes.length === 0) throw new InputError('empty_file', 'the file is empty (0 bytes)');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (Buffer.from(bytes).includes('word/')) return 'docx';
    throw new InputError('unsupported_format', 'a ZIP archive that is not a Word document');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x42, 0x4d]) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
  ) {
    return 'image';
  }
  if (looksBinary(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('not_text', 'unrecognised binary content (not PDF, Word, image, HTML or text)');
  }
  const head = decodeText(bytes.subarray(0, 65536), { html: true }).text;
  if (head.trim() === '') throw new InputError('empty_file', 'the file holds only whitespace');
  if (/<(?:!doctype\s+html|html|body|table|tr|td|div|p|span|meta|head)[\s>/]/i.test(head)) return 'html';
  return 'text';
}

/** Per-file limits the extractors honour. */
export interface ExtractLimits {
  maxPages: number;
  /** Read scans and images by OCR. */
  ocr: boolean;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxPages: 300, ocr: true };

/**
 * Runs the extractor of a detected format. Formats not built yet fail with a clear code. A stack
 * overflow (structure nested past what a parser's recursion takes) fails the file as too_deeply_nested.
 */
export async function extractDocument(bytes: Uint8Array, format: InputFormat, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): Promise<ExtractedDocument> {
  try {
    return await extractFormat(bytes, format, limits);
  } catch (error) {
    // pdf.js passes a RangeError on as a plain Error with its message: the message is what is checked.
    if (error instanceof Error && /maximum call stack size exceeded/i.test(error.message)) {
      throw new InputError('too_deeply_nested', `the ${format} file nests its structure deeper than it can be read (${error.message})`);
    }
    throw error;
  }
}

async function extractFormat(bytes: Uint8Array, format: InputFormat, limits: ExtractLimits): Promise<ExtractedDocument> {
  switch (format) {
    case 'text':
      return extractText(bytes);
    case 'html':
      return extractHtml(bytes);
    // PDF and Word libraries load on first use: a batch's main thread, which hands files to
    // workers, never pays for them, and text-only runs start faster.
    case 'pdf':
      return (await import('./pdf.js')).extractPdf(bytes, limits);
    case 'docx':
      return (await import('./docx.js')).extractDocx(bytes);
    case 'doc':
      return (await import('./docx.js')).extractDoc(bytes);
    case 'image':
      if (!limits.ocr) throw new InputError('ocr_required', 'an image: it needs OCR, which is turned off');
      return (await import('./image.js')).extractImage(bytes, limits);
    default:
      throw new InputError('format_not_supported', `${format} input is not supported yet`);
  }
}
