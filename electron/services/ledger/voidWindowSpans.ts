/**
 * Keeps ar_void_window_spans (migration 0025) equal to the customer's
 * void-window spans (shared/receivables/voidWindows.ts): what aging reads,
 * as of a date a void crosses, instead of replaying the customer then.
 * Called with the open spans (openSpans.ts), so by every re-derivation —
 * posting, void, import, undo, sync — and by the bulk loader.
 *
 * Building them costs one replay per window piece, so they are rebuilt only
 * when their inputs changed: a piece's replay sees only the documents dated
 * before it ends, so the windows and the documents dated before the last
 * one ends (with their explicit targets) are everything they depend on. Their
 * digest (db/voidWindowDigest.ts) is stored in ar_void_window_inputs; a
 * different or missing one ("in doubt") means rebuild. An import of this
 * month's invoices, the common write, leaves past windows' inputs alone.
 */
import { voidWindowDigest } from '../../../db/voidWindowDigest';
import { voidWindowsOf, voidWindowSpansOf, type VoidWindow } from '../../../shared/receivables/voidWindows';
import type { OpenSpan } from '../../../shared/receivables/openSpans';
import type { ArDoc } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { storeSpans } from './spanRows';

const SQL = {
  digest: `SELECT digest FROM ar_void_window_inputs WHERE customer_id = ?`,
  setDigest: `INSERT INTO ar_void_window_inputs (customer_id, digest) VALUES (?, ?)
    ON CONFLICT (customer_id) DO UPDATE SET digest = excluded.digest`,
  forget: `DELETE FROM ar_void_window_inputs WHERE customer_id = ?`,
  // ar_documents_voids covers it (the planner would read every void's row through the kind/number index).
  allVoids: `SELECT customer_id, doc_date, voids_id FROM ar_documents INDEXED BY ar_documents_voids WHERE kind = 'void'`,
  originalOn: `SELECT doc_date FROM ar_documents WHERE id = ? AND customer_id = ?`,
  spansBefore: `SELECT doc_id AS docId, side, from_on AS fromOn, until_on AS untilOn, open_fen AS openFen, due_on AS dueOn, doc_date AS docDate
    FROM ar_void_window_spans WHERE customer_id = ? AND from_on < ?`,
};

/**
 * How many of the leading window pieces an import leaves as stored. `added`:
 * the caller (an import) knows the only change to the customer's documents
 * since the last re-derivation is these new ones. A piece's replay reads only
 * the documents dated before the piece ends, so when none of the added is a
 * void (the windows stay the same) the pieces ending on or before the earliest
 * added date keep their spans; all of them = nothing to rebuild, and then not
 * even the digest (a hash over most of the customer's documents) is computed.
 * 0 = rebuild everything.
 */
function piecesKept(docs: readonly ArDoc[], windows: readonly VoidWindow[], added: ReadonlySet<string>): number {
  let earliest: string | null = null;
  for (const d of docs) {
    if (!added.has(d.id)) continue;
    if (d.kind === 'void') return 0;
    if (earliest === null || d.docDate < earliest) earliest = d.docDate;
  }
  if (earliest === null) return 0;
  let kept = 0;
  while (kept < windows.length && windows[kept].untilOn <= earliest) kept++;
  return kept;
}

/** The stored window spans of the pieces before `fromOn` (pieces are disjoint: a span lies in the piece its from_on falls in). */
function storedSpansBefore(ctx: ServiceContext, customerId: string, fromOn: string): OpenSpan[] {
  return ctx.db.prepare(SQL.spansBefore).all(customerId, fromOn) as OpenSpan[];
}

/**
 * Brings the customer's window spans in line with its documents (fresh: it has
 * none stored yet; added: see piecesKept); returns how many rows changed. The
 * shortcuts trust the stored spans only under a verified digest, never "in doubt".
 */
