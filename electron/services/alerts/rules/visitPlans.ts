/**
 * Visit plans past due (issue 14) raise the follow-up alert (follow_up_due):
 * a customer whose next planned visit (last T/E/M interaction + its plan
 * interval) is on or before D. Logging a T/E/M interaction moves the due date
 * on, so the alert goes away by itself. Severity info, like any follow-up.
 * Key follow_up_due:plan-<customerId>-<dueOn>: each missed due date is its
 * own alert (an acknowledged one does not hide the next cycle).
 */
import type { Alert } from '../../../../shared/alerts/types';
import { dueVisits } from '../../evaluation/visitPlans';
import { getEvaluationSettings } from '../../evaluation/settings';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function visitPlanAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  for (const due of dueVisits(s.ctx, s.asOf, getEvaluationSettings(s.ctx))) {
    const customer = s.customer(due.customerId);
    if (!customer || customer.archived) continue;
    out.push(
      makeAlert({
        kind: 'follow_up_due',
        subjectId: `plan-${due.customerId}-${due.dueOn}`,
        severity: 'info',
        customer,
        amountFen: null,
        days: due.daysLate,
        facts: { followUpOn: due.dueOn, daysLate: due.daysLate, planDays: due.intervalDays, lastDate: due.lastVisitOn ?? '' },
      }),
    );
  }
  return out;
}
