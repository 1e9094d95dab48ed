/**
 * What every service function receives: the database, the clock, who is
 * acting, where files live, and a set collecting the tables the call wrote
 * (the dispatcher broadcasts it as `db:changed` so views refresh).
 */
import type { Db } from '../../db/query';
import type { Clock } from '../../shared/dates/clock';
import type { Role } from '../../shared/auth/roles';
import type { OutputPolicy } from './files/outputPolicy';

/**
 * Who is acting in one call. Built by the runtime from the channel's session
 * (IPC window, HTTP bridge token, CLI login), never from the request body.
 */
export interface Actor {
  /** The logged-in user's name, or before any user exists "alice" (OS user) / "cli:alice". */
  user: string;
  device: string;
  /** The users.id of the logged-in user; null while the office has no users yet. */
  userId?: string | null;
  role?: Role | null;
  /** ipc / http / cli / system. */
  channel?: string;
  /** users.id of the boss who authorized this act (当面授权 or an approved request). */
  authorizedBy?: string | null;
  approvalId?: string | null;
  /** A salesperson's name: every read of this call sees only the customers assigned to it (db/scope.ts). */
  scope?: string | null;
}

/** An object, not two fields, so a context copied with `{ ...ctx }` still reports into the call's own record. */
export interface ChangedCustomers {
  ids: Set<string>;
  unattributed: boolean;
}

export interface ServiceContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** The app's data directory on a local disk (stored files, statements, logs). */
  dataDir: string;
  touched: Set<string>;
  /**
   * Whose data the call changed, from its recordChange calls (the runtime's
   * contexts carry it; absent elsewhere). Lets the alert cache recompute only
   * those customers after a write (alerts/viewCache.ts); a change naming no
   * customer makes `unattributed` true, and then everything is recomputed.
   */
  changed?: ChangedCustomers;
  /** Where caller-named output files may go (files/outputPolicy.ts); absent = anywhere (services calling services). */
  outputs?: OutputPolicy;
}

/**
 * The boss acting himself, or someone acting with the boss's authorization
 * (当面授权 / an approved request): lifts the blocks the boss may lift
 * (a credit-limit block). While no users exist nobody can lift them, as before.
 */
export const bossAuthorized = (ctx: ServiceContext): boolean => ctx.actor.role === 'boss' || !!ctx.actor.authorizedBy;
