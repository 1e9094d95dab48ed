/**
 * The digest of what a customer's void-window spans are built from
 * (shared/receivables/voidWindows.ts): the windows, and the documents dated
 * before the last window ends with their explicit targets (a window piece's
 * replay sees nothing later). Stored beside the spans (migration 0025) and
 * compared by every re-derivation (electron/services/ledger/voidWindowSpans.ts):
 * equal digests, nothing to rebuild. Node-side (node:crypto), shared by the
 * migration's fill and the service.
 */
import type { ArDoc } from '../shared/receivables/types';
import type { VoidWindow } from '../shared/receivables/voidWindows';

/** Node's crypto, loaded on first use: a read-only command (which never re-derives) does not load it at start. */
const crypto = () => process.getBuiltinModule('node:crypto');

/**
 * The documents are taken in the order they come: the same documents loaded
 * in another order only give another digest, hence one needless rebuild,
 * never a stale one; not sorting them keeps the check cheap for a customer
 * with tens of thousands of documents (it runs on every posting).
 */
export function voidWindowDigest(docs: readonly ArDoc[], windows: readonly VoidWindow[]): string {
  const end = windows.length > 0 ? windows[windows.length - 1].untilOn : '';
  const parts: string[] = [JSON.stringify(windows)];
  for (const d of docs) {
    if (d.docDate >= end) continue;
    // Fields joined by control characters none of them can hold (the document number, free text, is quoted by JSON).
    parts.push(`${d.id}\u0001${d.kind}\u0001${d.side}\u0001${JSON.stringify(d.docNo)}\u0001${d.docDate}\u0001${d.dueOn ?? ''}\u0001${d.amountFen}\u0001${d.voidsId ?? ''}`);
    for (const t of d.explicitTargets) parts.push(`\u0002${t.debitId}\u0001${t.amountFen}`);
  }
  return crypto().createHash('sha1').update(parts.join('\u0003')).digest('hex');
}
