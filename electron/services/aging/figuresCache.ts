/**
 * Every customer's aging figures for a date and basis, kept per connection
 * and carried across ordinary one-customer writes (cache/callWatch.ts): the
 * aging screen asks again for every sort, page, filter and search, the
 * dashboard asks for today's after every write, and reading ~20,000 open
 * spans into JavaScript is most of a report's cost (issue 17: the report
 * ≤ 3× the floor query). After a receipt or an invoice only that customer's
 * spans are read again; after anything else (a settings change, a sync
 * apply, another connection's commit, a write naming no customer) the
 * figures are read whole, as before.
 *
 * The kept figures are current at a database version taken BEFORE the read
 * that made them: a commit landing between the version and the read makes
 * the figures newer than their version, never older, so the next call
 * reads them again rather than trusting stale ones. Inside a caller's read
 * snapshot (the dashboard's) the version is taken within it, where SQLite
 * reports the snapshot's own data_version (it moves only when a new read
 * transaction begins), so figures and version agree there too.
 *
 * Keyed by date, basis and the buckets' limits; the few last keys are kept
 * (the screen switches basis and date, the dashboard keeps asking for today).
 * Not used inside a write transaction (that write may yet roll back; a read
 * snapshot is fine, Db.writing tells them apart) nor under a salesperson's
 * scope (whose views show other rows).
 */
import type { Db } from '../../../db/query';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import { registerCarrier } from '../cache/callWatch';
import type { ServiceContext } from '../context';
import { crossedAt, figuresOfAll, figuresOfOne } from './customerFigures';
import type { SpanFigures } from './spansAsOf';

interface Entry {
  key: string;
  version: string;
  figures: Map<string, SpanFigures>;
  /** Customers written since: read again on the next use. */
  stale: Set<string>;
}

/** Most recently used first. */
const kept = new WeakMap<Db, Entry[]>();
const KEEP = 4;
/** Past this many written customers one whole read is as cheap. */
const MAX_STALE = 200;

/** What the cache did (tests check that the short way was taken, and when it was not). */
export const agingFiguresStats = { whole: 0, carried: 0, refreshed: 0 };

registerCarrier(({ db, before, after, customers }) => {
  for (const entry of kept.get(db) ?? []) {
    if (entry.version !== before || entry.stale.size + customers.size > MAX_STALE) continue;
    for (const id of customers) entry.stale.add(id);
    entry.version = after;
    agingFiguresStats.carried++;
  }
});

const keyOf = (asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): string =>
  `${asOf}|${basis}|${buckets.map((b) => b.maxDays ?? '').join(',')}`;

/**
 * Every customer's figures at asOf (read-only to the caller: they may be
 * kept). `version` is callWatch's versionOf taken before the read
 * transaction this runs in, or null where nothing may be kept.
 */
export function agingFigures(ctx: ServiceContext, asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[], version: string | null): ReadonlyMap<string, SpanFigures> {
  if (version === null) return figuresOfAll(ctx, asOf, basis, buckets);
  const key = keyOf(asOf, basis, buckets);
  const entries = kept.get(ctx.db) ?? [];
  kept.set(ctx.db, entries);
  const at = entries.findIndex((e) => e.key === key);
  let entry = at >= 0 ? entries[at] : undefined;
  if (at >= 0) entries.splice(at, 1);
  if (entry === undefined || entry.version !== version) {
    entry = { key, version, figures: figuresOfAll(ctx, asOf, basis, buckets), stale: new Set() };
    agingFiguresStats.whole++;
  } else if (entry.stale.size > 0) {
    const crossed = crossedAt(ctx, asOf);
    for (const id of entry.stale) {
      const f = figuresOfOne(ctx, id, asOf, basis, buckets, crossed);
      if (f === undefined) entry.figures.delete(id);
      else entry.figures.set(id, f);
    }
    entry.stale.clear();
    agingFiguresStats.refreshed++;
  }
  entries.unshift(entry);
  entries.length = Math.min(entries.length, KEEP);
  return entry.figures;
}
