/**
 * The rebate alerts (issue 15), from the same progress figures as the 返利
 * list:
 * - rebate_near_tier: a running period ending within `withinDays` [30] whose
 *   next tier is at most `gapPercent` [10] % of the target away. Severity
 *   info; key per target and tier; amountFen = the gap, days = days left.
 * - rebate_unsettled: an ended period with a rebate earned and no standing
 *   settlement. Severity warning; amountFen = what is owed, days = days since
 *   the period ended.
 */
import type { Alert } from '../../../../shared/alerts/types';
import { progressRows } from '../../rebates/progress';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function rebateNearTierAlerts(s: AlertSources): Alert[] {
  const { withinDays, gapPercent } = s.settings.rebate_near_tier;
  const out: Alert[] = [];
  for (const r of progressRows(s.ctx, { asOf: s.asOf })) {
    if (r.ended || r.next === null || r.daysLeft > withinDays || s.asOf < r.target.periodFrom) continue;
    if (r.next.gapFen * 100 > r.target.targetFen * gapPercent) continue;
    const customer = s.customer(r.customer.id);
    if (!customer) continue;
    out.push(
      makeAlert({
        kind: 'rebate_near_tier',
        subjectId: `${r.target.id}:${r.next.tierIndex}`,
        severity: 'info',
        customer,
        contract: { id: r.target.contractId, no: r.contractNo },
        amountFen: r.next.gapFen,
        days: r.daysLeft,
        facts: { periodFrom: r.target.periodFrom, periodTo: r.target.periodTo, gapFen: r.next.gapFen, nextTier: r.next.payout, attainmentPpm: r.attainmentPpm },
      }),
    );
  }
  return out;
}

export function rebateUnsettledAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  for (const r of progressRows(s.ctx, { asOf: s.asOf })) {
    if (r.status !== 'due') continue;
    const customer = s.customer(r.customer.id);
    if (!customer) continue;
    out.push(
      makeAlert({
        kind: 'rebate_unsettled',
        subjectId: r.target.id,
        severity: 'warning',
        customer,
        contract: { id: r.target.contractId, no: r.contractNo },
        amountFen: r.earnedFen - r.settledFen,
        days: -r.daysLeft,
        facts: { periodFrom: r.target.periodFrom, periodTo: r.target.periodTo, earnedFen: r.earnedFen - r.settledFen },
      }),
    );
  }
  return out;
}
