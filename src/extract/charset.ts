/**
 * Decodes text bytes: BOM, then a charset named in an HTML meta tag, then strict UTF-8, then
 * GB18030 (a superset of GBK and GB2312, the encodings Chinese government sites use).
 */
import iconv from 'iconv-lite';
import { InputError } from '../model/issues.js';

/** The decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: string;
}

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
  if (options.html) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = META_CHARSET.exec(head)?.[1];
    if (declared) {
      const encoding = canonicalEncoding(declared);
      if (encoding === 'utf-8' && !isValidUtf8(bytes)) {
        // A page that declares UTF-8 but is not: fall through to detection rather than mojibake.
      } else if (iconv.encodingExists(encoding)) {
        return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
      }
    }
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
