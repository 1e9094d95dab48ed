/**
 * Undoing an imported batch of ledger documents: the books keep what
 * happened, so nothing is deleted. Each document of the batch that is still
 * live gets a void dated as the original (so the original never counts at any
 * date), whose reason and memo mark the undone import; the voids carry the
 * batch id too. One re-derivation per customer at the end.
 */
import { AR_DOC_KIND_LABELS } from '../../../../shared/api/ledgerEnums';
import type { DocKind } from '../../../../shared/receivables/types';
import type { ServiceContext } from '../../context';
import type { ImportKindHandler } from '../../imports/kinds';
import type { DocumentRow } from '../docRows';
import { insertDocument } from '../insertDocument';
import { DocNumberSeries } from '../numbering';
import { rederiveCustomer } from '../rederive';
import { voidDocumentFor } from '../voidDocument';

/** The batch's own documents (not its undo voids) that no void reverses yet. */
function liveDocumentsOf(ctx: ServiceContext, batchId: string): DocumentRow[] {
  return ctx.db.all(
    ctx.db.k
      .selectFrom('ar_documents as d')
      .selectAll('d')
      .where('d.import_batch_id', '=', batchId)
      .where('d.kind', '<>', 'void')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('ar_documents as v').select('v.id').whereRef('v.voids_id', '=', 'd.id'))))
      .orderBy('d.doc_date')
      .orderBy('d.id'),
  );
}

/**
 * A live write-off outside the batch that names one of its debits: voiding that debit first would misdirect it.
 * Starts from the write-offs (few) and goes to their targets; CROSS JOIN keeps SQLite to that order, which
 * stays fast for a 100,000-row batch (starting from the batch's documents it probed every write-off per row).
 */
const BLOCKING_WRITE_OFF_SQL = `SELECT d.doc_no AS debit_no, d.kind AS debit_kind, w.doc_no AS write_off_no
  FROM ar_documents w
  CROSS JOIN ar_explicit_targets t
  CROSS JOIN ar_documents d
  WHERE w.kind = 'write_off' AND t.credit_id = w.id AND d.id = t.debit_id
    AND d.import_batch_id = ? AND (w.import_batch_id IS NULL OR w.import_batch_id <> d.import_batch_id)
    AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = w.id)
    AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)
  LIMIT 1`;

export const ledgerImportUndo: Pick<ImportKindHandler, 'undoBlockedReason' | 'undo'> = {
  undoBlockedReason(ctx, batchId) {
    const hit = ctx.db.prepare(BLOCKING_WRITE_OFF_SQL).get(batchId) as
      | { debit_no: string; debit_kind: string; write_off_no: string }
      | undefined;
    if (!hit) return null;
    return `本批导入的${AR_DOC_KIND_LABELS[hit.debit_kind as DocKind]} ${hit.debit_no} 已被坏账核销单 ${hit.write_off_no} 核销，请先冲销该核销单再撤销导入`;
  },
  undo(ctx, batchId, reason) {
    const docs = liveDocumentsOf(ctx, batchId);
    const numbers = new DocNumberSeries(ctx);
    const customers = new Set<string>();
    for (const original of docs) {
      const voidDoc = voidDocumentFor(original, original.doc_date, reason, numbers.take('void', original.doc_date), batchId);
      insertDocument(ctx, voidDoc, { action: 'undo_import' });
      customers.add(original.customer_id);
    }
    for (const customerId of customers) rederiveCustomer(ctx, customerId, { action: 'undo_import', importBatchId: batchId });
    return docs.length;
  },
};
