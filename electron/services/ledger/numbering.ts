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

/** Sequence widths searched; the highest value over all of them counts (a typed 0000123 is 123). */
const WIDTHS = [4, 5, 6, 7] as const;
const MIN_WIDTH = 4;

const HIGHEST_SQL = `SELECT doc_no FROM ar_documents
  WHERE kind = ? AND doc_no BETWEEN ? AND ? AND length(doc_no) = ?
  ORDER BY doc_no DESC`;

export function docNoPrefix(kind: DocKind, date: string): string {
  return `${AR_DOC_NO_PREFIX[kind]}${monthKey(date)}-`;
}

export function formatDocNo(prefix: string, seq: number): string {
  return prefix + String(seq).padStart(MIN_WIDTH, '0');
}

/** The highest sequence number stored under the prefix (0 when none). */
export function highestSequence(ctx: ServiceContext, kind: DocKind, prefix: string): number {
  const stmt = ctx.db.prepare(HIGHEST_SQL);
  let highest = 0;
  for (const width of WIDTHS) {
    // Rows between prefix+000… and prefix+999… of this length, highest first; skip any
    // with letters in the sequence part (a typed YS202611-00A1 sorts inside the range).
    for (const row of stmt.iterate(kind, prefix + '0'.repeat(width), prefix + '9'.repeat(width), prefix.length + width)) {
      const tail = (row as { doc_no: string }).doc_no.slice(prefix.length);
      if (/^\d+$/.test(tail)) {
        highest = Math.max(highest, Number(tail));
        break;
      }
    }
  }
  return highest;
}

/** The next free automatic number of the kind for a document dated `date`. */
export function nextDocNo(ctx: ServiceContext, kind: DocKind, date: string): string {
  const prefix = docNoPrefix(kind, date);
  return formatDocNo(prefix, highestSequence(ctx, kind, prefix) + 1);
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
    const prefix = docNoPrefix(kind, date);
    const key = `${kind}:${prefix}`;
    let seq = this.next.get(key);
    if (seq === undefined) seq = highestSequence(this.ctx, kind, prefix) + 1;
    this.next.set(key, seq + 1);
    return formatDocNo(prefix, seq);
  }
}

/** Whether a document of this kind already carries the number. */
export function docNoTaken(ctx: ServiceContext, kind: DocKind, docNo: string): boolean {
  return ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE kind = ? AND doc_no = ?`).get(kind, docNo) !== undefined;
}
