/**
 * aging.openItems: the documents behind one amount of the report — one
 * customer's open debits as of a date, in one bucket or all, and (for the
 * whole customer) the credits behind the unapplied column. One customer has
 * at most a few thousand documents, so this replays them with the shared
 * engine as of the date; the report's SQL shortcut and this replay must
 * agree, which the tests assert.
 */
import type { AgingOpenItem, AgingOpenItems, AgingUnappliedCredit } from '../../../shared/api/aging';
import { DomainError } from '../../../shared/errors';
import { agingOf, type AgingBasis } from '../../../shared/receivables/aging';
import { replay } from '../../../shared/receivables/replay';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';
import { customerRef, requireCustomer } from '../ledger/customerFacts';
import { bucketsFor } from './bucketSettings';

export interface OpenItemsQuery {
  customerId: string;
  asOf: string | null;
  basis: AgingBasis;
  bucket: number | null;
}

function memos(ctx: ServiceContext, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const stmt = ctx.db.prepare(`SELECT memo FROM ar_documents WHERE id = ?`);
  for (const id of ids) out.set(id, (stmt.get(id) as { memo: string } | undefined)?.memo ?? '');
  return out;
}

export function agingOpenItems(ctx: ServiceContext, q: OpenItemsQuery): AgingOpenItems {
  const customer = requireCustomer(ctx, q.customerId);
  const asOf = q.asOf ?? ctx.clock.today();
  const buckets = bucketsFor(ctx, q.basis);
  if (q.bucket !== null && q.bucket >= buckets.length) {
    throw new DomainError('validation', `没有第 ${q.bucket + 1} 个账龄区间`, 'bucket');
  }
  const docs = loadCustomerDocs(ctx, customer.id);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const aging = agingOf(docs, asOf, q.basis, buckets);

  const picked = aging.openItems.filter((i) => q.bucket === null || i.bucket === q.bucket);
  // Credits only for the whole customer: a bucket's amount is debits alone.
  const credits: { id: string; unapplied: number }[] = [];
  if (q.bucket === null) {
    for (const [id, unapplied] of replay(docs, asOf).unappliedByCredit) if (unapplied > 0) credits.push({ id, unapplied });
  }
  const memo = memos(ctx, [...picked.map((i) => i.debitId), ...credits.map((c) => c.id)]);

  const items: AgingOpenItem[] = picked.map((i) => ({
    debitId: i.debitId,
    kind: byId.get(i.debitId)?.kind ?? 'invoice',
    docNo: i.docNo,
    date: i.docDate,
    dueOn: i.dueOn,
    amountFen: byId.get(i.debitId)?.amountFen ?? i.openFen,
    openFen: i.openFen,
    days: i.days,
    bucket: i.bucket,
    memo: memo.get(i.debitId) ?? '',
  }));
  // Oldest first: that is the order a collector works through them.
  items.sort((a, b) => b.days - a.days || (a.docNo < b.docNo ? -1 : a.docNo > b.docNo ? 1 : 0));

  const creditRows: AgingUnappliedCredit[] = credits.map(({ id, unapplied }) => {
    const d = byId.get(id);
    return {
      creditId: id,
      kind: (d?.kind ?? 'receipt') as DocKind,
      docNo: d?.docNo ?? '',
      date: d?.docDate ?? '',
      amountFen: d?.amountFen ?? unapplied,
      unappliedFen: unapplied,
      memo: memo.get(id) ?? '',
    };
  });
  creditRows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.docNo < b.docNo ? -1 : 1));

  return {
    customer: customerRef(customer),
    asOf,
    basis: q.basis,
    buckets,
    bucket: q.bucket,
    items,
    totalFen: items.reduce((s, i) => s + i.openFen, 0),
    credits: creditRows,
    unappliedFen: q.bucket === null ? aging.unappliedFen : 0,
  };
}
