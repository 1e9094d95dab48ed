/**
 * follow_up_due (§4): the customer's latest interaction as of D set a next
 * follow-up date that has been reached (≤ D), and nothing was logged after
 * it — any later interaction is the follow-up (and brings its own next
 * date, if any). Archived customers are left out. Severity info.
 * Key follow_up_due:<interactionId>, so each follow-up is its own alert.
 * days = D − follow-up date (0 = due today).
 */
import { diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { dueFollowUps } from '../interactionsAsOf';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function followUpAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  for (const last of dueFollowUps(s.ctx, s.asOf)) {
    if (last.nextFollowUp === null) continue;
    const customer = s.customer(last.customerId);
    if (!customer || customer.archived) continue;
    const days = diffDays(s.asOf, last.nextFollowUp);
    out.push(
      makeAlert({
        kind: 'follow_up_due',
        subjectId: last.id,
        severity: 'info',
        customer,
        amountFen: null,
        days,
        facts: { followUpOn: last.nextFollowUp, daysLate: days, lastDate: last.date, lastChannel: last.channel, lastSummary: last.summary },
      }),
    );
  }
  return out;
}
