/**
 * Characters refused in every text the office types or imports (issue 11,
 * point 6): NUL (cuts strings short in C code, PDFs and Excel), a lone UTF-16
 * surrogate (not a character at all: breaks JSON, SQLite text and fonts), and
 * the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F)
 * with which "C0001\u202E" can show as a different code than it is.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const HOSTILE = /\u0000|[\u202A-\u202E\u2066-\u2069\u200E\u200F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const HOSTILE_TEXT_MESSAGE = '含有不允许的控制字符（空字符、不成对的代理字符或文字方向控制符如 U+202E），请删除后重新输入';

export const hasHostileChars = (s: string): boolean => HOSTILE.test(s);

/** The dotted path of the first string in `value` holding a refused character, or null. */
export function findHostileText(value: unknown, at: string[] = []): string[] | null {
  if (typeof value === 'string') return hasHostileChars(value) ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findHostileText(value[i], [...at, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findHostileText(v, [...at, k]);
      if (hit) return hit;
    }
  }
  return null;
}
