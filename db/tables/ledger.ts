/** Kysely row types of the receivables ledger (migration 0004). */
export interface ArDocumentsTable {
  id: string;
  customer_id: string;
  /** 'opening' | 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'refund' | 'void' */
  kind: string;
  /** 'debit' | 'credit' */
  side: string;
  doc_no: string;
  doc_date: string;
  /** Effective due date of a debit (resolved when posted); null on credits and voids. */
  due_on: string | null;
  amount_fen: number;
  contract_id: string | null;
  /** The contract line an invoice ships (migration 0019); null = the contract as a whole. */
  contract_line_id: string | null;
  installment_id: string | null;
  method: string | null;
  reference: string;
  bill_no: string;
  bill_maturity_on: string | null;
  vat_invoice_no: string;
  vat_invoice_date: string | null;
  note_type: string | null;
  memo: string;
  voids_id: string | null;
  void_reason: string;
  /** Voids: the doc_date of the original (for "as of D" readers). */
  original_date: string | null;
  import_batch_id: string | null;
  /** Derived (full replay): debits' open amount. */
  open_fen: number | null;
  /** Derived (full replay): credits' unapplied amount. */
  unapplied_fen: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface ArExplicitTargetsTable {
  credit_id: string;
  seq: number;
  debit_id: string;
  customer_id: string;
  amount_fen: number;
}

export interface ArAllocationsTable {
  credit_id: string;
  debit_id: string;
  /** 0 or 1. */
  explicit: number;
  customer_id: string;
  amount_fen: number;
  allocated_on: string;
}

export interface ArCustomerStateTable {
  customer_id: string;
  /** debit_fen − credit_fen, voids included. */
  balance_fen: number;
  debit_fen: number;
  credit_fen: number;
  open_debit_fen: number;
  unapplied_fen: number;
  first_doc_on: string | null;
  last_doc_on: string | null;
  last_invoice_on: string | null;
  last_receipt_on: string | null;
  doc_count: number;
  updated_at: string;
}

/** Derived (migration 0014_a): one step of a document's open/unapplied amount, [from_on, until_on). */
export interface ArOpenSpansTable {
  customer_id: string;
  doc_id: string;
  from_on: string;
  /** '9999-12-31' while still open. */
  until_on: string;
  from_month: string;
  side: string;
  due_on: string | null;
  doc_date: string;
  open_fen: number;
}

/**
 * Derived (migration 0025, shared/receivables/voidWindows.ts): for the dates
 * a void crosses, the open spans of the replay as of those dates, clipped to
 * the piece of calendar they hold for. Same columns as ar_open_spans.
 */
export type ArVoidWindowSpansTable = ArOpenSpansTable;

/** Derived (migration 0025): per customer with void windows, a digest of what its window spans were built from. */
export interface ArVoidWindowInputsTable {
  customer_id: string;
  /** sha1 of the windows and the documents dated before the last one ends (db/voidWindowDigest.ts); null: in doubt, rebuilt on the next re-derivation. */
  digest: string | null;
}

/** Derived (migration 0014_b, kept by a trigger): per document date, the net, invoices and receipts. */
export interface ArDayTotalsTable {
  doc_date: string;
  net_fen: number;
  invoiced_fen: number;
  received_fen: number;
  doc_count: number;
}
