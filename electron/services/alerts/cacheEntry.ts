/**
 * The alert cache's one entry per database and the watch the runtime keeps
 * on every call (viewCache.ts explains both). Kept apart from the cache's
 * reader so the runtime can watch calls without loading any alert rule
 * (the command line loads only what a command needs).
 */
import { PER_CUSTOMER_TABLES } from '../../../db/scope';
import type { Db } from '../../../db/query';
import type { Alert, AlertView } from '../../../shared/alerts/types';
import type { ServiceContext } from '../context';

export interface Entry {
  asOf: string;
  scope: string;
  /** The database version the alerts are current at (once `stale` is recomputed). */
  version: string;
  alerts: Alert[];
  views: AlertView[] | null;
  /** Customers written since the alerts were computed; their alerts are made again on the next read. */
  stale: Set<string>;
}

export const cache = new WeakMap<Db, Entry>();

/** How often writes were carried and stale customers recomputed (tests check the short way was taken). */
export const alertCacheStats = { carried: 0, refreshed: 0 };

export function versionOf(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = db.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

const PER_CUSTOMER = new Set([...PER_CUSTOMER_TABLES, 'audit_log']);
/** Tables no alert rule reads: a statement's stored PDF (stored_files) changes no alert. */
const UNREAD_BY_RULES = new Set(['stored_files']);
/** Past this many written customers a whole computation is as cheap; the alerts are then left to it. */
const MAX_STALE = 200;

interface Calls {
  started: number;
  running: number;
}
const calls = new WeakMap<Db, Calls>();

/**
 * Called by the runtime as a call starts; `end` as it finishes. Carries the
 * cached alerts across the call when it was an ordinary per-customer write
 * (see the top of this file); otherwise leaves them to be computed afresh.
 */
export function watchCall(ctx: ServiceContext): { end: (ok: boolean) => void } {
  const state = calls.get(ctx.db) ?? { started: 0, running: 0 };
  calls.set(ctx.db, state);
  const mine = ++state.started;
  // Another call running now (or starting before this one ends) could write in between: no carrying then.
  const alone = state.running === 0;
  state.running++;
  const before = versionOf(ctx.db);
  return {
    end: (ok) => {
      state.running--;
      if (!ok || !alone || state.started !== mine) return;
      carryAcrossWrite(ctx, before);
    },
  };
}

function carryAcrossWrite(ctx: ServiceContext, before: string): void {
  const entry = cache.get(ctx.db);
  const changed = ctx.changed;
  if (entry === undefined || entry.version !== before || changed === undefined) return;
  const after = versionOf(ctx.db);
  if (after === before) return;
  // A version that moved with no customer named was written by something that did not say whose data it was.
  if (changed.unattributed || changed.ids.size === 0) return;
  for (const t of ctx.touched) if (!PER_CUSTOMER.has(t) && !UNREAD_BY_RULES.has(t)) return;
  if (entry.stale.size + changed.ids.size > MAX_STALE) return;
  for (const id of changed.ids) entry.stale.add(id);
  entry.version = after;
  entry.views = null;
  alertCacheStats.carried++;
}
