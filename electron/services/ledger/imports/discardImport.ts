/**
 * Removing the documents of a ledger import that never finished (a chunk
 * failed, or the process died mid-import): the rollback of a chunked commit.
 * Only a batch still `committing` can lose its documents (the delete trigger
 * of migration 0008 refuses anything else), so posted books are never touched.
 *
 * Customer by customer, in short transactions like the import itself: the
 * allocations and explicit targets that involve the batch's documents, their
 * audit rows, the documents, then one re-derivation of the customer.
 */
import type { ServiceContext } from '../../context';
import { rederiveCustomer } from '../rederive';

/** Customers per transaction: a few hundred documents each at most. */
const CUSTOMERS_PER_CHUNK = 50;

const SQL = {
  customers: `SELECT DISTINCT customer_id FROM ar_documents WHERE import_batch_id = ?`,
  allocations: `DELETE FROM ar_allocations WHERE customer_id = @c AND (
      debit_id IN (SELECT id FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c)
      OR credit_id IN (SELECT id FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c))`,
  targets: `DELETE FROM ar_explicit_targets WHERE customer_id = @c
      AND credit_id IN (SELECT id FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c)`,
  audit: `DELETE FROM audit_log WHERE entity = 'ar_document'
      AND entity_id IN (SELECT id FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c)`,
  // Issue 17's open spans reference the documents; the re-derivation below rebuilds the customer's.
  spans: `DELETE FROM ar_open_spans WHERE customer_id = @c
      AND doc_id IN (SELECT id FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c)`,
  documents: `DELETE FROM ar_documents WHERE import_batch_id = @b AND customer_id = @c`,
};

export async function discardLedgerImport(ctx: ServiceContext, batchId: string): Promise<void> {
  const customers = (ctx.db.prepare(SQL.customers).all(batchId) as { customer_id: string }[]).map((r) => r.customer_id);
  for (let i = 0; i < customers.length; i += CUSTOMERS_PER_CHUNK) {
    ctx.db.transaction(() => {
      for (const c of customers.slice(i, i + CUSTOMERS_PER_CHUNK)) {
        const p = { b: batchId, c };
        ctx.db.prepare(SQL.allocations).run(p);
        ctx.db.prepare(SQL.targets).run(p);
        ctx.db.prepare(SQL.audit).run(p);
        ctx.db.prepare(SQL.spans).run(p);
        ctx.db.prepare(SQL.documents).run(p);
        rederiveCustomer(ctx, c, { action: 'discard_import', importBatchId: batchId });
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}
