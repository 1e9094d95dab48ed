/**
 * 今日催收: the customers to call as of D (default today) — everyone with
 * overdue items or a broken promise to pay — ranked by ranking.ts, each with
 * the primary contact, the latest interaction, the promise and the overdue
 * items. The ranking covers every such customer; contacts and interactions
 * are loaded only for the rows returned.
 */
import type { z } from 'zod';
import type { CollectionGroup, CollectionList, CollectionPromise, CollectionRow, collectionTodaySchema } from '../../../shared/api/alerts';
import type { InteractionChannel } from '../../../shared/api/customerEnums';
import type { ServiceContext } from '../context';
import { latestPromises, promiseStatus } from '../alerts/interactionsAsOf';
import { LedgerAsOf } from '../alerts/ledgerAsOf';
import { compareCollection, weightedOverdueFen } from './ranking';

const SQL = {
  customer: `SELECT id, code, name FROM customers WHERE id = ?`,
  contact: `SELECT name, mobile, phone FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, created_at, id LIMIT 1`,
  lastInteraction: `SELECT date, channel, summary FROM interactions WHERE customer_id = ? AND date <= ?
    ORDER BY date DESC, created_at DESC, id DESC LIMIT 1`,
};

type Ranked = Omit<CollectionRow, 'rank' | 'contact' | 'lastInteraction'>;

export function collectionToday(ctx: ServiceContext, input: z.output<typeof collectionTodaySchema>): CollectionList {
  const asOf = input.asOf ?? ctx.clock.today();
  const ledger = new LedgerAsOf(ctx, asOf);
  const overdue = ledger.overdueByCustomer();

  const promises = new Map<string, CollectionPromise>();
  for (const p of latestPromises(ctx, asOf).values()) {
    const state = promiseStatus(ctx, p, asOf);
    if (state) promises.set(p.customerId, state);
  }

  const candidates = new Set<string>(overdue.keys());
  for (const [customerId, p] of promises) if (p.status === 'broken') candidates.add(customerId);

  const customerStmt = ctx.db.prepare(SQL.customer);
  const ranked: Ranked[] = [];
  let overdueTotal = 0;
  for (const customerId of candidates) {
    const c = customerStmt.get(customerId) as { id: string; code: string; name: string } | undefined;
    if (!c) continue;
    const items = (overdue.get(customerId) ?? []).map((d) => ({
      docId: d.id,
      docNo: d.docNo,
      docDate: d.docDate,
      dueOn: d.dueOn,
      openFen: d.openFen,
      days: d.daysOverdue,
    }));
    const overdueFen = items.reduce((sum, i) => sum + i.openFen, 0);
    overdueTotal += overdueFen;
    const promise = promises.get(customerId) ?? null;
    const group: CollectionGroup = promise?.status === 'broken' ? 'broken' : promise?.status === 'pending' ? 'promised' : 'normal';
    ranked.push({
      group,
      customerId,
      customerCode: c.code,
      customerName: c.name,
      weightedFen: weightedOverdueFen(items),
      overdueFen,
      overdueCount: items.length,
      oldestDays: items.reduce((max, i) => Math.max(max, i.days), 0),
      balanceFen: ledger.balanceOf(customerId),
      promise,
      items,
    });
  }
  ranked.sort(compareCollection);

  const contactStmt = ctx.db.prepare(SQL.contact);
  const interactionStmt = ctx.db.prepare(SQL.lastInteraction);
  const rows: CollectionRow[] = ranked.slice(0, input.limit).map((r, i) => {
    const contact = contactStmt.get(r.customerId) as { name: string; mobile: string; phone: string } | undefined;
    const last = interactionStmt.get(r.customerId, asOf) as { date: string; channel: string; summary: string } | undefined;
    return {
      ...r,
      rank: i + 1,
      contact: contact ?? null,
      lastInteraction: last ? { date: last.date, channel: last.channel as InteractionChannel, summary: last.summary } : null,
    };
  });
  return { asOf, total: ranked.length, overdueFen: overdueTotal, rows };
}
