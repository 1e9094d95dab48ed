/**
 * What an alert's amount is made of, by kind (the amountFen column of
 * shared/api/alerts.ts): the overdue total and the balance are the
 * customer's open items; an installment's unpaid part and a finished
 * contract's outstanding are on the contract; a broken promise is in the
 * customer's interactions; an unconfirmed statement's closing balance is the
 * statement. Anything else with an amount opens its document, its contract,
 * or the customer's ledger.
 */
import type { AlertView } from '../../../../shared/api/alerts';

export type AmountTarget =
  | { to: 'openItems'; customerId: string }
  | { to: 'statement'; statementId: string }
  | { to: 'document'; docId: string }
  | { to: 'route'; path: string };

export function amountTarget(a: AlertView): AmountTarget {
  if (a.kind === 'overdue' || a.kind === 'credit_limit') return { to: 'openItems', customerId: a.customerId };
  if (a.kind === 'statement_unconfirmed' && a.statementId !== null) return { to: 'statement', statementId: a.statementId };
  if (a.kind === 'promise_broken') return { to: 'route', path: `/customers/${a.customerId}?tab=interactions` };
  if (a.docId !== null) return { to: 'document', docId: a.docId };
  if (a.contractId !== null) return { to: 'route', path: `/contracts/${a.contractId}` };
  return { to: 'route', path: `/customers/${a.customerId}?tab=ledger` };
}
