/**
 * The reference timing of the alerts' past-date reads (issue 17, "the bench
 * prints both the fast and the reference timing"): each customer's overdue
 * summary from the replay of all its documents, against the fast read the
 * alert rules use (ledgerAsOf.ts), with a check that both give the same
 * summaries for every customer.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AppRuntime } from '../../../electron/api/runtime';
import { LedgerAsOf, type OverdueSummary } from '../../../electron/services/alerts/ledgerAsOf';
import { replayedSummary } from '../../helpers/replayedOverdue';
import { measure, measureOnce, type Figure } from '../harness';

function replayEveryCustomer(rt: AppRuntime, asOf: string): Map<string, OverdueSummary> {
  const ctx = rt.context();
  const out = new Map<string, OverdueSummary>();
  for (const { id } of rt.database().sqlite.prepare('SELECT id FROM customers').all() as { id: string }[]) {
    const s = replayedSummary(ctx, id, asOf);
    if (s) out.set(id, s);
  }
  return out;
}

export async function overdueReference(rt: AppRuntime, asOf: string, label: string): Promise<Figure[]> {
  const fast = await measure(`overdue summaries as of ${label} (the alert rules' read)`, 5, () => new LedgerAsOf(rt.context(), asOf).overdueSummaries());
  let reference = new Map<string, OverdueSummary>();
  const ref = measureOnce(`  reference: replay every customer as of ${label}`, () => {
    reference = replayEveryCustomer(rt, asOf);
  });
  const got = new LedgerAsOf(rt.context(), asOf).overdueSummaries();
  const differing = [...new Set([...got.keys(), ...reference.keys()])].filter((id) => !isDeepStrictEqual(got.get(id), reference.get(id)));
  const same = differing.length === 0 ? `same ${reference.size} summaries` : `DIFFERS for ${differing.length} customers (first ${differing[0]})`;
  ref.note = `${same}; the fast read is ${(ref.medianMs / fast.medianMs).toFixed(0)}× faster (wall), ${(ref.cpuMs! / fast.cpuMs!).toFixed(0)}× (CPU)`;
  return [fast, ref];
}