export function writeVoidWindowSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], fresh = false, added?: ReadonlySet<string>): number {
  const windows = voidWindowsOf(docs);
  const stored = fresh ? undefined : (ctx.db.prepare(SQL.digest).get(customerId) as { digest: string | null } | undefined);
  if (windows.length === 0) {
    // Rows exist only together with a digest row: without one there is nothing to remove.
    if (stored === undefined) return 0;
    ctx.db.prepare(SQL.forget).run(customerId);
    return storeSpans(ctx, 'ar_void_window_spans', customerId, [], false);
  }
  const kept = added !== undefined && stored !== undefined && stored.digest !== null ? piecesKept(docs, windows, added) : 0;
  if (kept === windows.length) return 0;
  const digest = voidWindowDigest(docs, windows);
  if (stored?.digest === digest) return 0;
  const spans =
    kept === 0
      ? voidWindowSpansOf(docs, windows)
      : [...storedSpansBefore(ctx, customerId, windows[kept].fromOn), ...voidWindowSpansOf(docs, windows.slice(kept))];
  const changed = storeSpans(ctx, 'ar_void_window_spans', customerId, spans, fresh);
  ctx.db.prepare(SQL.setDigest).run(customerId, digest);
  return changed;
}

/** A void as the window check needs it (its customer's, from voidsByCustomer). */
export interface VoidRef {
  docDate: string;
  voidsId: string | null;
}

/**
 * Every void of the office by customer, from the voids index alone (a few
 * thousand entries): read once per chunk of an import instead of walking
 * each customer's documents for its voids. An import adds no voids, so the
 * list stays right for every customer not yet written in the chunk.
 */
export function voidsByCustomer(ctx: ServiceContext): Map<string, VoidRef[]> {
  const out = new Map<string, VoidRef[]>();
  for (const v of ctx.db.prepare(SQL.allVoids).all() as { customer_id: string; doc_date: string; voids_id: string | null }[]) {
    let list = out.get(v.customer_id);
    if (list === undefined) out.set(v.customer_id, (list = []));
    list.push({ docDate: v.doc_date, voidsId: v.voids_id });
  }
  return out;
}

/**
 * Whether adding documents dated on or after `from`, none of them a void,
 * leaves the customer's window spans as stored, so writeVoidWindowSpans would
 * write nothing (an import resuming the replay at `from`, resume.ts, never
 * loads the whole history that rebuilding them needs): no windows and no
 * stored rows, or every window ending by `from` under a stored digest
 * (piecesKept keeps them all). The windows come from the customer's voids and
 * their originals' dates, all that voidWindowsOf reads of the documents.
 */
export function voidWindowSpansKept(ctx: ServiceContext, customerId: string, from: string, voids: readonly VoidRef[]): boolean {
  const docs: ArDoc[] = [];
  const doc = (id: string, kind: ArDoc['kind'], docDate: string, voidsId: string | null): ArDoc => ({
    id,
    kind,
    side: 'debit',
    docNo: '',
    docDate,
    dueOn: null,
    amountFen: 0,
    voidsId,
    explicitTargets: [],
  });
  const originalOn = ctx.db.prepare(SQL.originalOn);
  voids.forEach((v, i) => {
    // The void's own id matters only as an original of another void, whose date is looked up below.
    docs.push(doc(`void:${i}`, 'void', v.docDate, v.voidsId));
    const o = v.voidsId === null ? undefined : (originalOn.get(v.voidsId, customerId) as { doc_date: string } | undefined);
    // The original only lends its date (its kind does not matter to voidWindowsOf).
    if (v.voidsId !== null && o !== undefined) docs.push(doc(v.voidsId, 'invoice', o.doc_date, null));
  });
  const windows = voidWindowsOf(docs);
  const stored = ctx.db.prepare(SQL.digest).get(customerId) as { digest: string | null } | undefined;
  if (windows.length === 0) return stored === undefined;
  return stored !== undefined && stored.digest !== null && windows.every((w) => w.untilOn <= from);
}
