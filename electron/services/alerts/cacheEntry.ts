/**
 * The alert cache's one entry per database (viewCache.ts explains it), and
 * how it is carried across an ordinary one-customer write (cache/callWatch.ts).
 */
import type { Db } from '../../../db/query';
import type { Alert, AlertView } from '../../../shared/alerts/types';
import { registerCarrier, versionOf } from '../cache/callWatch';

export { versionOf };

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

/** Past this many written customers a whole computation is as cheap; the alerts are then left to it. */
const MAX_STALE = 200;

registerCarrier(({ db, before, after, customers }) => {
  const entry = cache.get(db);
  if (entry === undefined || entry.version !== before) return;
  if (entry.stale.size + customers.size > MAX_STALE) return;
  for (const id of customers) entry.stale.add(id);
  entry.version = after;
  entry.views = null;
  alertCacheStats.carried++;
});
