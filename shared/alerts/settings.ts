/**
 * The alert rules' switches and thresholds (设置 → 预警规则), with the
 * defaults of DESIGN §4. One schema validates the settings form, the API
 * input and (leniently) what is stored, so a threshold of 0 or -5 is refused
 * with the same message everywhere and nothing is saved.
 */
import { z } from 'zod';
import type { AlertKind } from './kinds';

const threshold = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是整数` })
    .int({ error: `${label}必须是整数` })
    .min(1, { error: `${label}必须大于 0` })
    .max(max, { error: `${label}不能超过 ${max}` });

const enabled = z.boolean({ error: '开关必须是是或否' });

const MAX_DAYS = 3650;
const MAX_PERCENT = 1000;

export const alertSettingsSchema = z.object({
  /** info from 1 day late, warning after warningAfterDays, critical after criticalAfterDays (§4: 1–30 / 31–90 / > 90). */
  overdue: z
    .object({ enabled, warningAfterDays: threshold('警告天数', MAX_DAYS), criticalAfterDays: threshold('严重天数', MAX_DAYS) })
    .refine((r) => r.warningAfterDays < r.criticalAfterDays, {
      error: '“严重”的天数必须大于“警告”的天数',
      path: ['criticalAfterDays'],
    }),
  /** warning when balance ≥ warningPercent % of the limit, critical when balance > criticalPercent % (§4: 90 / 100). */
  credit_limit: z
    .object({ enabled, warningPercent: threshold('警告比例', MAX_PERCENT), criticalPercent: threshold('严重比例', MAX_PERCENT) })
    .refine((r) => r.warningPercent <= r.criticalPercent, {
      error: '“严重”的比例不能小于“警告”的比例',
      path: ['criticalPercent'],
    }),
  installment_due: z.object({ enabled, withinDays: threshold('提前天数', MAX_DAYS) }),
  contract_expiring: z.object({ enabled, withinDays: threshold('提前天数', MAX_DAYS) }),
  contract_ended_with_balance: z.object({ enabled }),
  follow_up_due: z.object({ enabled }),
  promise_broken: z.object({ enabled }),
  churn: z.object({ enabled, days: threshold('未发货天数', MAX_DAYS) }),
  /** Stored as the statements area's unconfirmedAlertDays (1–365), see electron/services/alerts/settings.ts. */
  statement_unconfirmed: z.object({ enabled, days: threshold('未确认天数', 365) }),
  /** An open after-sales case past its promised response date (issue 14); critical after criticalAfterDays late. */
  case_overdue: z.object({ enabled, criticalAfterDays: threshold('严重天数', MAX_DAYS) }),
  /** Within withinDays [30] of the period end and at most gapPercent [10] % of the target from the next tier. */
  rebate_near_tier: z.object({ enabled, withinDays: threshold('期末前天数', MAX_DAYS), gapPercent: threshold('差距比例', 100) }),
  rebate_unsettled: z.object({ enabled }),
  sync_conflict: z.object({ enabled }),
}) satisfies z.ZodType<Record<AlertKind, { enabled: boolean }>>;

export type AlertSettings = z.output<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  overdue: { enabled: true, warningAfterDays: 30, criticalAfterDays: 90 },
  credit_limit: { enabled: true, warningPercent: 90, criticalPercent: 100 },
  installment_due: { enabled: true, withinDays: 7 },
  contract_expiring: { enabled: true, withinDays: 30 },
  contract_ended_with_balance: { enabled: true },
  follow_up_due: { enabled: true },
  promise_broken: { enabled: true },
  churn: { enabled: true, days: 90 },
  statement_unconfirmed: { enabled: true, days: 15 },
  case_overdue: { enabled: true, criticalAfterDays: 7 },
  rebate_near_tier: { enabled: true, withinDays: 30, gapPercent: 10 },
  rebate_unsettled: { enabled: true },
  sync_conflict: { enabled: true },
};

/**
 * Stored settings over the defaults, rule by rule: a rule whose stored part
 * is missing or no longer valid (hand-edited, older version) falls back to
 * its defaults instead of breaking every alert.
 */
export function mergeAlertSettings(stored: unknown): AlertSettings {
  const out: AlertSettings = structuredClone(DEFAULT_ALERT_SETTINGS);
  if (stored === null || typeof stored !== 'object') return out;
  const shape = alertSettingsSchema.shape;
  const record = stored as Record<string, unknown>;
  for (const kind of Object.keys(shape) as AlertKind[]) {
    const part = shape[kind].safeParse({ ...out[kind], ...(record[kind] as object | undefined) });
    if (part.success) (out as Record<AlertKind, unknown>)[kind] = part.data;
  }
  return out;
}
