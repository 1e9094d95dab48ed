/**
 * Writing a posted document: the row, its explicit targets, and its audit
 * row, all inside the caller's transaction. Used by every posting service,
 * voids and imports; re-derivation runs afterwards (once per customer).
 */
import { newId } from '../../../shared/ids';
import type { CreditNoteType, ReceiptMethod } from '../../../shared/api/ledgerEnums';
import type { DocKind, ExplicitTarget, Side } from '../../../shared/receivables/types';
import type { LockOverride } from '../../../shared/api/periodLock';
import { recordChange, recordChanges, type ChangeRecord } from '../audit/recordChange';
import { insertRows } from '../../../db/insertRows';
import type { ServiceContext } from '../context';
import { documentSnapshot, type DocumentRow } from './docRows';
import { guardPeriodLock } from '../statements/periodLock';
import { guardClosedPeriod } from '../period/closedPeriod';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';

/** A fully resolved document (number, side and effective due date decided). */
export interface NewDocument {
  /** Given when the caller needed the id before inserting (to place the document in the replay); else generated. */
  id?: string;
  customerId: string;
  kind: DocKind;
  side: Side;
  docNo: string;
  docDate: string;
  dueOn: string | null;
  amountFen: number;
  contractId?: string | null;
  /** Invoices only: the line of contractId shipped (per-line rebate targets). */
  contractLineId?: string | null;
  installmentId?: string | null;
  method?: ReceiptMethod | null;
  reference?: string;
  billNo?: string;
  billMaturityOn?: string | null;
  vatInvoiceNo?: string;
  vatInvoiceDate?: string | null;
  noteType?: CreditNoteType | null;
  memo?: string;
  voidsId?: string | null;
  voidReason?: string;
  originalDate?: string | null;
  importBatchId?: string | null;
  explicitTargets?: readonly ExplicitTarget[];
}

export interface InsertAudit {
  /** 'post', 'import', 'void', 'undo_import' … */
  action: string;
  /** Extra facts for the audit row (a credit-limit override and its figures). */
  note?: Record<string, unknown>;
  /** The clerk's reason for writing into a period the customer confirmed (statements/periodLock.ts). */
  lockOverride?: LockOverride;
  /**
   * The caller already asked the period lock for this customer's earliest date
   * in the same transaction (imports: once per customer, not once per row).
   */
  lockCheckedByCaller?: boolean;
  /** The closed-through date as the caller read it in this transaction (imports: once per unit, not once per row). */
  closedThrough?: string | null;
}

export const DOCUMENT_TABLES = ['ar_documents', 'ar_explicit_targets'] as const;

// The column order of both the single-row INSERT (named parameters) and the multi-row one of insertDocuments.
const DOC_COLUMNS = [
  'id', 'customer_id', 'kind', 'side', 'doc_no', 'doc_date', 'due_on', 'amount_fen', 'contract_id',
  'installment_id', 'method', 'reference', 'bill_no', 'bill_maturity_on', 'vat_invoice_no', 'vat_invoice_date', 'note_type', 'memo', 'voids_id',
  'void_reason', 'original_date', 'import_batch_id', 'open_fen', 'unapplied_fen', 'created_at', 'created_by', 'updated_at', 'contract_line_id',
] as const satisfies readonly (keyof DocumentRow)[];
const DOC_HEAD = `INSERT INTO ar_documents (${DOC_COLUMNS.join(', ')})`;
const INSERT_DOC = `${DOC_HEAD} VALUES (${DOC_COLUMNS.map((c) => `@${c}`).join(', ')})`;
const INSERT_TARGET = `INSERT INTO ar_explicit_targets (credit_id, seq, debit_id, customer_id, amount_fen) VALUES (?, ?, ?, ?, ?)`;

/** The row as stored. Derived amounts start at "nothing allocated"; the re-derivation sets them. */
export function documentRow(ctx: ServiceContext, doc: NewDocument, id: string, now: string): DocumentRow {
  const isVoid = doc.kind === 'void';
  return {
    id,
    customer_id: doc.customerId,
    kind: doc.kind,
    side: doc.side,
    doc_no: doc.docNo,
    doc_date: doc.docDate,
    due_on: doc.dueOn,
    amount_fen: doc.amountFen,
    contract_id: doc.contractId ?? null,
    contract_line_id: doc.contractLineId ?? null,
    installment_id: doc.installmentId ?? null,
    method: doc.method ?? null,
    reference: doc.reference ?? '',
    bill_no: doc.billNo ?? '',
    bill_maturity_on: doc.billMaturityOn ?? null,
    vat_invoice_no: doc.vatInvoiceNo ?? '',
    vat_invoice_date: doc.vatInvoiceDate ?? null,
    note_type: doc.noteType ?? null,
    memo: doc.memo ?? '',
    voids_id: doc.voidsId ?? null,
    void_reason: doc.voidReason ?? '',
    original_date: doc.originalDate ?? null,
    import_batch_id: doc.importBatchId ?? null,
    open_fen: !isVoid && doc.side === 'debit' ? doc.amountFen : null,
    unapplied_fen: !isVoid && doc.side === 'credit' ? doc.amountFen : null,
    created_at: now,
    created_by: ctx.actor.user,
    updated_at: now,
  };
}

