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
