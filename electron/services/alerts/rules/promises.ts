/**
 * promise_broken (§4): the customer's latest promise to pay (made on or
 * before D; a newer promise supersedes an older one) whose promised date has
 * passed (D > promised date) while the receipts dated from the day it was
 * made up to the promised date total less than the promised amount. Paying
 * after the date does not mend it (the promise was broken); paying in full
 * on time, or early, means no alert. Severity critical: a broken promise is
 * the strongest collection signal there is.
 * amountFen = the shortfall, days = days since the promised date.
 */
import { diffDays } from '../../../../shared/dates/calendar';
import type { Alert } from '../../../../shared/alerts/types';
import { latestPromises, promiseStatuses } from '../interactionsAsOf';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function promiseBrokenAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  const due = [...latestPromises(s.ctx, s.asOf).values()].filter((p) => p.promiseDate !== null && p.promiseDate < s.asOf);
  // The receipts against every due promise are summed in one statement.
  for (const [customerId, state] of promiseStatuses(s.ctx, due, s.asOf)) {
    if (state.status !== 'broken') continue;
    const customer = s.customer(customerId);
    if (!customer) continue;
    const shortfallFen = state.amountFen - state.receivedFen;
    const days = diffDays(s.asOf, state.promiseDate);
    out.push(
      makeAlert({
        kind: 'promise_broken',
        subjectId: state.interactionId,
        severity: 'critical',
        customer,
        amountFen: shortfallFen,
        days,
        facts: {
          madeOn: state.madeOn,
          promiseDate: state.promiseDate,
          promisedFen: state.amountFen,
          receivedFen: state.receivedFen,
          shortfallFen,
          daysLate: days,
        },
      }),
    );
  }
  return out;
}
