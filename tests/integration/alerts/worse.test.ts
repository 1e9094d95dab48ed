/** "Worse" per kind (shared/alerts/worse.ts): what brings a snoozed or acknowledged alert back. */
import { describe, expect, it } from 'vitest';
import type { AlertSeverity } from '../../../shared/alerts/kinds';
import type { AlertFacts } from '../../../shared/alerts/types';
import { isWorse } from '../../../shared/alerts/worse';

const at = (severity: AlertSeverity, facts: AlertFacts) => ({ severity, facts });

describe('isWorse', () => {
  it('overdue: a higher band, a larger total or a newer item overdue; days alone are not worse', () => {
    const then = at('info', { count: 1, totalFen: 1000, oldestDays: 10, latestDueOn: '2026-11-14' });
    expect(isWorse('overdue', at('info', { count: 1, totalFen: 1000, oldestDays: 29, latestDueOn: '2026-11-14' }), then)).toBe(false);
    expect(isWorse('overdue', at('warning', { count: 1, totalFen: 1000, oldestDays: 31, latestDueOn: '2026-11-14' }), then)).toBe(true);
    expect(isWorse('overdue', at('info', { count: 2, totalFen: 1001, oldestDays: 10, latestDueOn: '2026-11-14' }), then)).toBe(true);
    // Paid down but something newer fell overdue: worse even though the total is smaller.
    expect(isWorse('overdue', at('info', { count: 1, totalFen: 500, oldestDays: 2, latestDueOn: '2026-11-22' }), then)).toBe(true);
    // Partly paid: better.
    expect(isWorse('overdue', at('info', { count: 1, totalFen: 400, oldestDays: 12, latestDueOn: '2026-11-14' }), then)).toBe(false);
  });

  it('credit_limit: over the limit after being near it, or a higher balance', () => {
    const then = at('warning', { balanceFen: 95, limitFen: 100 });
    expect(isWorse('credit_limit', at('warning', { balanceFen: 95, limitFen: 100 }), then)).toBe(false);
    expect(isWorse('credit_limit', at('warning', { balanceFen: 96, limitFen: 100 }), then)).toBe(true);
    expect(isWorse('credit_limit', at('critical', { balanceFen: 101, limitFen: 100 }), then)).toBe(true);
  });

  it('installments and contracts: the due or end day arriving, a larger unpaid or outstanding amount', () => {
    expect(isWorse('installment_due', at('warning', { remainingFen: 10 }), at('info', { remainingFen: 10 }))).toBe(true);
    expect(isWorse('installment_due', at('info', { remainingFen: 5 }), at('info', { remainingFen: 10 }))).toBe(false);
    expect(isWorse('contract_expiring', at('warning', {}), at('info', {}))).toBe(true);
    expect(isWorse('contract_expiring', at('info', { daysToEnd: 3 }), at('info', { daysToEnd: 20 }))).toBe(false);
    expect(isWorse('contract_ended_with_balance', at('warning', { outstandingFen: 11 }), at('warning', { outstandingFen: 10 }))).toBe(true);
  });

  it('promise_broken: a larger shortfall; churn: a new episode; follow-ups and statements: never', () => {
    expect(isWorse('promise_broken', at('critical', { shortfallFen: 20 }), at('critical', { shortfallFen: 10 }))).toBe(true);
    expect(isWorse('promise_broken', at('critical', { shortfallFen: 10 }), at('critical', { shortfallFen: 10 }))).toBe(false);
    expect(isWorse('churn', at('info', { lastInvoiceOn: '2026-08-01', daysSince: 150 }), at('info', { lastInvoiceOn: '2026-08-01', daysSince: 90 }))).toBe(false);
    expect(isWorse('churn', at('info', { lastInvoiceOn: '2026-09-01' }), at('info', { lastInvoiceOn: '2026-08-01' }))).toBe(true);
    expect(isWorse('follow_up_due', at('info', { daysLate: 30 }), at('info', { daysLate: 0 }))).toBe(false);
    expect(isWorse('statement_unconfirmed', at('info', { daysSince: 60 }), at('info', { daysSince: 15 }))).toBe(false);
  });
});
