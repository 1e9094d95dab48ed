/**
 * Snoozes and acknowledgements (alert_acks). An alert is hidden on D when
 * its key has an acknowledgement made on or before D that still holds:
 *  - snoozed: D is before the snooze date (it shows again on that date);
 *  - acknowledged: always, until …
 * … the facts got worse than the snapshot kept with it (shared/alerts/worse.ts),
 * which brings it back at once ("resurfaced"). A snooze or acknowledgement
 * replaces the key's previous one; each is audited with before and after.
 */
import type { AckResult } from '../../../shared/api/alerts';
import { isAlertKind, type AlertSeverity, type AlertState } from '../../../shared/alerts/kinds';
import type { Alert, AlertAck, AlertFacts, AlertView } from '../../../shared/alerts/types';
import { isWorse } from '../../../shared/alerts/worse';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';

interface AckRow {
  alert_key: string;
  kind: string;
  snoozed_until: string | null;
  acknowledged: number;
  note: string;
  user: string;
  acked_on: string;
  at: string;
  severity: string;
  facts: string;
}

const SQL = {
  all: `SELECT * FROM alert_acks`,
  one: `SELECT * FROM alert_acks WHERE alert_key = ?`,
  upsert: `INSERT INTO alert_acks (alert_key, kind, snoozed_until, acknowledged, note, user, acked_on, at, severity, facts)
    VALUES (@alert_key, @kind, @snoozed_until, @acknowledged, @note, @user, @acked_on, @at, @severity, @facts)
    ON CONFLICT (alert_key) DO UPDATE SET kind = excluded.kind, snoozed_until = excluded.snoozed_until,
      acknowledged = excluded.acknowledged, note = excluded.note, user = excluded.user, acked_on = excluded.acked_on,
      at = excluded.at, severity = excluded.severity, facts = excluded.facts`,
};

const toAck = (r: AckRow): AlertAck => ({
  snoozedUntil: r.snoozed_until,
  acknowledged: r.acknowledged === 1,
  note: r.note,
  user: r.user,
  ackedOn: r.acked_on,
  at: r.at,
  severity: r.severity as AlertSeverity,
  facts: JSON.parse(r.facts) as AlertFacts,
});

export function loadAcks(ctx: ServiceContext): Map<string, AlertAck> {
  const out = new Map<string, AlertAck>();
  for (const r of ctx.db.prepare(SQL.all).all() as AckRow[]) out.set(r.alert_key, toAck(r));
  return out;
}

export function viewOf(alert: Alert, ack: AlertAck | undefined, asOf: string): AlertView {
  // An acknowledgement made after D did not exist on D.
  if (ack === undefined || ack.ackedOn > asOf) return { ...alert, state: 'active', ack: ack ?? null, resurfaced: false };
  const worse = isWorse(alert.kind, alert, ack);
  let state: AlertState = 'active';
  if (!worse) {
    if (ack.acknowledged) state = 'acknowledged';
    else if (ack.snoozedUntil !== null && asOf < ack.snoozedUntil) state = 'snoozed';
  }
  return { ...alert, state, ack, resurfaced: worse };
}

function save(ctx: ServiceContext, alert: Alert, values: { snoozedUntil: string | null; acknowledged: boolean; note: string }): AckResult {
  return ctx.db.transaction(() => {
    const beforeRow = ctx.db.prepare(SQL.one).get(alert.key) as AckRow | undefined;
    const row: AckRow = {
      alert_key: alert.key,
      kind: alert.kind,
      snoozed_until: values.snoozedUntil,
      acknowledged: values.acknowledged ? 1 : 0,
      note: values.note,
      user: ctx.actor.user,
      acked_on: ctx.clock.today(),
      at: ctx.clock.now().toISOString(),
      severity: alert.severity,
      facts: JSON.stringify(alert.facts),
    };
    ctx.db.prepare(SQL.upsert).run(row);
    const ack = toAck(row);
    recordChange(ctx, {
      entity: 'alert_ack',
      entityId: alert.key,
      action: values.acknowledged ? 'acknowledge' : 'snooze',
      before: beforeRow ? toAck(beforeRow) : null,
      after: { ...ack, message: alert.message },
      tables: ['alert_acks'],
    });
    return { key: alert.key, ack };
  });
}

/** A snooze ends on a later day: today or a past date would hide nothing (or lie about the past). */
export function checkSnoozeDate(ctx: ServiceContext, until: string): void {
  if (until <= ctx.clock.today()) {
    throw new DomainError('validation', `暂缓日期必须晚于今天（${ctx.clock.today()}）`, 'until');
  }
}

/** Hides the alert until `until` (> today); it returns on that date, or earlier if it gets worse. */
export function snoozeAlert(ctx: ServiceContext, alert: Alert, until: string, note: string): AckResult {
  checkSnoozeDate(ctx, until);
  return save(ctx, alert, { snoozedUntil: until, acknowledged: false, note });
}

export function acknowledgeAlert(ctx: ServiceContext, alert: Alert, note: string): AckResult {
  if (note.trim() === '') throw new DomainError('validation', '请填写处理说明', 'note');
  return save(ctx, alert, { snoozedUntil: null, acknowledged: true, note: note.trim() });
}

/** The kind part of a key, checked, for a clear message when a key is made up. */
export function kindOfKey(key: string): string {
  const kind = key.slice(0, key.indexOf(':'));
  if (!isAlertKind(kind)) throw new DomainError('not_found', `没有这条预警：${key}`, 'key');
  return kind;
}
