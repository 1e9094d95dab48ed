/**
 * The contract rules (§4). Contract statuses are the stored, current ones;
 * only the date arithmetic is as of D.
 *
 * contract_expiring: an active contract whose end date is D … D + withinDays
 * [30] (0 = ends today). Severity info, warning on the end day itself.
 * days = end date − D; amountFen null.
 *
 * contract_ended_with_balance: a contract that has ended — active but past
 * its end date (shown as expired), completed, or terminated — while its live
 * invoices dated ≤ D still have something open as of D. Severity warning.
 * amountFen = the outstanding amount; days = days since the end date when
 * that date has passed, else null.
 */
import { addDays, diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import { contractsOpenAsOf } from '../pastFigures';
import type { AlertSources } from '../sources';

interface ContractRow {
  id: string;
  contract_no: string;
  customer_id: string;
  status: string;
  ends_on: string | null;
}

const EXPIRING_SQL = `SELECT id, contract_no, customer_id, status, ends_on FROM contracts
  WHERE status = 'active' AND ends_on >= ? AND ends_on <= ? ORDER BY ends_on, contract_no`;
const ENDED_SQL = `SELECT id, contract_no, customer_id, status, ends_on FROM contracts
  WHERE status IN ('completed', 'terminated') OR (status = 'active' AND ends_on < ?) ORDER BY contract_no`;
// Every contract's open invoices from their own partial index (migration 0022): only what is still open is read,
// however many contracts have ended over the years, in contract order (no sorting).
const OPEN_BY_CONTRACT_SQL = `SELECT contract_id, sum(open_fen) AS open_fen FROM ar_documents INDEXED BY ar_documents_open_contract_invoices
  WHERE open_fen > 0 AND contract_id IS NOT NULL AND kind = 'invoice' GROUP BY contract_id`;
// Under a salesperson's scope ar_documents is a view (db/scope.ts) and the index hint is dropped: the planner then
// took "kind = 'invoice'" to the kind index and read every invoice of the office (~0.5 s on the large set, at every
// badge computed afresh). With the kind kept out of index choice (+kind), it walks the open-items index of the
// salesperson's customers instead, which holds only what is open. The partial index above needs the plain term.
export const SCOPED_OPEN_BY_CONTRACT_SQL = `SELECT contract_id, sum(open_fen) AS open_fen FROM ar_documents
  WHERE open_fen > 0 AND contract_id IS NOT NULL AND +kind = 'invoice' GROUP BY contract_id`;

export function contractExpiringAlerts(s: AlertSources): Alert[] {
  const rows = s.ctx.db.prepare(EXPIRING_SQL).all(s.asOf, addDays(s.asOf, s.settings.contract_expiring.withinDays)) as ContractRow[];
  const out: Alert[] = [];
  for (const r of rows) {
    const customer = s.customer(r.customer_id);
    if (!customer || r.ends_on === null) continue;
    const days = diffDays(r.ends_on, s.asOf);
    out.push(
      makeAlert({
        kind: 'contract_expiring',
        subjectId: r.id,
        severity: days === 0 ? 'warning' : 'info',
        customer,
        contract: { id: r.id, no: r.contract_no },
        amountFen: null,
        days,
        facts: { endsOn: r.ends_on, daysToEnd: days },
      }),
    );
  }
  return out;
}

export function contractEndedAlerts(s: AlertSources): Alert[] {
  const rows = s.ctx.db.prepare(ENDED_SQL).all(s.asOf) as ContractRow[];
  if (rows.length === 0) return [];
  const outstanding = new Map<string, number>();
  const add = (contractId: string, fen: number) => outstanding.set(contractId, (outstanding.get(contractId) ?? 0) + fen);
  for (const inv of s.ledger.replayedContractInvoices()) if (inv.openFen > 0) add(inv.contractId, inv.openFen);
  if (s.ledger.past) {
    // A past date: what each ended contract's invoices had open then (the open-items index holds today's).
    const ids = rows.filter((r) => !s.ledger.isReplayed(r.customer_id)).map((r) => r.id);
    for (const [id, fen] of contractsOpenAsOf(s.ctx, ids, s.asOf)) add(id, fen);
  } else {
    // Today: the stored open amounts are the state; contracts that have not ended are simply never looked up.
    const sql = s.ctx.db.scoped ? SCOPED_OPEN_BY_CONTRACT_SQL : OPEN_BY_CONTRACT_SQL;
    for (const o of s.ctx.db.prepare(sql).all() as { contract_id: string; open_fen: number }[]) add(o.contract_id, o.open_fen);
  }
  const out: Alert[] = [];
  for (const r of rows) {
    const outstandingFen = outstanding.get(r.id) ?? 0;
    const customer = s.customer(r.customer_id);
    if (outstandingFen <= 0 || !customer) continue;
    const endedHow = r.status === 'active' ? 'expired' : r.status;
    const days = r.ends_on !== null && r.ends_on < s.asOf ? diffDays(s.asOf, r.ends_on) : null;
    out.push(
      makeAlert({
        kind: 'contract_ended_with_balance',
        subjectId: r.id,
        severity: 'warning',
        customer,
        contract: { id: r.id, no: r.contract_no },
        amountFen: outstandingFen,
        days,
        facts: { outstandingFen, endedHow, endsOn: r.ends_on },
      }),
    );
  }
  return out;
}
