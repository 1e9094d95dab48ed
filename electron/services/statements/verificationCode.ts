/**
 * The short code printed on a statement (核对码) so that a signed copy coming
 * back by post or as a photo can be matched to the register by typing eight
 * characters: it binds the statement number, customer, period, closing balance
 * and the exact lines. Not a secret or a signature — anyone with the data can
 * recompute it — only a check that the paper and the register agree.
 */
import { createHash } from 'node:crypto';
import type { StatementLine } from './pdf/types';

/**
 * Crockford's base32 alphabet: digits and capitals without I, L, O and U, so a
 * code read off paper has no 1/I/L or 0/O confusion (see normalizeVerificationCode).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bumped if the canonical form ever changes, so old and new codes never collide silently. */
const CANONICAL_VERSION = 'dealerdesk-statement-v1';

export interface VerificationCodeInput {
  statementNo: string;
  customerCode: string;
  from: string;
  to: string;
  closingFen: number;
  /** linesDigest() of the statement's lines. */
  linesSha256: string;
}

const assertFen = (value: number, what: string): void => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be integer fen, got ${value}`);
};

/**
 * sha256 (hex) of the lines in a canonical JSON: one array per line with the
 * fields in a fixed order, so the digest does not depend on object key order
 * or on extra properties a caller's line objects may carry.
 */
export function linesDigest(lines: readonly StatementLine[]): string {
  const canonical = lines.map((line) => {
    assertFen(line.debitFen, 'debitFen');
    assertFen(line.creditFen, 'creditFen');
    assertFen(line.balanceFen, 'balanceFen');
    return [line.date, line.docNo, line.kind, line.memo ?? '', line.debitFen, line.creditFen, line.balanceFen];
  });
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}

/** 'XXXX-XXXX': the first 40 bits of a sha256 over the canonical fields, in base32. */
export function statementVerificationCode(input: VerificationCodeInput): string {
  assertFen(input.closingFen, 'closingFen');
  if (!/^[0-9a-f]{64}$/.test(input.linesSha256)) {
    throw new RangeError('linesSha256 must be a lowercase sha256 hex digest');
  }
  // JSON of a fixed-order array: unambiguous even if a field contains the separator.
  const canonical = JSON.stringify([
    CANONICAL_VERSION,
    input.statementNo,
    input.customerCode,
    input.from,
    input.to,
    input.closingFen,
    input.linesSha256,
  ]);
  const digest = createHash('sha256').update(canonical, 'utf8').digest();
  // 8 characters x 5 bits = the first 5 bytes of the digest.
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i]);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A typed or OCR'd code in canonical form, or null when it cannot be one:
 * case, spaces and dashes are ignored, O reads as 0 and I/L as 1 (Crockford).
 */
export function normalizeVerificationCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 8) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
}
