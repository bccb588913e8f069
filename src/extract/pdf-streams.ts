/**
 * Bounds on what a PDF's streams inflate to, checked on the raw bytes before pdf.js or pdf-lib
 * reads them: both hold a decoded stream whole in memory, so a 2 KB stream of zeros deflated twice
 * (/Filter [/FlateDecode /FlateDecode]) would take gigabytes. Every `stream … endstream` is found
 * by its keywords (object streams included, whatever the cross-reference table says) and inflated
 * natively with a cap on its output, through as many zlib layers as it has.
 */
import { inflateSync, constants } from 'node:zlib';
import { InputError } from '../model/issues.js';
import { MAX_INFLATED_BYTES, MAX_INFLATED_IMAGE_BYTES } from './bounds.js';

/** zlib layers followed in one stream (a real PDF has one; more are only ever made to multiply). */
const MAX_LAYERS = 4;

/** What the scan found that does not stop the file: streams whose Flate data is broken. */
export interface StreamScan {
  /** Streams that start like zlib data but do not inflate. */
  brokenStreams: number;
}

/** True when the bytes start with a zlib header (deflate, 32K window or less, valid check bits). */
function looksZlib(bytes: Uint8Array): boolean {
  const [cmf = 0, flg = 0] = bytes;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function indexOf(bytes: Buffer, needle: string, from: number): number {
  return bytes.indexOf(needle, from, 'latin1');
}

/**
 * Inflates one stream's data through its zlib layers with the output capped; throws
 * pdf_stream_too_large past the cap. Returns false when the data does not inflate.
 */
function inflatesWithinBounds(data: Uint8Array, streamNo: number, limit: number): boolean {
  let layer: Uint8Array = data;
  for (let depth = 0; depth < MAX_LAYERS && looksZlib(layer); depth++) {
    try {
      // Sync flush: a stream cut short still gives what it has, as pdf.js reads it.
      layer = inflateSync(layer, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError('pdf_stream_too_large', `stream ${streamNo} inflates to more than ${limit} bytes (${data.length} bytes stored, zlib layer ${depth + 1})`);
      }
      return depth > 0;
    }
  }
  return true;
}

/** Checks every stream of a PDF; throws pdf_stream_too_large for one that inflates past the bound. */
export function checkPdfStreams(bytes: Uint8Array): StreamScan {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let brokenStreams = 0;
  let streamNo = 0;
  for (let at = indexOf(buffer, 'stream', 0); at >= 0; at = indexOf(buffer, 'stream', at + 6)) {
    if (at >= 3 && buffer.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    if (start === at + 6) continue; // 'stream' inside a name or string, not the keyword
    const end = indexOf(buffer, 'endstream', start);
    const data = buffer.subarray(start, end < 0 ? buffer.length : end);
    streamNo++;
    // The stream's dictionary lies between its object's 'obj' and 'stream': an image may hold more than content or a font.
    const objectStart = buffer.lastIndexOf('obj', at, 'latin1');
    const isImage = objectStart >= 0 && at - objectStart < 65536 && buffer.toString('latin1', objectStart, at).includes('/Image');
    if (!inflatesWithinBounds(data, streamNo, isImage ? MAX_INFLATED_IMAGE_BYTES : MAX_INFLATED_BYTES)) brokenStreams++;
    at = end < 0 ? buffer.length : end;
  }
  // Encrypted streams do not look like zlib data until decrypted: none of them is known broken.
  return { brokenStreams: indexOf(buffer, '/Encrypt', 0) >= 0 ? 0 : brokenStreams };
}
