/**
 * A PDF content stream as tokens: numbers, names and operators; strings, arrays and dictionaries
 * (operands this code never needs the value of) come as 'other'. Inline image data is skipped.
 * A string or hex string left open to the end of the stream comes as 'unterminated'.
 */
import { decodePDFRawStream, PDFArray, PDFRawStream, type PDFPage } from 'pdf-lib';

export type Token = { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'operator'; value: string } | { kind: 'other' } | { kind: 'unterminated' };

const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
/** Longer names and operators are junk: only their start is kept (a spread of megabytes would overflow the stack). */
const MAX_WORD = 127;

/** The tokens of a content stream. */
export function* contentTokens(bytes: Uint8Array): Generator<Token> {
  let i = 0;
  const regular = (): string => {
    const start = i;
    while (i < bytes.length && !isSpace(bytes[i] as number) && !DELIMITER.has(bytes[i] as number)) i++;
    return String.fromCharCode(...bytes.subarray(start, Math.min(i, start + MAX_WORD)));
  };
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (isSpace(b)) i++;
    else if (b === 0x25) while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    else if (b === 0x2f) {
      i++;
      yield { kind: 'name', value: regular() };
    } else if (b === 0x28) {
      // A string, with nested parentheses and escapes.
      let depth = 0;
      for (; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === 0x5c) i++;
        else if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) break;
      }
      yield i >= bytes.length ? { kind: 'unterminated' } : { kind: 'other' };
      i++;
    } else if (b === 0x3c && bytes[i + 1] !== 0x3c) {
      // A hex string.
      const end = bytes.indexOf(0x3e, i + 1);
      yield end < 0 ? { kind: 'unterminated' } : { kind: 'other' };
      i = end < 0 ? bytes.length : end + 1;
    } else if (b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x29) {
      i += (b === 0x3c || b === 0x3e) && bytes[i + 1] === b ? 2 : 1;
      yield { kind: 'other' };
    } else {
      const word = regular();
      if (word === '') {
        i++;
        continue;
      }
      const value = Number(word);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(value)) {
        yield { kind: 'number', value };
        continue;
      }
      yield { kind: 'operator', value: word };
      if (word === 'ID') i = inlineImageEnd(bytes, i);
    }
  }
}

/** Where an inline image's data ends: after the `EI` that follows it on its own (whitespace either side). */
function inlineImageEnd(bytes: Uint8Array, from: number): number {
  for (let i = from + 1; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && isSpace(bytes[i - 1] as number) && isSpace(bytes[i + 2] ?? 0x20)) return i + 2;
  }
  return bytes.length;
}

/** The bytes of a page's content, its streams decoded and joined; null when a part is not a plain stream. */
export function pageContentBytes(page: PDFPage): Uint8Array | null {
  const contents = page.node.Contents();
  if (contents === undefined) return new Uint8Array(0);
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) return null;
    parts.push(decodePDFRawStream(stream).decode());
  }
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length + 1;
    joined[at - 1] = 0x0a;
  }
  return joined;
}
