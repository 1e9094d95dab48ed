/**
 * 今日催收: the customers to call as of D (default today) — everyone with
 * overdue items or a broken promise to pay — ranked by ranking.ts, each with
 * the primary contact, the latest interaction, the promise and the overdue
 * items. The ranking is computed for every such customer from the overdue
 * summaries (customer, due date, open amount only); names, contacts,
 * interactions and the items themselves are read only for the rows returned.
 */
import type { z } from 'zod';
import type { CollectionGroup, CollectionList, CollectionPromise, CollectionRow, collectionTodaySchema } from '../../../shared/api/alerts';
import type { InteractionChannel } from '../../../shared/api/customerEnums';
import { diffDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { latestPromises, promiseStatuses } from '../alerts/interactionsAsOf';
import { LedgerAsOf } from '../alerts/ledgerAsOf';
import { myCustomerIds } from '../alerts/mine';
import { compareCollection, fenFromThirtieths, type Rankable } from './ranking';

const SQL = {
  customers: `SELECT id, code, name FROM customers`,
  contact: `SELECT name, mobile, phone FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, created_at, id LIMIT 1`,
  lastInteraction: `SELECT date, channel, summary FROM interactions WHERE customer_id = ? AND date <= ?
    ORDER BY date DESC, created_at DESC, id DESC LIMIT 1`,
};

interface Ranked extends Rankable {
  customerId: string;
  customerName: string;
  overdueCount: number;
  oldestDays: number;
  promise: CollectionPromise | null;
}

export function collectionToday(ctx: ServiceContext, input: z.output<typeof collectionTodaySchema>): CollectionList {
  const asOf = input.asOf ?? ctx.clock.today();
  const ledger = new LedgerAsOf(ctx, asOf);
  const summaries = ledger.overdueSummaries();

  const promises = promiseStatuses(ctx, latestPromises(ctx, asOf).values(), asOf);

  const names = new Map<string, { code: string; name: string }>();
  for (const c of ctx.db.prepare(SQL.customers).all() as { id: string; code: string; name: string }[]) names.set(c.id, c);

  const candidates = new Set<string>(summaries.keys());
  for (const [customerId, p] of promises) if (p.status === 'broken') candidates.add(customerId);
  if (input.mine) {
    const mine = myCustomerIds(ctx);
    for (const id of candidates) if (!mine.has(id)) candidates.delete(id);
  }

  const ranked: Ranked[] = [];
  let overdueTotal = 0;
  for (const customerId of candidates) {
    const c = names.get(customerId);
    if (!c) continue;
    const s = summaries.get(customerId);
    const promise = promises.get(customerId) ?? null;
    const group: CollectionGroup = promise?.status === 'broken' ? 'broken' : promise?.status === 'pending' ? 'promised' : 'normal';
    overdueTotal += s?.totalFen ?? 0;
    ranked.push({
      group,
      customerId,
      customerCode: c.code,
      customerName: c.name,
      weightedFen: s ? fenFromThirtieths(s.weightThirtieths) : 0,
      overdueFen: s?.totalFen ?? 0,
      overdueCount: s?.count ?? 0,
      oldestDays: s ? diffDays(asOf, s.oldestDueOn) : 0,
      promise,
    });
  }
  ranked.sort(compareCollection);

  const contactStmt = ctx.db.prepare(SQL.contact);
  const interactionStmt = ctx.db.prepare(SQL.lastInteraction);
  // Ranks are positions on the whole list; `show` picks a part of it, offset/limit a page of that part.
  const rankOf = new Map(ranked.map((r, i) => [r.customerId, i + 1]));
  const shown = input.show === 'all' ? ranked : ranked.filter((r) => (input.show === 'overdue' ? r.overdueCount > 0 : r.overdueCount === 0));
  const page = shown.slice(input.offset, input.offset + input.limit);
  const itemsOf = ledger.overdueItemsOf(page.filter((r) => r.overdueCount > 0).map((r) => r.customerId));
  const rows: CollectionRow[] = page.map((r) => {
    const contact = contactStmt.get(r.customerId) as { name: string; mobile: string; phone: string } | undefined;
    const last = interactionStmt.get(r.customerId, asOf) as { date: string; channel: string; summary: string } | undefined;
    const items = itemsOf.get(r.customerId) ?? [];
    return {
      ...r,
      rank: rankOf.get(r.customerId) ?? 0,
      balanceFen: ledger.balanceOf(r.customerId),
      contact: contact ?? null,
      lastInteraction: last ? { date: last.date, channel: last.channel as InteractionChannel, summary: last.summary } : null,
      items: items.map((d) => ({ docId: d.id, docNo: d.docNo, docDate: d.docDate, dueOn: d.dueOn, openFen: d.openFen, days: d.daysOverdue })),
    };
  });
  const overdueCustomers = ranked.filter((r) => r.overdueCount > 0).length;
  return { asOf, total: shown.length, overdueCustomers, brokenPromiseCustomers: ranked.length - overdueCustomers, overdueFen: overdueTotal, rows };
}
