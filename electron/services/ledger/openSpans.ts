/**
 * Keeps ar_open_spans (migration 0014_a) equal to the spans of the full
 * replay, one customer at a time: called by every re-derivation (so by every
 * posting, void, import, undo and by sync after applying remote documents)
 * and by the bulk loader. Only the spans that changed are written: an import
 * of new invoices adds a span or two per customer instead of rewriting the
 * customer's history.
 */
import { openSpansOf, type OpenSpan } from '../../../shared/receivables/openSpans';
import type { ArDoc, ReplayResult } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { insertRows } from '../../../db/insertRows';

interface StoredSpan {
  doc_id: string;
  from_on: string;
  until_on: string;
  side: string;
  due_on: string | null;
  doc_date: string;
  open_fen: number;
}

const SQL = {
  existing: `SELECT doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ar_open_spans WHERE customer_id = ?`,
  existingOfDoc: `SELECT doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ar_open_spans WHERE customer_id = ? AND doc_id = ?`,
  update: `UPDATE ar_open_spans SET until_on = ?, side = ?, due_on = ?, doc_date = ?, open_fen = ? WHERE customer_id = ? AND doc_id = ? AND from_on = ?`,
  remove: `DELETE FROM ar_open_spans WHERE customer_id = ? AND doc_id = ? AND from_on = ?`,
};

// New spans go in with multi-row INSERTs: an import adds one or two per new document (100,000 in a large file).
const INSERT_HEAD = `INSERT INTO ar_open_spans (customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen)`;
const INSERT_WIDTH = 9;

const keyOf = (docId: string, fromOn: string): string => `${docId}\u0000${fromOn}`;

const same = (s: StoredSpan, n: OpenSpan): boolean =>
  s.until_on === n.untilOn && s.open_fen === n.openFen && s.side === n.side && s.due_on === n.dueOn && s.doc_date === n.docDate;

/**
 * Which documents' spans may differ from the stored ones, when the caller
 * knows: `fresh` have none stored yet (just inserted), `touched` may have
 * changed (a changed allocation names them, or a void reversed them). A
 * document's spans depend only on its own immutable fields, whether it is
 * voided and its allocations, so every other document's stored spans are
 * already right and are neither read nor compared. Without a scope every
 * span of the customer is diffed (any write, sync, repair).
 */
export interface SpanScope {
  fresh: ReadonlySet<string>;
  touched: ReadonlySet<string>;
}

/** Brings the customer's stored spans in line with its replay; returns how many rows changed. */
export function writeOpenSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], result: ReplayResult, fresh = false, scope?: SpanScope): number {
  const all = openSpansOf(docs, result);
  const spans = scope ? all.filter((n) => scope.fresh.has(n.docId) || scope.touched.has(n.docId)) : all;
  const stored = new Map<string, StoredSpan>();
  if (scope) {
    const ofDoc = ctx.db.prepare(SQL.existingOfDoc);
    for (const docId of scope.touched) for (const s of ofDoc.all(customerId, docId) as StoredSpan[]) stored.set(keyOf(s.doc_id, s.from_on), s);
  } else if (!fresh) {
    for (const s of ctx.db.prepare(SQL.existing).all(customerId) as StoredSpan[]) stored.set(keyOf(s.doc_id, s.from_on), s);
  }
  // Inserted, updated and removed keys are disjoint, so writing the inserts together after the loop stores the same rows.
  const inserts: unknown[][] = [];
  const update = ctx.db.prepare(SQL.update);
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
  insertRows(ctx.db, INSERT_HEAD, INSERT_WIDTH, inserts);
  const remove = ctx.db.prepare(SQL.remove);
  for (const old of stored.values()) {
    remove.run(customerId, old.doc_id, old.from_on);
    changed++;
  }
  return changed;
}
