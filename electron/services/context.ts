/**
 * What every service function receives: the database, the clock, who is
 * acting, where files live, and a set collecting the tables the call wrote
 * (the dispatcher broadcasts it as `db:changed` so views refresh).
 */
import type { Db } from '../../db/query';
import type { Clock } from '../../shared/dates/clock';
import type { OutputPolicy } from './files/outputPolicy';

export interface Actor {
  /** "alice" (OS user) or "cli:alice"; user accounts replace this later. */
  user: string;
  device: string;
}

export interface ServiceContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** The app's data directory on a local disk (stored files, statements, logs). */
  dataDir: string;
  touched: Set<string>;
  /** Where caller-named output files may go (files/outputPolicy.ts); absent = anywhere (services calling services). */
  outputs?: OutputPolicy;
}
