/**
 * Every customer's facts for the report rows (code, name, sort key, grade,
 * kind, region, salesperson), kept per connection until the customers table
 * changes. Reading 5,000 customers' rows costs about as much as a third of
 * the report (issue 17: the report ≤ 3× the floor query), and the aging
 * screen asks again for every sort, page, basis and date while the customers
 * themselves rarely change.
 *
 * "Changed" is SQLite's own bookkeeping (db/writeWatch.ts), so no write
 * path can forget it:
 *  - this connection's writes (a customer edit, a merge, an import, a sync
 *    apply run here): only the written customers' rows are read again (a
 *    rolled-back write is read again too: its row is then simply the old one);
 *  - any other connection's commit (a sync apply or an import in another
 *    process, another PC's writes arriving in the file), or the watch's TEMP
 *    triggers gone: everything is read again.
 *
 * Only the whole list is kept (no customer filter): a filtered report reads
 * its customers with SQL as before, and so does a scoped call (a
 * salesperson's views shadow the customers table; see db/scope.ts).
 */
import type { Db } from '../../../db/query';
import { watchWrites } from '../../../db/writeWatch';
import type { CustomerFacts } from './customerBalances';

interface Kept {
  /** The watch's epoch when the facts were read whole. */
  epoch: string;
  byId: Map<string, CustomerFacts>;
  /** The facts as a list, made again from byId after a change. */
  list: CustomerFacts[] | null;
}

const kept = new WeakMap<Db, Kept>();

const FACTS = `SELECT c.id, c.code, c.name, c.sort_key AS sortKey, c.grade, c.kind, c.region, c.salesperson FROM main.customers c`;

/**
 * Every customer's facts (archived included): read whole after another
 * connection's commit, and only the written customers' rows after this
 * connection's writes. Call it outside any write transaction (a write that
 * is rolled back afterwards would leave its rows here): agingRows checks.
 */
export function allCustomerFacts(db: Db): readonly CustomerFacts[] {
  const writes = watchWrites(db, 'customer_facts', [{ table: 'customers', id: 'id' }]);
  if (writes === null) return db.prepare(FACTS).all() as CustomerFacts[];
  let facts = kept.get(db);
  if (facts === undefined || facts.epoch !== writes.epoch) {
    const rows = db.prepare(FACTS).all() as CustomerFacts[];
    facts = { epoch: writes.epoch, byId: new Map(rows.map((r) => [r.id, r])), list: rows };
    kept.set(db, facts);
  } else if (writes.written.size > 0) {
    const one = db.prepare(`${FACTS} WHERE c.id = ?`);
    for (const id of writes.written) {
      const row = one.get(id) as CustomerFacts | undefined;
      if (row === undefined) facts.byId.delete(id);
      else facts.byId.set(id, row);
    }
    facts.list = null;
  }
  facts.list ??= [...facts.byId.values()];
  return facts.list;
}
