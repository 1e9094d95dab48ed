/**
 * credit_limit (§4): a customer with a credit limit whose balance as of D is
 * at least warningPercent % of it (warning, default 90 %) or more than
 * criticalPercent % of it (critical, default over 100 %). A balance of zero
 * or less (nothing owed, or prepaid) never alerts, also with a limit of 0.
 * amountFen = the balance. Compared in integers (BigInt), so no rounding
 * decides a boundary case.
 */
import type { AlertSeverity } from '../../../../shared/alerts/kinds';
import type { Alert } from '../../../../shared/alerts/types';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

export function creditSeverity(
  balanceFen: number,
  limitFen: number,
  rule: { warningPercent: number; criticalPercent: number },
): AlertSeverity | null {
  if (balanceFen <= 0) return null;
  const scaled = BigInt(balanceFen) * 100n;
  const limit = BigInt(limitFen);
  if (scaled > limit * BigInt(rule.criticalPercent)) return 'critical';
  if (scaled >= limit * BigInt(rule.warningPercent)) return 'warning';
  return null;
}

export function creditLimitAlerts(s: AlertSources): Alert[] {
  const rule = s.settings.credit_limit;
  const out: Alert[] = [];
  for (const customer of s.customers().values()) {
    const limitFen = customer.creditLimitFen;
    if (limitFen === null) continue;
    const balanceFen = s.ledger.balanceOf(customer.id);
    const severity = creditSeverity(balanceFen, limitFen, rule);
    if (severity === null) continue;
    // Whole percent, rounded down (95.9 % shows as 95 %); null for a limit of 0.
    const percent = limitFen > 0 ? Number((BigInt(balanceFen) * 100n) / BigInt(limitFen)) : null;
    out.push(
      makeAlert({
        kind: 'credit_limit',
        subjectId: customer.id,
        severity,
        customer,
        amountFen: balanceFen,
        days: null,
        facts: { balanceFen, limitFen, percent, overFen: Math.max(0, balanceFen - limitFen) },
      }),
    );
  }
  return out;
}
