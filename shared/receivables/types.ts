/**
 * Shapes shared by the receivables engine (replay, aging, ledger). Pure data:
 * the engine never touches the database, so services load a customer's
 * documents, hand them over as ArDoc values and store/show what comes back.
 * Money is integer fen; dates are YYYY-MM-DD strings compared as text.
 */

export type DocKind =
  | 'opening'
  | 'invoice'
  | 'receipt'
  | 'credit_note'
  | 'write_off'
  | 'refund'
  | 'void';

/** debit raises what the customer owes, credit lowers it. */
export type Side = 'debit' | 'credit';

/** A clerk-chosen allocation on a credit document, applied before FIFO. */
export interface ExplicitTarget {
  debitId: string;
  amountFen: number;
}

export interface ArDoc {
  id: string;
  kind: DocKind;
  /**
   * Set by the caller from the kind: a negative opening is an 'opening' on the
   * credit side, and a void is on the side opposite its original.
   */
  side: Side;
  docNo: string;
  docDate: string;
  /** Debit documents: the effective due date, already resolved by the caller. */
  dueOn: string | null;
  /** Always > 0; the side gives the sign. */
  amountFen: number;
  /** For kind 'void': the id of the document it reverses. */
  voidsId: string | null;
  /** Credit documents: allocations chosen by hand, in order (a write-off has exactly one). */
  explicitTargets: ExplicitTarget[];
}

/** One derived 核销 row: part of a credit document paying part of a debit document. */
export interface Allocation {
  creditId: string;
  debitId: string;
  amountFen: number;
  /** The later of the two documents' dates. */
  allocatedOn: string;
  /** True when produced by one of the credit's explicit targets. */
  explicit: boolean;
}

export interface ReplayResult {
  allocations: Allocation[];
  /** Every existing, non-voided debit document (void documents excluded), zeros included. */
  openByDebit: Map<string, number>;
  /** Every existing, non-voided credit document (void documents excluded), zeros included. */
  unappliedByCredit: Map<string, number>;
  /** Debits − credits of all documents dated ≤ asOf, voided originals and voids included. */
  balanceFen: number;
}
