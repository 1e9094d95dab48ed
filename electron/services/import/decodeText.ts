/**
 * Turns the bytes of a CSV/TSV file into text. Chinese offices produce all of
 * these, usually without knowing which one they chose:
 * - Excel "CSV (逗号分隔)" on a Chinese Windows: GBK (decoded as GB18030, its superset);
 * - Excel "CSV UTF-8": UTF-8 with a BOM; other tools: UTF-8 without one;
 * - Excel "Unicode 文本": UTF-16LE with a BOM, tab-separated.
 * A BOM is trusted first; then valid UTF-8 is taken as UTF-8 (GBK text is
 * practically never valid UTF-8); everything else is GB18030.
 */
import iconv from 'iconv-lite';
import { DomainError } from '../../../shared/errors';

export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/**
 * UTF-16 without a BOM is rare but some exporters write it. ASCII-heavy
 * UTF-16LE text has a zero in most odd positions and almost none in even
 * ones (BE the reverse); no 8-bit text encoding looks like that.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = asBuffer(bytes);
  if (startsWith(buf, 0xef, 0xbb, 0xbf)) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (startsWith(buf, 0xff, 0xfe)) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (startsWith(buf, 0xfe, 0xff)) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  const utf16 = guessBomlessUtf16(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  if (isValidUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };

  const text = iconv.decode(buf, 'gb18030');
  // GB18030 maps every valid byte sequence, so a replacement character means
  // the bytes are in neither encoding (Big5, a damaged file). Importing the
  // garbled names would silently corrupt customer data; refuse instead.
  if (text.includes('\uFFFD')) {
    throw new DomainError(
      'validation',
      '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入',
      'file',
    );
  }
  return { text, encoding: 'gb18030' };
}
