/**
 * What the nav badge counts (issue 16.8): the alerts that need someone today
 * — active (not snoozed or acknowledged) and either critical, or new today,
 * or back because their facts got worse. "New today" means the alert first
 * holds on this date, read from its own days and the rule's threshold: it
 * was not there the day before.
 */
import type { AlertSettings } from './settings';
import type { Alert, AlertView } from './types';

export function isNewOn(alert: Alert, settings: AlertSettings): boolean {
  const d = alert.days;
  if (d === null) return false;
  switch (alert.kind) {
    case 'overdue':
    case 'promise_broken':
    case 'contract_ended_with_balance':
      // The oldest item fell due yesterday / the promised date or the end date was yesterday.
      return d === 1;
    case 'follow_up_due':
      return d === 0;
    case 'installment_due':
      return d === settings.installment_due.withinDays;
    case 'contract_expiring':
      return d === settings.contract_expiring.withinDays;
    case 'churn':
      return d === settings.churn.days;
    case 'statement_unconfirmed':
      return d === settings.statement_unconfirmed.days;
    default:
      // credit_limit has no day of its own: it counts when critical.
      return false;
  }
}

export function needsAction(view: AlertView, settings: AlertSettings): boolean {
  return view.state === 'active' && (view.severity === 'critical' || view.resurfaced || isNewOn(view, settings));
}
