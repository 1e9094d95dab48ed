/**
 * File names of statement PDFs: `<客户编码>_<客户名称>_<from>_<to>.pdf`.
 *
 * Offices mostly run Windows and copy these files to shares and USB sticks,
 * so the name must be valid there even when produced on another system:
 * characters Windows forbids (< > : " / \ | ? * and control characters) become
 * '_', trailing dots and spaces are dropped (Windows strips them silently, so
 * two names could collide), reserved device names (CON, NUL, COM1 …) are
 * prefixed, and the customer name is shortened so the whole name stays well
 * inside Windows' 260-character path limit and Linux's 255-byte name limit.
 */

const ILLEGAL = /[<>:"/\\|?*]/g;
/** Control characters (U+0000–U+001F, U+007F), which no file system wants in a name. */
const withoutControls = (s: string): string => [...s].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch)).join('');
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** 60 Chinese characters are 180 UTF-8 bytes: with code, dates and suffix still under 255 bytes. */
const MAX_NAME_CHARS = 60;
const MAX_CODE_CHARS = 30;

/** One component of a file name, safe on Windows, macOS and Linux. */
export function sanitizeFileNamePart(text: string, maxChars: number): string {
  let s = withoutControls(text.normalize('NFC').replace(/\s+/g, ' ').replace(ILLEGAL, '_')).trim();
  // Cut by code points, never inside a surrogate pair.
  const chars = [...s];
  if (chars.length > maxChars) s = chars.slice(0, maxChars).join('');
  s = s.replace(/[. ]+$/, '');
  if (s === '') return '_';
  return RESERVED.test(s) ? `_${s}` : s;
}

export function statementFileName(customerCode: string, customerName: string, from: string, to: string): string {
  const code = sanitizeFileNamePart(customerCode, MAX_CODE_CHARS);
  const name = sanitizeFileNamePart(customerName, MAX_NAME_CHARS);
  return `${code}_${name}_${from}_${to}.pdf`;
}

/** The merged print file of a batch. */
export function mergedFileName(from: string, to: string): string {
  return `对账单合并打印_${from}_${to}.pdf`;
}
