/**
 * A customer's documents as the replay engine needs them, loaded with two
 * indexed queries (documents, explicit targets), and the conversion of a
 * stored row to the API's ArDocument.
 */
import type { Selectable } from 'kysely';
import type { ArDocumentsTable } from '../../../db/tables/ledger';
import type { ArDocument, CreditNoteType, ReceiptMethod } from '../../../shared/api/ledger';
import type { ArDoc, DocKind, ExplicitTarget, Side } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';

export type DocumentRow = Selectable<ArDocumentsTable>;

/** The replay's view of a stored document plus its stored derived amounts (to diff against). */
export interface LoadedDoc extends ArDoc {
  storedOpenFen: number | null;
  storedUnappliedFen: number | null;
}

interface SlimRow {
  id: string;
  kind: string;
  side: string;
  doc_no: string;
  doc_date: string;
  due_on: string | null;
  amount_fen: number;
  voids_id: string | null;
  open_fen: number | null;
  unapplied_fen: number | null;
}

// Raw prepared statements: this runs on every posting, for customers with thousands of documents.
const DOCS_SQL = `SELECT id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id, open_fen, unapplied_fen
  FROM ar_documents WHERE customer_id = ?`;
const SLIM = `id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id, open_fen, unapplied_fen`;
// ar_documents_customer_replay covers it: a seek to the customer's documents from the date.
const FROM_SQL = `SELECT ${SLIM} FROM ar_documents WHERE customer_id = ? AND doc_date >= ?`;
// The open-items index finds the few open ones among a long history (the planner would walk the replay index instead).
const OPEN_BEFORE_SQL = `SELECT ${SLIM} FROM ar_documents INDEXED BY ar_documents_open WHERE customer_id = ? AND open_fen > 0 AND doc_date < ?`;
const UNAPPLIED_BEFORE_SQL = `SELECT ${SLIM} FROM ar_documents WHERE customer_id = ? AND unapplied_fen > 0 AND doc_date < ?`;
const BY_ID_SQL = `SELECT ${SLIM} FROM ar_documents WHERE id = ? AND customer_id = ?`;
const TARGETS_SQL = `SELECT credit_id, debit_id, amount_fen FROM ar_explicit_targets WHERE customer_id = ? ORDER BY credit_id, seq`;

/** What the replay needs of a document about to be written (its id already chosen): imports and the bulk loader place new documents in the replay before inserting them. */
export function arDocOfNew(
  d: Omit<ArDoc, 'voidsId' | 'explicitTargets'> & { voidsId?: string | null; explicitTargets?: readonly ExplicitTarget[] },
): ArDoc {
  return {
    id: d.id,
    kind: d.kind,
    side: d.side,
    docNo: d.docNo,
    docDate: d.docDate,
    dueOn: d.dueOn,
    amountFen: d.amountFen,
    voidsId: d.voidsId ?? null,
    explicitTargets: [...(d.explicitTargets ?? [])],
  };
}

/** Every document of one customer, with its explicit targets in the order the clerk gave them. */
export function loadCustomerDocs(ctx: ServiceContext, customerId: string): LoadedDoc[] {
  const rows = ctx.db.prepare(DOCS_SQL).all(customerId) as SlimRow[];
  return withTargets(ctx, customerId, rows);
}

/**
 * The documents a replay resumed at `from` needs (shared/receivables/resume.ts
 * neededForResume), each by an index seek instead of a walk over the whole
 * history: those dated from `from`, the earlier ones with something open
 * (the open-items index), the earlier ones with something unapplied (only
 * looked for when the customer's stored summary has any: no index holds
 * them), and the earlier ones a stored allocation dated from `from` names.
 */
export function loadDocsForResume(ctx: ServiceContext, customerId: string, from: string, anyUnapplied: boolean, named: Iterable<string>): LoadedDoc[] {
  const rows = ctx.db.prepare(FROM_SQL).all(customerId, from) as SlimRow[];
  rows.push(...(ctx.db.prepare(OPEN_BEFORE_SQL).all(customerId, from) as SlimRow[]));
  if (anyUnapplied) rows.push(...(ctx.db.prepare(UNAPPLIED_BEFORE_SQL).all(customerId, from) as SlimRow[]));
  const loaded = new Set(rows.map((r) => r.id));
  const byId = ctx.db.prepare(BY_ID_SQL);
  for (const id of named) {
    if (loaded.has(id)) continue;
    const row = byId.get(id, customerId) as SlimRow | undefined;
    if (row !== undefined) rows.push(row);
    loaded.add(id);
  }
  // Only credits dated from `from` apply their explicit targets in the resumed replay (earlier ones are
  // replayed without them: resume.ts), so without any the targets are not read and every list stays empty.
  return rows.some((r) => r.side === 'credit' && r.doc_date >= from) ? withTargets(ctx, customerId, rows) : rows.map((r) => toLoadedDoc(r, NO_TARGETS));
}

