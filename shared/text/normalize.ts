/**
 * Text clean-up for what clerks type with a Chinese IME and what Excel cells
 * contain: full-width forms (１２３，ＡＢＣ), ideographic and no-break spaces.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
/** Full-width forms sit exactly this far above their ASCII counterparts (！ U+FF01 ↔ ! U+0021). */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII (U+FF01–U+FF5E) to half-width, and the ideographic space
 * U+3000 to a plain space. Everything else (Chinese characters, ￥) is kept.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * One cell's text as a parser wants it: half-width, NBSP (common in text
 * pasted from web pages and exported by some banks) as a space, trimmed, and
 * inner whitespace runs collapsed to one space.
 */
export function normalizeCell(s: string): string {
  return toHalfWidth(s)
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
