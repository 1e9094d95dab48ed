/**
 * The runtime's watch on every call, for the caches that follow ordinary
 * one-customer writes instead of starting afresh after them (the alerts,
 * alerts/viewCache.ts; the aging figures, aging/figuresCache.ts).
 *
 * A cache is current at a database version: total_changes() (every row this
 * connection inserted, updated or deleted, triggers included) with PRAGMA
 * data_version (moves when another connection commits). So no write path
 * can forget to invalidate: SQLite keeps the count.
 *
 * A call may be "carried": it ran alone (no other call started while it
 * ran), succeeded, wrote only per-customer tables and named the customer of
 * every change (recordChange's customerId). Then each registered cache that
 * was current when the call started may move to the new version with those
 * customers marked stale, and recompute only them on its next read.
 * Anything else leaves every cache behind its version, to be computed whole.
 *
 * Kept apart from the caches so the runtime watches calls without loading
 * any of them (the command line loads only what a command needs): a cache
 * registers its carrier when its own module is first loaded, which is
 * before it can hold anything to carry.
 */
import { PER_CUSTOMER_TABLES } from '../../../db/scope';
import type { Db } from '../../../db/query';
import type { ServiceContext } from '../context';

export function versionOf(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = db.sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

/** A carried write: the version before and after it, and the customers whose rows it wrote. */
export interface CarriedWrite {
  db: Db;
  before: string;
  after: string;
  customers: ReadonlySet<string>;
}

const carriers: ((write: CarriedWrite) => void)[] = [];

/** Called once by each cache module: `carry` moves whatever it holds at `before` to `after`, marking the customers stale. */
export function registerCarrier(carry: (write: CarriedWrite) => void): void {
  carriers.push(carry);
}

const PER_CUSTOMER = new Set([...PER_CUSTOMER_TABLES, 'audit_log']);
/** Tables no cache reads: a statement's stored PDF (stored_files) changes no alert and no balance. */
const UNREAD_BY_CACHES = new Set(['stored_files']);

interface Calls {
  started: number;
  running: number;
}
const calls = new WeakMap<Db, Calls>();

/** Called by the runtime as a call starts; `end` as it finishes. */
export function watchCall(ctx: ServiceContext): { end: (ok: boolean) => void } {
  const state = calls.get(ctx.db) ?? { started: 0, running: 0 };
  calls.set(ctx.db, state);
  const mine = ++state.started;
  // Another call running now (or starting before this one ends) could write in between: no carrying then.
  const alone = state.running === 0;
  state.running++;
  const before = carriers.length > 0 ? versionOf(ctx.db) : '';
  return {
    end: (ok) => {
      state.running--;
      if (!ok || !alone || state.started !== mine || carriers.length === 0) return;
      const customers = namedCustomers(ctx);
      if (customers === null) return;
      const after = versionOf(ctx.db);
      if (after === before) return;
      for (const carry of carriers) carry({ db: ctx.db, before, after, customers });
    },
  };
}

/** The customers of an ordinary per-customer write, or null when the call wrote anything else or did not say whose data it was. */
function namedCustomers(ctx: ServiceContext): ReadonlySet<string> | null {
  const changed = ctx.changed;
  if (changed === undefined || changed.unattributed || changed.ids.size === 0) return null;
  for (const t of ctx.touched) if (!PER_CUSTOMER.has(t) && !UNREAD_BY_CACHES.has(t)) return null;
  return changed.ids;
}
