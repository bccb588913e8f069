/**
 * Decodes text bytes: BOM, then valid UTF-8, then a charset named in an HTML meta tag, then UTF-8
 * with a few bad bytes, then GB18030 (a superset of GBK and GB2312, the encodings Chinese
 * government sites use). The bytes win over a meta tag that cannot be true.
 */
import iconv from 'iconv-lite';
import { InputError, makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';

/** The decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: string;
  /** Byte sequences that were not valid in `encoding` and were read as U+FFFD. */
  replaced?: number;
}

/**
 * Share of a text's non-ASCII characters that may be invalid UTF-8 sequences for it still to be
 * UTF-8 with damage (one bad byte in a report), not another encoding: GBK bytes read as UTF-8
 * are nearly all invalid.
 */
const MAX_BAD_UTF8_SHARE = 0.01;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i;

/** Maps declared charset names onto what iconv-lite knows; GB family → gb18030. */
function canonicalEncoding(name: string): string {
  const n = name.toLowerCase();
  if (n === 'gb2312' || n === 'gbk' || n === 'gb18030' || n === 'x-gbk' || n === 'cp936') return 'gb18030';
  if (n === 'utf8') return 'utf-8';
  return n;
}

/** True when the bytes look binary: NUL bytes or many control characters near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.05;
}

/** Decodes bytes to text; `html` enables the meta-charset sniff. Throws InputError on binary junk. */
export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), enc), encoding: enc };
  }
  if (looksBinary(bytes)) throw new InputError('not_text', 'the file is binary, not text or HTML');
  const utf8 = strictUtf8(bytes);
  // Multibyte text that is valid UTF-8 is UTF-8 whatever a meta tag says (GBK text is almost never valid UTF-8).
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  if (options.html) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = META_CHARSET.exec(head)?.[1];
    const encoding = declared ? canonicalEncoding(declared) : null;
    // A meta tag read as ASCII proves the page is not UTF-16 or UTF-32 (browsers read such a page as UTF-8),
    // and a page that declares UTF-8 but is not falls through to detection rather than mojibake.
    if (encoding && !/^utf-?(?:8|16|32)/.test(encoding) && iconv.encodingExists(encoding)) {
      return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { nonAscii, replaced } = countReplaced(lenient);
  if (replaced <= nonAscii * MAX_BAD_UTF8_SHARE) return { text: lenient, encoding: 'utf-8', replaced };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

/** Warnings about how the bytes were decoded (bad bytes read as U+FFFD). */
export function decodingIssues(decoded: DecodedText): Issue[] {
  if (!decoded.replaced) return [];
  return [makeIssue('warning', 'extract', 'invalid_bytes', `${decoded.replaced} byte sequence(s) are not valid ${decoded.encoding} and were read as U+FFFD`)];
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Non-ASCII characters of a leniently decoded text, and how many of them are replacements. */
function countReplaced(text: string): { nonAscii: number; replaced: number } {
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) nonAscii++;
    if (c === 0xfffd) replaced++;
  }
  return { nonAscii, replaced };
}