const NO_TARGETS = new Map<string, ExplicitTarget[]>();

function withTargets(ctx: ServiceContext, customerId: string, rows: readonly SlimRow[]): LoadedDoc[] {
  const targets = ctx.db.prepare(TARGETS_SQL).all(customerId) as { credit_id: string; debit_id: string; amount_fen: number }[];
  const byCredit = new Map<string, ExplicitTarget[]>();
  for (const t of targets) {
    let list = byCredit.get(t.credit_id);
    if (list === undefined) {
      list = [];
      byCredit.set(t.credit_id, list);
    }
    list.push({ debitId: t.debit_id, amountFen: t.amount_fen });
  }
  return rows.map((r) => toLoadedDoc(r, byCredit));
}

function toLoadedDoc(r: SlimRow, byCredit: ReadonlyMap<string, ExplicitTarget[]>): LoadedDoc {
  return {
    id: r.id,
    kind: r.kind as DocKind,
    side: r.side as Side,
    docNo: r.doc_no,
    docDate: r.doc_date,
    dueOn: r.due_on,
    amountFen: r.amount_fen,
    voidsId: r.voids_id,
    explicitTargets: byCredit.get(r.id) ?? [],
    storedOpenFen: r.open_fen,
    storedUnappliedFen: r.unapplied_fen,
  };
}

/** Ids of the documents a void reverses (at any date). */
export function voidedIds(docs: readonly ArDoc[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) if (d.kind === 'void' && d.voidsId !== null) out.add(d.voidsId);
  return out;
}

/** The stored row as the API shows it; `voidedBy` is the void reversing it, if any. */
export function toDocument(row: DocumentRow, voidedBy: { id: string; doc_date: string } | null): ArDocument {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind as DocKind,
    side: row.side as Side,
    docNo: row.doc_no,
    date: row.doc_date,
    dueOn: row.due_on,
    amountFen: row.amount_fen,
    contractId: row.contract_id,
    contractLineId: row.contract_line_id,
    installmentId: row.installment_id,
    method: row.method as ReceiptMethod | null,
    reference: row.reference,
    billNo: row.bill_no,
    billMaturityOn: row.bill_maturity_on,
    vatInvoiceNo: row.vat_invoice_no,
    vatInvoiceDate: row.vat_invoice_date,
    noteType: row.note_type as CreditNoteType | null,
    memo: row.memo,
    voidsId: row.voids_id,
    voidReason: row.void_reason,
    voidedById: voidedBy?.id ?? null,
    voidedOn: voidedBy?.doc_date ?? null,
    openFen: row.open_fen,
    unappliedFen: row.unapplied_fen,
    importBatchId: row.import_batch_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** What the audit row of a posted document records: every stored input field (derived amounts excluded). */
export function documentSnapshot(row: Omit<DocumentRow, 'open_fen' | 'unapplied_fen' | 'updated_at'>, targets: readonly ExplicitTarget[]) {
  return {
    customerId: row.customer_id,
    kind: row.kind,
    side: row.side,
    docNo: row.doc_no,
    date: row.doc_date,
    dueOn: row.due_on,
    amountFen: row.amount_fen,
    contractId: row.contract_id,
    // Only when set: audit rows of documents without a line read as before the column existed.
    ...(row.contract_line_id ? { contractLineId: row.contract_line_id } : {}),
    installmentId: row.installment_id,
    method: row.method,
    reference: row.reference,
    billNo: row.bill_no,
    billMaturityOn: row.bill_maturity_on,
    vatInvoiceNo: row.vat_invoice_no,
    vatInvoiceDate: row.vat_invoice_date,
    noteType: row.note_type,
    memo: row.memo,
    voidsId: row.voids_id,
    voidReason: row.void_reason,
    importBatchId: row.import_batch_id,
    explicitTargets: targets,
  };
}
