/**
 * The digest of what a customer's void-window spans are built from
 * (shared/receivables/voidWindows.ts): the windows, and the documents dated
 * before the last window ends with their explicit targets (a window piece's
 * replay sees nothing later). Stored beside the spans (migration 0025) and
 * compared by every re-derivation (electron/services/ledger/voidWindowSpans.ts):
 * equal digests, nothing to rebuild. Node-side (node:crypto), shared by the
 * migration's fill and the service.
 */
import crypto from 'node:crypto';
import type { ArDoc } from '../shared/receivables/types';
import type { VoidWindow } from '../shared/receivables/voidWindows';

/** Documents in id order: the order they are loaded in is not fixed. */
export function voidWindowDigest(docs: readonly ArDoc[], windows: readonly VoidWindow[]): string {
  const end = windows.length > 0 ? windows[windows.length - 1].untilOn : '';
  const inputs = docs.filter((d) => d.docDate < end).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = crypto.createHash('sha1');
  hash.update(JSON.stringify(windows));
  for (const d of inputs) {
    hash.update(JSON.stringify([d.id, d.kind, d.side, d.docNo, d.docDate, d.dueOn, d.amountFen, d.voidsId, d.explicitTargets]));
  }
  return hash.digest('hex');
}
