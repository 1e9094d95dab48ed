/**
 * "Worse" per kind (DESIGN §4: a snoozed or acknowledged alert is hidden
 * until its snooze date or until its facts get worse). Each kind compares
 * today's facts with the snapshot taken when it was acknowledged:
 *
 * - overdue: the severity band rose (e.g. the oldest item passed 30 or 90
 *   days), the overdue total grew, or an item newer than any in the snapshot
 *   fell overdue (latestDueOn moved on). Days growing by themselves inside a
 *   band are not "worse": that is what acknowledging accepts.
 * - credit_limit: the severity rose (≥ 90 % → over the limit) or the balance grew.
 * - installment_due: the severity rose (the due day arrived) or the unpaid part grew.
 * - contract_expiring: the severity rose (the end day arrived).
 * - contract_ended_with_balance: the outstanding amount grew.
 * - promise_broken: the shortfall grew (a receipt in the promise's window was voided).
 * - churn: a new episode — the customer bought again and stopped again (another last invoice date).
 * - case_overdue: the severity rose (the case passed the critical days late).
 * - sync_conflict: one more row joined the duplicates (a third PC).
 * - follow_up_due, statement_unconfirmed: never; the key names one follow-up
 *   or one statement, and a new one is a new key.
 */
import { severityRank, type AlertKind, type AlertSeverity } from './kinds';
import type { AlertFacts } from './types';

export interface FactsSnapshot {
  severity: AlertSeverity;
  facts: AlertFacts;
}

const num = (f: AlertFacts, k: string): number => {
  const v = f[k];
  return typeof v === 'number' ? v : 0;
};
const str = (f: AlertFacts, k: string): string => {
  const v = f[k];
  return typeof v === 'string' ? v : '';
};

const grew = (now: AlertFacts, then: AlertFacts, k: string): boolean => num(now, k) > num(then, k);

export function isWorse(kind: AlertKind, now: FactsSnapshot, then: FactsSnapshot): boolean {
  const severityRose = severityRank(now.severity) > severityRank(then.severity);
  const a = now.facts;
  const b = then.facts;
  switch (kind) {
    case 'overdue':
      return severityRose || grew(a, b, 'totalFen') || str(a, 'latestDueOn') > str(b, 'latestDueOn');
    case 'credit_limit':
      return severityRose || grew(a, b, 'balanceFen');
    case 'installment_due':
      return severityRose || grew(a, b, 'remainingFen');
    case 'contract_expiring':
      return severityRose;
    case 'contract_ended_with_balance':
      return grew(a, b, 'outstandingFen');
    case 'promise_broken':
      return grew(a, b, 'shortfallFen');
    case 'churn':
      return str(a, 'lastInvoiceOn') !== str(b, 'lastInvoiceOn');
    case 'case_overdue':
      return severityRose;
    case 'rebate_unsettled':
      return grew(a, b, 'earnedFen');
    // A third PC adding one more duplicate brings the conflict back.
    case 'sync_conflict':
      return grew(a, b, 'count');
    // rebate_near_tier: the key names the tier, so nearing the next one is a new alert.
    case 'follow_up_due':
    case 'statement_unconfirmed':
    case 'rebate_near_tier':
      return false;
  }
}
