/**
 * One computed alert. Alerts are never stored (DESIGN §3): they are
 * recomputed for a date from the books; only acknowledgements are stored.
 */
import type { AlertKind, AlertSeverity, AlertState } from './kinds';

/**
 * The figures an alert was decided on, kept with an acknowledgement so a
 * later computation can tell whether things got worse (shared/alerts/worse.ts
 * lists the keys each kind carries).
 */
export type AlertFacts = Readonly<Record<string, number | string | null>>;

export interface Alert {
  kind: AlertKind;
  /** Stable across days: kind:<id of what it is about> (overdue:<customerId>, installment_due:<installmentId>, …). */
  key: string;
  severity: AlertSeverity;
  customerId: string;
  customerCode: string;
  customerName: string;
  contractId: string | null;
  contractNo: string | null;
  /** A ledger document, when the alert is about one. */
  docId: string | null;
  /** The ledger document's number, or the statement's number for statement_unconfirmed. */
  docNo: string | null;
  /** statement_unconfirmed only. */
  statementId: string | null;
  /** See the API notes: the overdue total, the balance, what is still unpaid … null where not applicable. */
  amountFen: number | null;
  /** Days overdue / late / since / until, per kind; null where not applicable. */
  days: number | null;
  /** One line in Chinese, for the CLI and logs (the UI renders its own from the same figures). */
  message: string;
  facts: AlertFacts;
}

export interface AlertAck {
  snoozedUntil: string | null;
  acknowledged: boolean;
  note: string;
  user: string;
  /** Business date of the acknowledgement. */
  ackedOn: string;
  /** ISO instant. */
  at: string;
  /** The severity and facts when it was acknowledged. */
  severity: AlertSeverity;
  facts: AlertFacts;
}

export interface AlertView extends Alert {
  state: AlertState;
  /** The stored acknowledgement, whether it still hides the alert or not. */
  ack: AlertAck | null;
  /** An acknowledgement exists but the facts got worse since, so the alert is back. */
  resurfaced: boolean;
}
