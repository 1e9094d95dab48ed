/**
 * statement_unconfirmed (§4): a statement (对账单) sent `days` [15] or more
 * days before D and not confirmed as of D — still 'sent', or confirmed only
 * after D. A disputed statement has had its answer (the dispute is its own
 * follow-up), and a statement replaced by a regenerated one is no longer the
 * one waiting. Severity info. docNo = the statement number, amountFen = its
 * closing balance, days = days since it was sent.
 */
import { addDays, diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

const SQL = `SELECT id, statement_no, customer_id, sent_on, closing_fen FROM statements
  WHERE superseded_by IS NULL AND sent_on IS NOT NULL AND sent_on <= ?
    AND (status = 'sent' OR (status = 'confirmed' AND confirmed_on > ?))
  ORDER BY sent_on, statement_no`;

export function statementUnconfirmedAlerts(s: AlertSources): Alert[] {
  const latestSent = addDays(s.asOf, -s.settings.statement_unconfirmed.days);
  const rows = s.ctx.db.prepare(SQL).all(latestSent, s.asOf) as {
    id: string;
    statement_no: string;
    customer_id: string;
    sent_on: string;
    closing_fen: number;
  }[];
  const out: Alert[] = [];
  for (const r of rows) {
    const customer = s.customer(r.customer_id);
    if (!customer) continue;
    const days = diffDays(s.asOf, r.sent_on);
    out.push(
      makeAlert({
        kind: 'statement_unconfirmed',
        subjectId: r.id,
        severity: 'info',
        customer,
        doc: { id: null, no: r.statement_no },
        statementId: r.id,
        amountFen: r.closing_fen,
        days,
        facts: { sentOn: r.sent_on, daysSince: days, closingFen: r.closing_fen },
      }),
    );
  }
  return out;
}
