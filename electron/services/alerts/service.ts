/** The alert API: the list (with acknowledgement states), the counts behind the nav badge, snooze and acknowledge. */
import type { z } from 'zod';
import type { acknowledgeSchema, AckResult, AlertCounts, AlertList, alertListSchema, snoozeSchema } from '../../../shared/api/alerts';
import { ALERT_KINDS, ALERT_SEVERITIES, type AlertKind, type AlertSeverity } from '../../../shared/alerts/kinds';
import type { Alert, AlertView } from '../../../shared/alerts/types';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { acknowledgeAlert, checkSnoozeDate, kindOfKey, loadAcks, snoozeAlert, viewOf } from './acks';
import { computeAlerts } from './compute';
import { getAlertSettings } from './settings';
import { myCustomerIds } from './mine';
import { cachedAlerts, cachedViews, keepingAlerts } from './viewCache';
import { isNewOn, needsAction } from '../../../shared/alerts/needsAction';

/**
 * Every alert of the date with its state (active, snoozed, acknowledged).
 * The list and the badge ask for the same date together after every write,
 * so the result is kept until the database changes (viewCache.ts).
 */
export function alertViews(ctx: ServiceContext, asOf: string): AlertView[] {
  return cachedViews(
    ctx,
    asOf,
    () => computeAlerts(ctx, asOf, getAlertSettings(ctx)),
    (alerts) => {
      const acks = loadAcks(ctx);
      return alerts.map((a) => viewOf(a, acks.get(a.key), asOf));
    },
  );
}

export function listAlerts(ctx: ServiceContext, input: z.output<typeof alertListSchema>): AlertList {
  const asOf = input.asOf ?? ctx.clock.today();
  const mine = input.mine ? myCustomerIds(ctx) : null;
  const views = alertViews(ctx, asOf).filter((v) => (input.all || v.state === 'active') && (mine === null || mine.has(v.customerId)));
  return { asOf, alerts: views };
}

export function alertCounts(ctx: ServiceContext, input: { asOf: string | null }): AlertCounts {
  const asOf = input.asOf ?? ctx.clock.today();
  const bySeverity = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, 0])) as Record<AlertSeverity, number>;
  const byKind = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  const settings = getAlertSettings(ctx);
  let total = 0;
  let hidden = 0;
  let needs = 0;
  let newToday = 0;
  for (const v of alertViews(ctx, asOf)) {
    if (v.state !== 'active') {
      hidden++;
      continue;
    }
    total++;
    bySeverity[v.severity]++;
    byKind[v.kind]++;
    if (needsAction(v, settings)) needs++;
    if (isNewOn(v, settings)) newToday++;
  }
  return { asOf, total, bySeverity, byKind, hidden, needsAction: needs, newToday };
}

/** Today's alert with this key (the snapshot is taken from it), or a clear refusal. */
function currentAlert(ctx: ServiceContext, key: string): Alert {
  const kind = kindOfKey(key) as AlertKind;
  // Today's alerts computed since the last change are today's alerts: no rule needs to run again.
  const found = (cachedAlerts(ctx, ctx.clock.today()) ?? computeAlerts(ctx, ctx.clock.today(), getAlertSettings(ctx), kind)).find((a) => a.key === key);
  if (!found) throw new DomainError('not_found', '这条预警今天已不存在（可能已处理或规则已关闭）', 'key');
  return found;
}

export function snooze(ctx: ServiceContext, input: z.output<typeof snoozeSchema>): AckResult {
  checkSnoozeDate(ctx, input.until);
  const alert = currentAlert(ctx, input.key);
  return keepingAlerts(ctx, ctx.clock.today(), () => snoozeAlert(ctx, alert, input.until, input.note));
}

export function acknowledge(ctx: ServiceContext, input: z.output<typeof acknowledgeSchema>): AckResult {
  const alert = currentAlert(ctx, input.key);
  return keepingAlerts(ctx, ctx.clock.today(), () => acknowledgeAlert(ctx, alert, input.note));
}
