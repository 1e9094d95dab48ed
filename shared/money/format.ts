/**
 * Formatting of integer fen for display. Money is never a float: the fen are
 * split into yuan and fen with integer arithmetic.
 */
const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1234567 -> "12,345.67" ; -5 -> "-0.05". Always two decimals. */
export function formatFenPlain(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${negative ? '-' : ''}${groupThousands(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

/** 1234567 -> "¥12,345.67" ; -5 -> "-¥0.05" (minus sign first, never parentheses). */
export function formatFen(fen: number): string {
  const plain = formatFenPlain(fen);
  return plain.startsWith('-') ? `-¥${plain.slice(1)}` : `¥${plain}`;
}

/** Fen as a decimal string without grouping, for exports and edit fields: 1234567 -> "12345.67". */
export function fenToDecimalString(fen: number): string {
  return formatFenPlain(fen).replace(/,/g, '');
}
