/**
 * Automatic document numbers: AR_DOC_NO_PREFIX[kind] + YYYYMM of the
 * document date + '-' + a sequence of at least 4 digits (YS202611-0001,
 * SK202611-0002, CX202612-0001). The sequence continues from the highest
 * all-digit number of that prefix already stored, whoever typed it, so an
 * automatic number never collides with an imported or typed one. Numbers are
 * per kind (§4), so each kind has its own series.
 *
 * No counter table: the highest number is found with a backwards range scan
 * of the (kind, doc_no) unique index, a few rows at most.
 */
import { AR_DOC_NO_PREFIX } from '../../../shared/api/ledgerEnums';
import { monthKey } from '../../../shared/dates/calendar';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { seriesLetter } from '../sync/series';

const MIN_WIDTH = 4;

/** All documents of the kind whose number lies between two strings of one length, highest first. */
const RANGE_SQL = `SELECT doc_no FROM ar_documents
  WHERE kind = ? AND doc_no BETWEEN ? AND ? AND length(doc_no) = ?
  ORDER BY doc_no DESC`;

/** With LAN sync on, the PC's series letter follows the dash (YS202611-A0001): PCs numbering offline never collide. */
export function docNoPrefix(kind: DocKind, date: string, series = ''): string {
  return `${AR_DOC_NO_PREFIX[kind]}${monthKey(date)}-${series}`;
}

export function formatDocNo(prefix: string, seq: number): string {
  return prefix + String(seq).padStart(MIN_WIDTH, '0');
}

/** The highest all-digit sequence of exactly `width` digits under the prefix, or null. */
function highestOfWidth(ctx: ServiceContext, kind: DocKind, prefix: string, width: number): number | null {
  // Numbers of other lengths, or with letters (a typed YS202611-00A1), can sort inside the
  // range; they are skipped. In practice the first row is the answer.
  for (const row of ctx.db.prepare(RANGE_SQL).iterate(kind, prefix + '0'.repeat(width), prefix + '9'.repeat(width), prefix.length + width)) {
    const tail = (row as { doc_no: string }).doc_no.slice(prefix.length);
    if (/^\d+$/.test(tail)) return Number(tail);
  }
  return null;
}

/**
 * The highest automatic sequence under the prefix (0 when none): the highest
 * 4-digit one, and only once 9999 is used, the 5-digit ones and so on.
 * Typed numbers in the pattern are respected by nextDocNo's free check.
 */
export function highestSequence(ctx: ServiceContext, kind: DocKind, prefix: string): number {
  let highest = 0;
  for (let width = MIN_WIDTH; width <= 9; width++) {
    const found = highestOfWidth(ctx, kind, prefix, width);
    if (found === null) return highest;
    highest = Math.max(highest, found);
    if (found < 10 ** width - 1) return highest;
  }
  return highest;
}

/** The first number after `seq` under the prefix that no document of the kind carries (typed ones included). */
function freeFrom(ctx: ServiceContext, kind: DocKind, prefix: string, seq: number): number {
  let next = seq;
  while (docNoTaken(ctx, kind, formatDocNo(prefix, next))) next++;
  return next;
}

/** The next free automatic number of the kind for a document dated `date`. */
export function nextDocNo(ctx: ServiceContext, kind: DocKind, date: string): string {
  const prefix = docNoPrefix(kind, date, seriesLetter(ctx));
  return formatDocNo(prefix, freeFrom(ctx, kind, prefix, highestSequence(ctx, kind, prefix) + 1));
}

/**
 * Numbers for many documents at once (imports, demo): the highest sequence is
 * read once per prefix and counted on in memory. Only valid inside one
 * transaction that inserts every number it hands out.
 */
export class DocNumberSeries {
  private readonly next = new Map<string, number>();
  constructor(private readonly ctx: ServiceContext) {}

  take(kind: DocKind, date: string): string {
    const prefix = docNoPrefix(kind, date, seriesLetter(this.ctx));
    const key = `${kind}:${prefix}`;
    const seq = freeFrom(this.ctx, kind, prefix, this.next.get(key) ?? highestSequence(this.ctx, kind, prefix) + 1);
    this.next.set(key, seq + 1);
    return formatDocNo(prefix, seq);
  }
}

/** Whether a document of this kind already carries the number. */
export function docNoTaken(ctx: ServiceContext, kind: DocKind, docNo: string): boolean {
  return ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE kind = ? AND doc_no = ?`).get(kind, docNo) !== undefined;
}
