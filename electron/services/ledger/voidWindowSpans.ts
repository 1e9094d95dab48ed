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
 * digest is stored in ar_void_window_inputs; a different or missing digest
 * ("in doubt", e.g. right after the migration) means rebuild. An import of
 * this month's invoices, the common write, leaves past windows' inputs alone.
 */
import crypto from 'node:crypto';
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

/** A digest of everything the window spans are built from (documents in id order: the load order is not fixed). */
export function voidWindowDigest(docs: readonly ArDoc[], windows: readonly VoidWindow[]): string {
  const end = windows[windows.length - 1].untilOn;
  const inputs = docs.filter((d) => d.docDate < end).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = crypto.createHash('sha1');
  hash.update(JSON.stringify(windows));
  for (const d of inputs) {
    hash.update(JSON.stringify([d.id, d.kind, d.side, d.docNo, d.docDate, d.dueOn, d.amountFen, d.voidsId, d.explicitTargets]));
  }
  return hash.digest('hex');
}

/** Brings the customer's window spans in line with its documents (fresh: it has none stored yet); returns how many rows changed. */
export function writeVoidWindowSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], fresh = false): number {
  const windows = voidWindowsOf(docs);
  const stored = fresh ? undefined : (ctx.db.prepare(SQL.digest).get(customerId) as { digest: string | null } | undefined);
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
