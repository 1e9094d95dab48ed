/**
 * One customer's rows of a span table made equal to a list of spans,
 * writing only the rows that differ (the stored spans of a customer with a
 * long history mostly stay as they are).
 */
import { insertRows } from '../../../db/insertRows';
import type { OpenSpan } from '../../../shared/receivables/openSpans';
import type { ServiceContext } from '../context';

interface StoredSpan {
  doc_id: string;
  from_on: string;
  until_on: string;
  side: string;
  due_on: string | null;
  doc_date: string;
  open_fen: number;
}

/** The tables with span rows: same columns, same key (customer, document, from). */
export type SpanTable = 'ar_open_spans' | 'ar_void_window_spans';

// New spans go in with multi-row INSERTs (db/insertRows.ts): an import adds one or two per new document.
const INSERT_WIDTH = 9;

const sqlFor = (table: SpanTable) => ({
  existing: `SELECT doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ${table} WHERE customer_id = ?`,
  existingOfDoc: `SELECT doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ${table} WHERE customer_id = ? AND doc_id = ?`,
  insertHead: `INSERT INTO ${table} (customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen)`,
  update: `UPDATE ${table} SET until_on = ?, side = ?, due_on = ?, doc_date = ?, open_fen = ? WHERE customer_id = ? AND doc_id = ? AND from_on = ?`,
  remove: `DELETE FROM ${table} WHERE customer_id = ? AND doc_id = ? AND from_on = ?`,
});
const SQL = { ar_open_spans: sqlFor('ar_open_spans'), ar_void_window_spans: sqlFor('ar_void_window_spans') };

const keyOf = (docId: string, fromOn: string): string => `${docId}\u0000${fromOn}`;

const same = (s: StoredSpan, n: OpenSpan): boolean =>
  s.until_on === n.untilOn && s.open_fen === n.openFen && s.side === n.side && s.due_on === n.dueOn && s.doc_date === n.docDate;

/**
 * Makes the customer's rows of one span table equal to `spans` (fresh: it has
 * none yet); returns how many rows changed. With `onlyDocs` the caller says
 * that `spans` covers only those documents plus ones with nothing stored yet,
 * so only their stored rows are read and compared (openSpans.ts SpanScope).
 */
export function storeSpans(
  ctx: ServiceContext,
  table: SpanTable,
  customerId: string,
  spans: readonly OpenSpan[],
  fresh: boolean,
  onlyDocs?: ReadonlySet<string>,
): number {
  const sql = SQL[table];
  const stored = new Map<string, StoredSpan>();
  if (onlyDocs !== undefined) {
    const ofDoc = ctx.db.prepare(sql.existingOfDoc);
    for (const docId of onlyDocs) for (const s of ofDoc.all(customerId, docId) as StoredSpan[]) stored.set(keyOf(s.doc_id, s.from_on), s);
  } else if (!fresh) {
    for (const s of ctx.db.prepare(sql.existing).all(customerId) as StoredSpan[]) stored.set(keyOf(s.doc_id, s.from_on), s);
  }
  // Inserted, updated and removed keys are disjoint, so writing the inserts together after the loop stores the same rows.
  const inserts: unknown[][] = [];
  const update = ctx.db.prepare(sql.update);
  let changed = 0;
  for (const n of spans) {
    const key = keyOf(n.docId, n.fromOn);
    const old = stored.get(key);
    stored.delete(key);
    if (old === undefined) {
      inserts.push([customerId, n.docId, n.fromOn, n.untilOn, n.fromOn.slice(0, 7), n.side, n.dueOn, n.docDate, n.openFen]);
      changed++;
    } else if (!same(old, n)) {
      update.run(n.untilOn, n.side, n.dueOn, n.docDate, n.openFen, customerId, n.docId, n.fromOn);
      changed++;
    }
  }
  insertRows(ctx.db, sql.insertHead, INSERT_WIDTH, inserts);
  const remove = ctx.db.prepare(sql.remove);
  for (const old of stored.values()) {
    remove.run(customerId, old.doc_id, old.from_on);
    changed++;
  }
  return changed;
}
