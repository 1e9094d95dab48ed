/**
 * churn (流失预警, §4): an ACTIVE customer (status active, not archived)
 * whose latest invoice as of D is `days` [90] or more days old. Paused and
 * closed customers never alert (they stopped on purpose), nor does a
 * customer who never had an invoice (nothing was lost). Voided invoices do
 * not count as sales. days = days since the last invoice.
 */
import { diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function churnAlerts(s: AlertSources): Alert[] {
  const threshold = s.settings.churn.days;
  const out: Alert[] = [];
  for (const customer of s.customers().values()) {
    if (customer.status !== 'active' || customer.archived) continue;
    const lastInvoiceOn = s.ledger.lastInvoiceOn(customer.id);
    if (lastInvoiceOn === null) continue;
    const days = diffDays(s.asOf, lastInvoiceOn);
    if (days < threshold) continue;
    out.push(
      makeAlert({
        kind: 'churn',
        subjectId: customer.id,
        severity: 'info',
        customer,
        amountFen: null,
        days,
        facts: { lastInvoiceOn, daysSince: days },
      }),
    );
  }
  return out;
}
