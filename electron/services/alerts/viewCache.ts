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
 *
 * An ordinary write (a receipt, an invoice, a void, an interaction, a
 * customer edit) changes one customer's own rows. The runtime watches each
 * call (watchCall): when the call ran alone, started at the version the
 * cached alerts were computed at, wrote only per-customer tables and named
 * the customer of every change (recordChange's customerId), the alerts are
 * carried to the new version with those customers marked stale, and the
 * next read recomputes only them (refreshCustomers.ts). Anything else — a
 * change naming no customer, a settings or sync table, another connection's
 * commit, a write outside the runtime, another call running meanwhile,
 * another date — leaves the version behind and the next read computes every
 * rule, as before. A salesperson's scoped alerts are carried the same way
 * (refreshCustomers.ts recomputes the written customers inside the scope).
 */
import type { Alert, AlertView } from '../../../shared/alerts/types';
import type { ServiceContext } from '../context';
import { alertCacheStats, cache, versionOf, type Entry } from './cacheEntry';
import { refreshCustomers } from './refreshCustomers';

const scopeOf = (ctx: ServiceContext): string => ctx.actor.scope ?? '';

function current(ctx: ServiceContext, asOf: string): Entry | undefined {
  const hit = cache.get(ctx.db);
  if (hit === undefined || hit.asOf !== asOf || hit.scope !== scopeOf(ctx) || hit.version !== versionOf(ctx.db)) return undefined;
  if (hit.stale.size > 0) {
    hit.alerts = refreshCustomers(ctx, asOf, hit.alerts, hit.stale);
    alertCacheStats.refreshed++;
    hit.stale = new Set();
    hit.views = null;
  }
  return hit;
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
    entry = { asOf, scope: scopeOf(ctx), version: versionOf(ctx.db), alerts, views: null, stale: new Set() };
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
    before.version = versionOf(ctx.db);
    before.views = null;
  }
  return result;
}