/** A document's derived amounts when the caller replayed before inserting (imports): stored at once, never updated after. */
export interface KnownDerived {
  open: number | null;
  unapplied: number | null;
}

/** A document ready to write: its row, its explicit targets and its audit row. */
interface DocumentWrite {
  row: DocumentRow;
  targets: readonly ExplicitTarget[];
  change: ChangeRecord;
}

/** The checks every ledger write passes and the rows it writes (nothing is written here). */
function documentWrite(ctx: ServiceContext, doc: NewDocument, audit: InsertAudit, derived: KnownDerived | undefined, now: string): DocumentWrite {
  // Every ledger write passes here, so the closed period (issue 13) and the
  // confirmed-period lock (issue 8) are enforced once, for all of them (chunked
  // imports check the confirmed-period lock once per customer beforehand).
  const write = { customerId: doc.customerId, date: doc.docDate, originalDate: doc.originalDate ?? null, label: `${AR_DOC_KIND_LABELS[doc.kind]} ${doc.docNo}` };
  const closedNote = audit.closedThrough === undefined ? guardClosedPeriod(ctx, write) : guardClosedPeriod(ctx, write, audit.closedThrough);
  const lockNote = audit.lockCheckedByCaller
    ? null
    : guardPeriodLock(
        ctx,
        { customerId: doc.customerId, kind: doc.kind, docNo: doc.docNo, date: doc.docDate, originalDate: doc.originalDate ?? null },
        audit.lockOverride ?? null,
      );
  const id = doc.id ?? newId();
  const row = documentRow(ctx, doc, id, now);
  if (derived) {
    row.open_fen = derived.open;
    row.unapplied_fen = derived.unapplied;
  }
  const targets = doc.explicitTargets ?? [];
  const change: ChangeRecord = {
    entity: 'ar_document',
    entityId: id,
    action: audit.action,
    before: null,
    after: { ...documentSnapshot(row, targets), ...(audit.note ?? {}), ...(lockNote ?? {}), ...(closedNote ?? {}) },
    tables: DOCUMENT_TABLES,
    customerId: doc.customerId,
  };
  return { row, targets, change };
}

function insertTargets(ctx: ServiceContext, w: DocumentWrite): void {
  if (w.targets.length === 0) return;
  const insertTarget = ctx.db.prepare(INSERT_TARGET);
  w.targets.forEach((t, i) => insertTarget.run(w.row.id, i + 1, t.debitId, w.row.customer_id, t.amountFen));
}

/** Inserts one document with its targets and audit row; returns the stored row. */
export function insertDocument(ctx: ServiceContext, doc: NewDocument, audit: InsertAudit, derived?: KnownDerived): DocumentRow {
  const w = documentWrite(ctx, doc, audit, derived, ctx.clock.now().toISOString());
  ctx.db.prepare(INSERT_DOC).run(w.row);
  insertTargets(ctx, w);
  recordChange(ctx, w.change);
  return w.row;
}

/**
 * Many documents at once (imports): the same checks, rows and audit rows as
 * one insertDocument each, in the same order, but written with multi-row
 * INSERTs (db/insertRows.ts): a document row is one call into SQLite per
 * group instead of one per row, and so is its audit row.
 */
export function insertDocuments(ctx: ServiceContext, docs: readonly NewDocument[], audit: InsertAudit, derived: readonly KnownDerived[]): DocumentRow[] {
  const now = ctx.clock.now().toISOString();
  const writes = docs.map((doc, i) => documentWrite(ctx, doc, audit, derived[i], now));
  insertRows(ctx.db, DOC_HEAD, DOC_COLUMNS.length, writes.map((w) => DOC_COLUMNS.map((c) => w.row[c])));
  for (const w of writes) insertTargets(ctx, w);
  recordChanges(ctx, writes.map((w) => w.change));
  return writes.map((w) => w.row);
}
