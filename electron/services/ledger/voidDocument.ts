/**
 * Voiding (冲销, §4): a void document reverses one document. It is on the
 * opposite side, has the same amount, is dated on its own date (default
 * today, never before the original), and carries a reason. Both stay in the
 * ledger. From the void's date on, the replay treats the original as never
 * posted and re-derives the allocations it had; before that date it counts.
 *
 * Refused: voiding a void (a void is final: re-enter the original instead),
 * voiding twice, and voiding a debit that a live write-off names (void the
 * write-off first, or it would silently start paying other invoices).
 */
import type { z } from 'zod';
import type { PostResult, voidSchema } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError, validationError } from '../../../shared/errors';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { requireCustomer } from './customerFacts';
import type { DocumentRow } from './docRows';
import { requireDocumentRow, voidOf } from './documentView';
import { insertDocument, type NewDocument } from './insertDocument';
import { nextDocNo } from './numbering';
import { finishPosting, publicResult } from './posting';

const LIVE_WRITE_OFF_SQL = `SELECT w.doc_no FROM ar_explicit_targets t JOIN ar_documents w ON w.id = t.credit_id
  WHERE t.debit_id = ? AND w.kind = 'write_off' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = w.id)
  LIMIT 1`;

/** Why the document cannot be voided (as a DomainError), or null. */
export function voidProblem(ctx: ServiceContext, original: DocumentRow, date: string): DomainError | null {
  const label = `${AR_DOC_KIND_LABELS[original.kind as DocKind]} ${original.doc_no}`;
  if (original.kind === 'void') {
    return new DomainError('conflict', `${label} 本身是冲销单，不能再冲销；如冲销有误，请重新录入原单据`, 'docId');
  }
  const existing = voidOf(ctx, original.id);
  if (existing) return new DomainError('conflict', `${label} 已于 ${existing.doc_date} 冲销（${existing.doc_no}）`, 'docId');
  if (date < original.doc_date) return validationError('date', `冲销日期 ${date} 不能早于原单日期 ${original.doc_date}`);
  if (original.side === 'debit') {
    const writeOff = ctx.db.prepare(LIVE_WRITE_OFF_SQL).get(original.id) as { doc_no: string } | undefined;
    if (writeOff) {
      return new DomainError('conflict', `${label} 已被坏账核销单 ${writeOff.doc_no} 核销，请先冲销该核销单`, 'docId');
    }
  }
  return null;
}

/** The void document of `original`, dated `date`; the memo names the original so the ledger line explains itself. */
export function voidDocumentFor(original: DocumentRow, date: string, reason: string, docNo: string, importBatchId: string | null = null): NewDocument {
  return {
    customerId: original.customer_id,
    kind: 'void',
    side: original.side === 'debit' ? 'credit' : 'debit',
    docNo,
    docDate: date,
    dueOn: null,
    amountFen: original.amount_fen,
    memo: `冲销${AR_DOC_KIND_LABELS[original.kind as DocKind]} ${original.doc_no}：${reason}`,
    voidsId: original.id,
    voidReason: reason,
    originalDate: original.doc_date,
    importBatchId,
  };
}

export function voidDocument(ctx: ServiceContext, input: z.output<typeof voidSchema>): PostResult {
  return ctx.db.transaction(() => {
    const original = requireDocumentRow(ctx, input.docId, 'docId');
    const date = input.date ?? ctx.clock.today();
    const problem = voidProblem(ctx, original, date);
    if (problem) throw problem;
    requireCustomer(ctx, original.customer_id, 'docId');
    const row = insertDocument(ctx, voidDocumentFor(original, date, input.reason, nextDocNo(ctx, 'void', date)), { action: 'void', lockOverride: input.lockOverride });
    return publicResult(finishPosting(ctx, row, { action: 'void' }));
  });
}
