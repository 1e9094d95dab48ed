/**
 * The alert rules' settings (设置 → 预警规则), kept under the 'alerts'
 * settings key. One exception: the statement_unconfirmed threshold is the
 * statements area's own `unconfirmedAlertDays` (设置 → 对账单, key
 * 'statements'), so the two screens edit one number instead of two that
 * could disagree; this service reads and writes that one field in place.
 */
import { mergeAlertSettings, type AlertSettings } from '../../../shared/alerts/settings';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

const KEY = 'alerts';
const STATEMENTS_KEY = 'statements';
/** The statements area's range for the same number (the schema refuses more, see shared/alerts/settings.ts). */
const MAX_STATEMENT_DAYS = 365;

function statementDays(ctx: ServiceContext, fallback: number): number {
  const v = readSetting<Record<string, unknown>>(ctx, STATEMENTS_KEY)?.value?.unconfirmedAlertDays;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_STATEMENT_DAYS ? v : fallback;
}

export function getAlertSettings(ctx: ServiceContext): AlertSettings {
  const settings = mergeAlertSettings(readSetting<unknown>(ctx, KEY)?.value ?? null);
  settings.statement_unconfirmed.days = statementDays(ctx, settings.statement_unconfirmed.days);
  return settings;
}

export function updateAlertSettings(ctx: ServiceContext, input: AlertSettings): AlertSettings {
  return ctx.db.transaction(() => {
    const before = getAlertSettings(ctx);
    const { days, ...statementRule } = input.statement_unconfirmed;
    writeSetting(ctx, KEY, { ...input, statement_unconfirmed: statementRule });
    if (days !== before.statement_unconfirmed.days) {
      const current = readSetting<Record<string, unknown>>(ctx, STATEMENTS_KEY)?.value ?? {};
      writeSetting(ctx, STATEMENTS_KEY, { ...current, unconfirmedAlertDays: days });
    }
    recordChange(ctx, { entity: 'alert_settings', entityId: KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getAlertSettings(ctx);
  });
}
