/**
 * The alerts of one date, kept until the database changes. Alerts are
 * computed, never stored (DESIGN §3), and the alert page, the nav badge and
 * the dashboard ask for the same date at once after every write; computing
 * every rule once for all of them is what makes the badge instant.
 *
 * "Changed" is SQLite's own bookkeeping, so no write path can forget to
 * invalidate: total_changes() counts every row this connection inserted,
 * updated or deleted (triggers included), and data_version moves when
 * another connection commits. The date is part of the key, so midnight
 * starts afresh; so is the salesperson scope of the call, whose reads see
 * only that salesperson's customers.
 *
 * Two levels: the computed alerts (every rule, the expensive part) and their
 * views (each alert with its snooze or acknowledgement, cheap). A snooze or
 * an acknowledgement writes only alert_acks and its audit row, which no rule
 * reads (the rules read the books, never the acknowledgements), so across
 * such a write the computed alerts are carried over and only the views are
 * made again: the badge right after a snooze does not recompute every rule.
 */
import type { Alert, AlertView } from '../../../shared/alerts/types';
import type { Db } from '../../../db/query';
import type { ServiceContext } from '../context';

interface Entry {
  /** asOf | scope | database version. */
  key: string;
  alerts: Alert[];
  views: AlertView[] | null;
}

const cache = new WeakMap<Db, Entry>();

function versionOf(ctx: ServiceContext): string {
  const changes = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = ctx.db.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

const keyOf = (ctx: ServiceContext, asOf: string): string => `${asOf}|${ctx.actor.scope ?? ''}|${versionOf(ctx)}`;

function current(ctx: ServiceContext, asOf: string): Entry | undefined {
  const hit = cache.get(ctx.db);
  return hit !== undefined && hit.key === keyOf(ctx, asOf) ? hit : undefined;
}

/** The computed alerts of the date while the database has not changed, if this call may see them. */
export function cachedAlerts(ctx: ServiceContext, asOf: string): Alert[] | undefined {
  return current(ctx, asOf)?.alerts;
}

export function cachedViews(ctx: ServiceContext, asOf: string, compute: () => Alert[], toViews: (alerts: Alert[]) => AlertView[]): AlertView[] {
  let entry = current(ctx, asOf);
  if (entry === undefined) {
    const alerts = compute();
    // Computing reads only, but take the version again: a read never moves it, and this keeps the key honest.
    entry = { key: keyOf(ctx, asOf), alerts, views: null };
    cache.set(ctx.db, entry);
  }
  entry.views ??= toViews(entry.alerts);
  return entry.views;
}

/**
 * Runs a write that changes acknowledgements only (alert_acks and its audit
 * row): computed alerts that were current before it stay current after it,
 * under the new version, and their views are made again on the next read.
 */
export function keepingAlerts<T>(ctx: ServiceContext, asOf: string, write: () => T): T {
  const before = current(ctx, asOf);
  const result = write();
  if (before !== undefined && cache.get(ctx.db) === before) {
    before.key = keyOf(ctx, asOf);
    before.views = null;
  }
  return result;
}
