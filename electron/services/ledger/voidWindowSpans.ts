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
import type { ArDoc } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { storeSpans } from './spanRows';

const SQL = {
  digest: `SELECT digest FROM ar_void_window_inputs WHERE customer_id = ?`,
  setDigest: `INSERT INTO ar_void_window_inputs (customer_id, digest) VALUES (?, ?)
    ON CONFLICT (customer_id) DO UPDATE SET digest = excluded.digest`,
  forget: `DELETE FROM ar_void_window_inputs WHERE customer_id = ?`,
};

/** Brings the customer's window spans in line with its documents (fresh: it has none stored yet); returns how many rows changed. */
/**
 * `added`: the caller (an import) knows the only change to the customer's
 * documents since the last re-derivation is these new ones. When none of them
 * is a void and all are dated on or after the last window ends, neither the
 * windows nor anything a window's replay reads changed, so the stored spans
 * stand and the digest (a hash over most of the customer's documents) is not
 * even computed.
 */
function addedAfterWindows(docs: readonly ArDoc[], windows: readonly VoidWindow[], added: ReadonlySet<string>): boolean {
  const end = windows[windows.length - 1].untilOn;
  for (const d of docs) if (added.has(d.id) && (d.kind === 'void' || d.docDate < end)) return false;
  return true;
}

export function writeVoidWindowSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], fresh = false, added?: ReadonlySet<string>): number {
  const windows = voidWindowsOf(docs);
  const stored = fresh ? undefined : (ctx.db.prepare(SQL.digest).get(customerId) as { digest: string | null } | undefined);
  if (windows.length > 0 && stored !== undefined && added !== undefined && addedAfterWindows(docs, windows, added)) return 0;
  if (windows.length === 0) {
    // Rows exist only together with a digest row: without one there is nothing to remove.
    if (stored === undefined) return 0;
    ctx.db.prepare(SQL.forget).run(customerId);
    return storeSpans(ctx, 'ar_void_window_spans', customerId, [], false);
  }
  const digest = voidWindowDigest(docs, windows);
  if (stored?.digest === digest) return 0;
  const changed = storeSpans(ctx, 'ar_void_window_spans', customerId, voidWindowSpansOf(docs, windows), fresh);
  ctx.db.prepare(SQL.setDigest).run(customerId, digest);
  return changed;
}
