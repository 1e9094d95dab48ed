/** One document as the document page shows it: fields, customer, contract, void links and its allocations both ways. */
import type { ArAllocationView, ArDocumentDetail } from '../../../shared/api/ledger';
import type { DocKind } from '../../../shared/receivables/types';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { customerRef } from './customerFacts';
import { toDocument, type DocumentRow } from './docRows';

const ALLOCATIONS_SQL = `SELECT a.credit_id, a.debit_id, a.amount_fen, a.allocated_on, a.explicit,
    c.kind AS credit_kind, c.doc_no AS credit_no, c.doc_date AS credit_date,
    d.kind AS debit_kind, d.doc_no AS debit_no, d.doc_date AS debit_date
  FROM ar_allocations a
  JOIN ar_documents c ON c.id = a.credit_id
  JOIN ar_documents d ON d.id = a.debit_id
  WHERE a.credit_id = ? OR a.debit_id = ?
  ORDER BY a.allocated_on, c.doc_date, c.doc_no, d.due_on, d.doc_date, d.doc_no, a.explicit DESC`;

interface AllocationJoinRow {
  credit_id: string;
  debit_id: string;
  amount_fen: number;
  allocated_on: string;
  explicit: number;
  credit_kind: string;
  credit_no: string;
  credit_date: string;
  debit_kind: string;
  debit_no: string;
  debit_date: string;
}

export function allocationsOf(ctx: ServiceContext, docId: string): ArAllocationView[] {
  return (ctx.db.prepare(ALLOCATIONS_SQL).all(docId, docId) as AllocationJoinRow[]).map((r) => ({
    creditId: r.credit_id,
    creditKind: r.credit_kind as DocKind,
    creditDocNo: r.credit_no,
    creditDate: r.credit_date,
    debitId: r.debit_id,
    debitKind: r.debit_kind as DocKind,
    debitDocNo: r.debit_no,
    debitDate: r.debit_date,
    amountFen: r.amount_fen,
    allocatedOn: r.allocated_on,
    explicit: r.explicit === 1,
  }));
}

export function findDocumentRow(ctx: ServiceContext, id: string): DocumentRow | undefined {
  return ctx.db.first(ctx.db.k.selectFrom('ar_documents').selectAll().where('id', '=', id));
}

export function requireDocumentRow(ctx: ServiceContext, id: string, field: string): DocumentRow {
  const row = findDocumentRow(ctx, id);
  if (!row) throw new DomainError('not_found', '找不到该单据', field);
  return row;
}

/** The void reversing a document, if any: the first by date and id when two PCs voided it (a sync conflict). */
export function voidOf(ctx: ServiceContext, id: string): { id: string; doc_no: string; doc_date: string; void_reason: string } | undefined {
  return ctx.db.prepare(`SELECT id, doc_no, doc_date, void_reason FROM ar_documents WHERE voids_id = ? ORDER BY doc_date, id LIMIT 1`).get(id) as
    | { id: string; doc_no: string; doc_date: string; void_reason: string }
    | undefined;
}

export function documentDetail(ctx: ServiceContext, id: string, field = 'id'): ArDocumentDetail {
  const row = requireDocumentRow(ctx, id, field);
  const customer = ctx.db.prepare(`SELECT id, code, name FROM customers WHERE id = ?`).get(row.customer_id) as {
    id: string;
    code: string;
    name: string;
  };
  const voidedBy = voidOf(ctx, id);
  const original = row.voids_id === null ? undefined : findDocumentRow(ctx, row.voids_id);
  const contract =
    row.contract_id === null
      ? undefined
      : (ctx.db.prepare(`SELECT contract_no FROM contracts WHERE id = ?`).get(row.contract_id) as { contract_no: string } | undefined);
  const targets = ctx.db
    .prepare(
      `SELECT t.debit_id, t.amount_fen, d.doc_no FROM ar_explicit_targets t JOIN ar_documents d ON d.id = t.debit_id
       WHERE t.credit_id = ? ORDER BY t.seq`,
    )
    .all(id) as { debit_id: string; amount_fen: number; doc_no: string }[];
  return {
    ...toDocument(row, voidedBy ?? null),
    customer: customerRef(customer),
    contractNo: contract?.contract_no ?? null,
    voids: original ? { id: original.id, kind: original.kind as DocKind, docNo: original.doc_no, date: original.doc_date } : null,
    voidedBy: voidedBy ? { id: voidedBy.id, kind: 'void', docNo: voidedBy.doc_no, date: voidedBy.doc_date, reason: voidedBy.void_reason } : null,
    allocations: allocationsOf(ctx, id),
    explicitTargets: targets.map((t) => ({ debitId: t.debit_id, debitDocNo: t.doc_no, amountFen: t.amount_fen })),
  };
}
