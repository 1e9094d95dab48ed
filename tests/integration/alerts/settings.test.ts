/** The alert rules' settings: defaults of DESIGN §4, validated (zero or negative refused, nothing changed), audited. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/api/alerts';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { count, refusal } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('alert settings', () => {
  it('start at the defaults of DESIGN §4', async () => {
    expect(await t.rt.invoke<AlertSettings>('alerts.settings', {})).toEqual({
      overdue: { enabled: true, warningAfterDays: 30, criticalAfterDays: 90 },
      credit_limit: { enabled: true, warningPercent: 90, criticalPercent: 100 },
      installment_due: { enabled: true, withinDays: 7 },
      contract_expiring: { enabled: true, withinDays: 30 },
      contract_ended_with_balance: { enabled: true },
      follow_up_due: { enabled: true },
      promise_broken: { enabled: true },
      churn: { enabled: true, days: 90 },
      statement_unconfirmed: { enabled: true, days: 15 },
      // Issue 14: open after-sales cases past their promised date.
      case_overdue: { enabled: true, criticalAfterDays: 7 },
      rebate_near_tier: { enabled: true, withinDays: 30, gapPercent: 10 },
      rebate_unsettled: { enabled: true },
      // Issue 12: what syncing the office PCs found that last-writer-wins cannot keep.
      sync_conflict: { enabled: true },
    });
  });

  it('save thresholds and switches, audited', async () => {
    const next: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, churn: { enabled: false, days: 120 }, installment_due: { enabled: true, withinDays: 14 } };
    expect(await t.rt.invoke<AlertSettings>('alerts.updateSettings', next)).toEqual(next);
    expect(await t.rt.invoke<AlertSettings>('alerts.settings', {})).toEqual(next);
    const audit = t.rt.database().sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'alert_settings'`).all();
    expect(audit).toEqual([{ action: 'update' }]);
  });

  it('refuse zero, negative, fractional and inverted thresholds; nothing changes', async () => {
    const before = count(t, 'audit_log');
    const bad: [Partial<AlertSettings>, string][] = [
      [{ churn: { enabled: true, days: 0 } }, 'churn.days'],
      [{ contract_expiring: { enabled: true, withinDays: -5 } }, 'contract_expiring.withinDays'],
      [{ installment_due: { enabled: true, withinDays: 2.5 } }, 'installment_due.withinDays'],
      [{ overdue: { enabled: true, warningAfterDays: 0, criticalAfterDays: 90 } }, 'overdue.warningAfterDays'],
      [{ overdue: { enabled: true, warningAfterDays: 60, criticalAfterDays: 30 } }, 'overdue.criticalAfterDays'],
      [{ credit_limit: { enabled: true, warningPercent: -90, criticalPercent: 100 } }, 'credit_limit.warningPercent'],
      [{ statement_unconfirmed: { enabled: true, days: 0 } }, 'statement_unconfirmed.days'],
    ];
    for (const [change, field] of bad) {
      const e = await refusal(t, 'alerts.updateSettings', { ...DEFAULT_ALERT_SETTINGS, ...change });
      expect(e.code).toBe('validation');
      expect(JSON.stringify(e)).toContain(field);
    }
    expect(await t.rt.invoke<AlertSettings>('alerts.settings', {})).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(count(t, 'audit_log')).toBe(before);
  });
});
