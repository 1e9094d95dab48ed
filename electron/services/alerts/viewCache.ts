/**
 * The alert views of one date, kept until the database changes. Alerts are
 * computed, never stored (DESIGN §3), and the alert page, the nav badge and
 * the dashboard ask for the same date at once after every write; computing
 * every rule once for all of them is what makes the badge instant.
 *
 * "Changed" is SQLite's own bookkeeping, so no write path can forget to
 * invalidate: total_changes() counts every row this connection inserted,
 * updated or deleted (triggers included), and data_version moves when
 * another connection commits. The date is part of the key, so midnight
 * starts afresh.
 */
import type { AlertView } from '../../../shared/alerts/types';
import type { Db } from '../../../db/query';
import type { ServiceContext } from '../context';

const cache = new WeakMap<Db, { key: string; views: AlertView[] }>();

function versionOf(ctx: ServiceContext): string {
  const changes = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = ctx.db.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

export function cachedViews(ctx: ServiceContext, asOf: string, compute: () => AlertView[]): AlertView[] {
  const key = `${asOf}|${versionOf(ctx)}`;
  const hit = cache.get(ctx.db);
  if (hit !== undefined && hit.key === key) return hit.views;
  const views = compute();
  // Computing reads only, but take the version again: a read never moves it, and this keeps the key honest.
  cache.set(ctx.db, { key: `${asOf}|${versionOf(ctx)}`, views });
  return views;
}
