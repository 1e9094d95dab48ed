/**
 * case_overdue (issue 14): an after-sales case still open or in progress on
 * D whose promised response date has passed (D > promised date). Warning,
 * critical once it is more than criticalAfterDays late. docNo = the case
 * number, days = days late. Key case_overdue:<caseId>.
 */
import { diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

const SQL = `SELECT id, case_no, customer_id, promised_on, description, received_on FROM after_sales_cases
  WHERE status IN ('open', 'in_progress') AND promised_on < ? AND received_on <= ?`;

export function caseOverdueAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  const rows = s.ctx.db.prepare(SQL).all(s.asOf, s.asOf) as {
    id: string;
    case_no: string;
    customer_id: string;
    promised_on: string;
    description: string;
    received_on: string;
  }[];
  for (const r of rows) {
    const customer = s.customer(r.customer_id);
    if (!customer) continue;
    const days = diffDays(s.asOf, r.promised_on);
    out.push(
      makeAlert({
        kind: 'case_overdue',
        subjectId: r.id,
        severity: days > s.settings.case_overdue.criticalAfterDays ? 'critical' : 'warning',
        customer,
        doc: { id: null, no: r.case_no },
        amountFen: null,
        days,
        facts: { promisedOn: r.promised_on, receivedOn: r.received_on, daysLate: days, description: r.description.slice(0, 60) },
      }),
    );
  }
  return out;
}
