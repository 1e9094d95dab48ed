/**
 * The ledger's batch function for loading a whole history at once (demo data,
 * bench data sets): one customer's documents, computed by the SAME replay as
 * every posting and written with their derived amounts, allocations and
 * summary row in one pass, instead of one posting (and one re-derivation)
 * per document. The customer must have no documents yet, so the result is
 * exactly what posting them one by one would store.
 *
 * The audit log gets one row per customer and load (entity 'ar_ledger',
 * action 'bulk_load') with the counts and the source, not one per document:
 * this is generated data, and a million per-document rows would double the
 * database for nothing a reader of the log needs.
 */
import { newId } from '../../../shared/ids';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc } from '../../../shared/receivables/types';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { arDocOfNew } from './docRows';
import { documentRow, type NewDocument } from './insertDocument';
import { writeOpenSpans } from './openSpans';
import { customerStateOf, derivedAmounts, writeCustomerState } from './rederive';

export interface LoadDocument extends NewDocument {
  /** Assigned by the caller so explicit targets and voids can refer to documents of the same load. */
  id: string;
}

export const newDocumentId = (): string => newId();

const INSERT_DOC = `INSERT INTO ar_documents (id, customer_id, kind, side, doc_no, doc_date, due_on, amount_fen, contract_id,
    installment_id, method, reference, bill_no, bill_maturity_on, vat_invoice_no, vat_invoice_date, note_type, memo, voids_id,
    void_reason, original_date, import_batch_id, open_fen, unapplied_fen, created_at, created_by, updated_at, contract_line_id)
  VALUES (@id, @customer_id, @kind, @side, @doc_no, @doc_date, @due_on, @amount_fen, @contract_id,
    @installment_id, @method, @reference, @bill_no, @bill_maturity_on, @vat_invoice_no, @vat_invoice_date, @note_type, @memo, @voids_id,
    @void_reason, @original_date, @import_batch_id, @open_fen, @unapplied_fen, @created_at, @created_by, @updated_at, @contract_line_id)`;
const INSERT_TARGET = `INSERT INTO ar_explicit_targets (credit_id, seq, debit_id, customer_id, amount_fen) VALUES (?, ?, ?, ?, ?)`;
const INSERT_ALLOCATION = `INSERT INTO ar_allocations (credit_id, debit_id, explicit, customer_id, amount_fen, allocated_on) VALUES (?, ?, ?, ?, ?, ?)`;

export interface LoadOutcome {
  documents: number;
  allocations: number;
}

/** Writes one customer's complete history. Call inside a transaction. */
export function loadCustomerHistory(ctx: ServiceContext, customerId: string, docs: readonly LoadDocument[], source: string): LoadOutcome {
  if (ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE customer_id = ? LIMIT 1`).get(customerId) !== undefined) {
    throw new Error(`customer ${customerId} already has documents; a bulk load only fills an empty ledger`);
  }
  const arDocs: ArDoc[] = docs.map(arDocOfNew);
  const result = replay(arDocs, null);
  const arById = new Map(arDocs.map((x) => [x.id, x]));
  const now = ctx.clock.now().toISOString();
  const insertDoc = ctx.db.prepare(INSERT_DOC);
  const insertTarget = ctx.db.prepare(INSERT_TARGET);
  // Originals before their voids (the foreign key), otherwise in the caller's order.
  const ordered = [...docs].sort((a, b) => (a.kind === 'void' ? 1 : 0) - (b.kind === 'void' ? 1 : 0));
  for (const d of ordered) {
    const row = documentRow(ctx, d, d.id, now);
    const derived = derivedAmounts(arById.get(d.id) as ArDoc, result);
    row.open_fen = derived.open;
    row.unapplied_fen = derived.unapplied;
    insertDoc.run(row);
    (d.explicitTargets ?? []).forEach((t, i) => insertTarget.run(d.id, i + 1, t.debitId, customerId, t.amountFen));
  }
  const insertAllocation = ctx.db.prepare(INSERT_ALLOCATION);
  for (const a of result.allocations) {
    insertAllocation.run(a.creditId, a.debitId, a.explicit ? 1 : 0, customerId, a.amountFen, a.allocatedOn);
  }
  writeCustomerState(ctx, customerId, customerStateOf(arDocs, result));
  writeOpenSpans(ctx, customerId, arDocs, result, true);
  recordChange(ctx, {
    entity: 'ar_ledger',
    entityId: customerId,
    action: 'bulk_load',
    before: null,
    after: { source, documents: docs.length, allocations: result.allocations.length },
    tables: ['ar_documents', 'ar_explicit_targets', 'ar_allocations', 'ar_customer_state', 'ar_open_spans'],
  });
  return { documents: docs.length, allocations: result.allocations.length };
}
