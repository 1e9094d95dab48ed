/**
 * installment_due (§4, "within [7] days"). Precisely: an installment
 * (付款计划) of a contract whose stored status is active (expired ones
 * included: the money is still due) with
 *   due date ≤ D + withinDays, and
 *   unpaid = amount − settled > 0,
 * where settled = Σ (amount − open as of D) over the live invoices dated ≤ D
 * posted against that installment (what receipts, credit notes or write-offs
 * have cleared on them), capped at the installment's amount. So an
 * installment stays due until the money for it has come in, not merely
 * until it was invoiced; an installment already past its date keeps
 * alerting until paid. Drafts are not in force; completed and terminated
 * contracts are covered by contract_ended_with_balance.
 * Severity: info while the due date is ahead, warning from the due day on.
 * amountFen = unpaid, days = due date − D (negative once past).
 */
import { addDays, diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import { installmentSettledPastSql } from '../pastFigures';
import type { AlertSources } from '../sources';

// settled_fen: as of today from the stored open amounts; as of a past date by the prefix rule;
// a customer with a crossing void takes it from its replay as of D instead.
const SETTLED_NOW = `(SELECT coalesce(sum(d.amount_fen - d.open_fen), 0) FROM ar_documents d
    WHERE d.installment_id = i.id AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id))`;
// No ORDER BY: the alerts are sorted once, all kinds together (compute.ts).
const sqlWith = (settled: string) => `SELECT i.id, i.seq, i.label, i.due_on, i.amount_fen, k.id AS contract_id, k.contract_no, k.customer_id,
    ${settled} AS settled_fen
  FROM contract_installments i JOIN contracts k ON k.id = i.contract_id
  WHERE k.status = 'active' AND i.due_on <= @horizon`;
// Today nobody is replayed, so the installments fully settled are dropped in SQL (most of those due by now).
const SQL = { now: `SELECT * FROM (${sqlWith(SETTLED_NOW)}) WHERE settled_fen < amount_fen`, past: sqlWith(installmentSettledPastSql) };

interface InstallmentRow {
  id: string;
  seq: number;
  label: string;
  due_on: string;
  amount_fen: number;
  contract_id: string;
  contract_no: string;
  customer_id: string;
  settled_fen: number;
}

export function installmentDueAlerts(s: AlertSources): Alert[] {
  const horizon = addDays(s.asOf, s.settings.installment_due.withinDays);
  const rows = (s.ledger.past
    ? s.ctx.db.prepare(SQL.past).all({ horizon, asOf: s.asOf })
    : s.ctx.db.prepare(SQL.now).all({ horizon })) as InstallmentRow[];
  if (rows.length === 0) return [];

  const replayedSettled = new Map<string, number>();
  for (const inv of s.ledger.replayedContractInvoices()) {
    if (inv.installmentId === null) continue;
    replayedSettled.set(inv.installmentId, (replayedSettled.get(inv.installmentId) ?? 0) + inv.amountFen - inv.openFen);
  }

  const out: Alert[] = [];
  for (const r of rows) {
    const customer = s.customer(r.customer_id);
    if (!customer) continue;
    const settledFen = s.ledger.isReplayed(r.customer_id) ? (replayedSettled.get(r.id) ?? 0) : r.settled_fen;
    const remainingFen = r.amount_fen - Math.min(r.amount_fen, settledFen);
    if (remainingFen <= 0) continue;
    const days = diffDays(r.due_on, s.asOf);
    out.push(
      makeAlert({
        kind: 'installment_due',
        subjectId: r.id,
        severity: days > 0 ? 'info' : 'warning',
        customer,
        contract: { id: r.contract_id, no: r.contract_no },
        amountFen: remainingFen,
        days,
        facts: { seq: r.seq, label: r.label, dueOn: r.due_on, installmentFen: r.amount_fen, remainingFen, daysUntilDue: days },
      }),
    );
  }
  return out;
}
