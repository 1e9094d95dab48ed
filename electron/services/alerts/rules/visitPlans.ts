/**
 * Visit plans past due (issue 14) raise the follow-up alert (follow_up_due):
 * a customer whose next planned visit (last T/E/M interaction + its plan
 * interval) is on or before D. Logging a T/E/M interaction moves the due date
 * on, so the alert goes away by itself. Severity info, like any follow-up.
 * Key follow_up_due:plan-<customerId>-<dueOn>: each missed due date is its
 * own alert (an acknowledged one does not hide the next cycle).
 *
 * The same customers as the 待回访 list (evaluation/visitPlans.ts dueVisits:
 * not archived, not closed, with a plan), from the customers every rule
 * shares; the last visits are read only when some customer has a plan (with
 * no plan in the settings and no customer's own interval, nobody is due).
 */
import type { Alert } from '../../../../shared/alerts/types';
import { diffDays } from '../../../../shared/dates/calendar';
import { isVisitDue, visitDueOn, visitIntervalOf } from '../../../../shared/evaluation/visitPlan';
import { lastVisits, planStart } from '../../evaluation/visitPlans';
import { getEvaluationSettings } from '../../evaluation/settings';
import { makeAlert } from '../makeAlert';
import type { AlertSources, CustomerInfo } from '../sources';

export function visitPlanAlerts(s: AlertSources): Alert[] {
  const plan = getEvaluationSettings(s.ctx).visitPlan;
  const planned: { customer: CustomerInfo; intervalDays: number }[] = [];
  for (const customer of s.customers().values()) {
    if (customer.archived || customer.status === 'closed') continue;
    const intervalDays = visitIntervalOf(customer, plan);
    if (intervalDays !== null) planned.push({ customer, intervalDays });
  }
  if (planned.length === 0) return [];
  const last = lastVisits(s.ctx, s.asOf);
  const out: Alert[] = [];
  for (const { customer, intervalDays } of planned) {
    const lastVisitOn = last.get(customer.id) ?? null;
    const dueOn = visitDueOn(lastVisitOn, planStart({ created_at: customer.createdAt }), intervalDays);
    if (!isVisitDue(dueOn, s.asOf)) continue;
    const daysLate = diffDays(s.asOf, dueOn);
    out.push(
      makeAlert({
        kind: 'follow_up_due',
        subjectId: `plan-${customer.id}-${dueOn}`,
        severity: 'info',
        customer,
        amountFen: null,
        days: daysLate,
        facts: { followUpOn: dueOn, daysLate, planDays: intervalDays, lastDate: lastVisitOn ?? '' },
      }),
    );
  }
  return out;
}
