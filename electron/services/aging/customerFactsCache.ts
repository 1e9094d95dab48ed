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
 *    here) calls a function that counts them; a rolled-back write still
 *    counts, which only costs one fresh read;
 *  - any other connection's commit (a sync apply or an import in another
 *    process, another PC's writes arriving in the file): PRAGMA data_version
 *    moves.
 * The key is both; a read inside the report's snapshot transaction sees the
 * facts of that snapshot, since nothing else is read to decide.
 *
 * Only the whole list is kept (no customer filter): a filtered report reads
 * its customers with SQL as before, and so does a scoped call (a
 * salesperson's views shadow the customers table; see db/scope.ts).
 */
import type { Db } from '../../../db/query';
import type { CustomerFacts } from './customerBalances';

interface Watch {
  /** Writes to main.customers made through this connection since it was watched. */
  writes: number;
  key: string | null;
  facts: CustomerFacts[];
}

const watches = new WeakMap<Db, Watch | null>();

const FACTS_SQL = `SELECT c.id, c.code, c.name, c.sort_key AS sortKey, c.grade, c.kind, c.region, c.salesperson FROM main.customers c`;

/** Installs the counting trigger once per connection; null where that is impossible (the cache is then skipped). */
function watchOf(db: Db): Watch | null {
  const known = watches.get(db);
  if (known !== undefined) return known;
  const watch: Watch = { writes: 0, key: null, facts: [] };
  try {
    db.sqlite.function('dd_customers_written', { deterministic: false, varargs: false }, () => {
      watch.writes++;
      return null;
    });
    db.sqlite.exec(
      (['INSERT', 'UPDATE', 'DELETE'] as const)
        .map((op) => `CREATE TEMP TRIGGER IF NOT EXISTS dd_customers_written_${op.toLowerCase()} AFTER ${op} ON main.customers BEGIN SELECT dd_customers_written(); END`)
        .join(';\n'),
    );
    watches.set(db, watch);
    return watch;
  } catch {
    watches.set(db, null);
    return null;
  }
}

/** Every customer's facts (archived included), read again only after the customers table changed. */
export function allCustomerFacts(db: Db): readonly CustomerFacts[] {
  const watch = watchOf(db);
  if (watch === null) return db.prepare(FACTS_SQL).all() as CustomerFacts[];
  const key = `${db.sqlite.pragma('data_version', { simple: true }) as number}:${watch.writes}`;
  if (watch.key !== key) {
    watch.facts = db.prepare(FACTS_SQL).all() as CustomerFacts[];
    watch.key = key;
  }
  return watch.facts;
}
