/**
 * Every customer's facts for the report rows (code, name, sort key, grade,
 * kind, region, salesperson), kept per connection until the customers table
 * changes. Reading 5,000 customers' rows costs about as much as a third of
 * the report (issue 17: the report ≤ 3× the floor query), and the aging
 * screen asks again for every sort, page, basis and date while the customers
 * themselves rarely change.
 *
 * "Changed" is SQLite's own bookkeeping, so no write path can forget it:
 *  - this connection's writes: a TEMP trigger on main.customers (insert,
 *    update, delete — a customer edit, a merge, an import, a sync apply run
 *    here) names each written customer to a function of this connection, and
 *    only those rows are read again (a rolled-back write is read again too:
 *    its row is then simply the old one);
 *  - any other connection's commit (a sync apply or an import in another
 *    process, another PC's writes arriving in the file): PRAGMA data_version
 *    moves, and everything is read again;
 *  - the triggers themselves gone (TEMP objects are dropped when temp_store
 *    changes): everything is read again and they are made anew.
 *
 * Only the whole list is kept (no customer filter): a filtered report reads
 * its customers with SQL as before, and so does a scoped call (a
 * salesperson's views shadow the customers table; see db/scope.ts).
 */
import type { Db } from '../../../db/query';
import type { CustomerFacts } from './customerBalances';

interface Watch {
  /** PRAGMA data_version when the facts were read whole (null: never). */
  version: number | null;
  byId: Map<string, CustomerFacts>;
  /** Customers written through this connection since: their rows are read again on the next use. */
  written: Set<string>;
  /** The facts as a list, made again from byId after a change. */
  list: CustomerFacts[] | null;
}

const watches = new WeakMap<Db, Watch | null>();

const FACTS = `SELECT c.id, c.code, c.name, c.sort_key AS sortKey, c.grade, c.kind, c.region, c.salesperson FROM main.customers c`;

const ON = { INSERT: ['NEW'], UPDATE: ['OLD', 'NEW'], DELETE: ['OLD'] } as const;
const TRIGGERS = Object.entries(ON)
  .map(([op, rows]) => `CREATE TEMP TRIGGER IF NOT EXISTS dd_customer_written_${op.toLowerCase()} AFTER ${op} ON main.customers
    BEGIN SELECT ${rows.map((r) => `dd_customer_written(${r}.id)`).join(', ')}; END`)
  .join(';\n');
const ARMED = `SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'dd_customer_written_%'`;

/** Registers the function once per connection; null where that is impossible (the cache is then skipped). */
function watchOf(db: Db): Watch | null {
  const known = watches.get(db);
  if (known !== undefined) return known;
  const watch: Watch = { version: null, byId: new Map(), written: new Set(), list: null };
  try {
    db.sqlite.function('dd_customer_written', { deterministic: false }, (id: unknown) => {
      if (typeof id === 'string') watch.written.add(id);
      else watch.version = null; // not a text id: forget everything rather than guess
      return null;
    });
    watches.set(db, watch);
    return watch;
  } catch {
    watches.set(db, null);
    return null;
  }
}

/**
 * Whether the triggers are in place, (re)creating them when not. TEMP objects
 * need not last for the connection's life: changing PRAGMA temp_store drops
 * every one of them (db/connection.ts sets it once at open so that nothing of
 * ours does, but a later change must not leave the facts silently stale), and
 * writes made meanwhile were not seen — so a missing trigger means "read
 * everything again".
 */
function armed(db: Db): boolean {
  if ((db.prepare(ARMED).get() as { n: number }).n === Object.keys(ON).length) return true;
  db.sqlite.exec(TRIGGERS);
  return false;
}

/**
 * Every customer's facts (archived included): read whole after another
 * connection's commit, and only the written customers' rows after this
 * connection's writes. Call it outside any write transaction (a write that
 * is rolled back afterwards would leave its rows here): agingRows checks.
 */
export function allCustomerFacts(db: Db): readonly CustomerFacts[] {
  let watch: Watch | null = watchOf(db);
  try {
    if (watch !== null && !armed(db)) watch.version = null;
  } catch {
    watch = null; // no TEMP triggers on this connection: read every time
  }
  if (watch === null) return db.prepare(FACTS).all() as CustomerFacts[];
  const version = db.sqlite.pragma('data_version', { simple: true }) as number;
  if (watch.version !== version) {
    const rows = db.prepare(FACTS).all() as CustomerFacts[];
    watch.byId = new Map(rows.map((r) => [r.id, r]));
    watch.written.clear();
    watch.version = version;
    watch.list = rows;
  } else if (watch.written.size > 0) {
    const one = db.prepare(`${FACTS} WHERE c.id = ?`);
    for (const id of watch.written) {
      const row = one.get(id) as CustomerFacts | undefined;
      if (row === undefined) watch.byId.delete(id);
      else watch.byId.set(id, row);
    }
    watch.written.clear();
    watch.list = null;
  }
  watch.list ??= [...watch.byId.values()];
  return watch.list;
}
