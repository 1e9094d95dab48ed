/**
 * overdue (§4): one alert per customer with overdue items as of D — debits
 * still open as of D whose due date is before D (1 day late is overdue).
 * amountFen = the overdue total, days = days overdue of the oldest item.
 * Severity by the oldest item: info 1–30 days, warning 31–90, critical over
 * 90 (the settings' warningAfterDays / criticalAfterDays). Paused, closed
 * and archived customers still owe what they owe, so they are included.
 */
import type { AlertSeverity } from '../../../../shared/alerts/kinds';
import { diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function overdueSeverity(oldestDays: number, rule: { warningAfterDays: number; criticalAfterDays: number }): AlertSeverity {
  if (oldestDays > rule.criticalAfterDays) return 'critical';
  if (oldestDays > rule.warningAfterDays) return 'warning';
  return 'info';
}

export function overdueAlerts(s: AlertSources): Alert[] {
  const rule = s.settings.overdue;
  const out: Alert[] = [];
  for (const [customerId, summary] of s.ledger.overdueSummaries()) {
    const customer = s.customer(customerId);
    if (!customer) continue;
    const { count, totalFen, latestDueOn } = summary;
    const oldestDays = diffDays(s.asOf, summary.oldestDueOn);
    out.push(
      makeAlert({
        kind: 'overdue',
        subjectId: customerId,
        severity: overdueSeverity(oldestDays, rule),
        customer,
        amountFen: totalFen,
        days: oldestDays,
        facts: { count, totalFen, oldestDays, latestDueOn },
      }),
    );
  }
  return out;
}
