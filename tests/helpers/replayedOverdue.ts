/**
 * The obviously correct overdue summary of one customer as of D, from the
 * replay of all its documents: the debits open on D and due before it. The
 * alert property tests compare the fast reads (ledgerAsOf.ts) with it, and
 * the alerts bench times it as the reference of the past-date figures.
 */
import { diffDays } from '../../shared/dates/calendar';
import { replay } from '../../shared/receivables/replay';
import type { ServiceContext } from '../../electron/services/context';
import type { OverdueSummary } from '../../electron/services/alerts/ledgerAsOf';
import { loadCustomerDocs } from '../../electron/services/ledger/docRows';

export function replayedSummary(ctx: ServiceContext, customerId: string, asOf: string): OverdueSummary | undefined {
  const docs = loadCustomerDocs(ctx, customerId);
  const open = replay(docs, asOf).openByDebit;
  const items = docs.filter((d) => (open.get(d.id) ?? 0) > 0 && d.dueOn !== null && d.dueOn < asOf);
  if (items.length === 0) return undefined;
  const dues = items.map((d) => d.dueOn as string).sort();
  return {
    count: items.length,
    totalFen: items.reduce((s, d) => s + (open.get(d.id) as number), 0),
    oldestDueOn: dues[0],
    latestDueOn: dues[dues.length - 1],
    weightThirtieths: items.reduce((s, d) => s + (open.get(d.id) as number) * (30 + diffDays(asOf, d.dueOn as string)), 0),
  };
}
