/**
 * The money strip at the top of every tab of a customer card: what the
 * customer owes, how much of it is late and since when, how much of the
 * credit limit is used, the prepayment waiting to be applied, the last
 * receipt and the next promise to pay. Balance and overdue are the ledger's
 * own summary (the same figures as the customer list and 今日催收).
 */
import type { CustomerMoneyHeader } from '../../../shared/api/customers';
import { diffDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { customerSummary } from '../ledger/customerFacts';

export function customerMoneyHeader(ctx: ServiceContext, customerId: string): CustomerMoneyHeader {
  const s = customerSummary(ctx, customerId);
  const today = ctx.clock.today();
  const oldest = ctx.db
    .prepare(`SELECT min(due_on) AS due FROM ar_documents WHERE customer_id = ? AND open_fen > 0 AND due_on < ?`)
    .get(customerId, today) as { due: string | null };
  const lastReceipt = ctx.db
    .prepare(
      `SELECT doc_date AS date, amount_fen AS fen FROM ar_documents
       WHERE customer_id = ? AND kind = 'receipt' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = ar_documents.id)
       ORDER BY doc_date DESC, doc_no DESC LIMIT 1`,
    )
    .get(customerId) as { date: string; fen: number } | undefined;
  // The nearest promise still ahead (today included); a broken one is the alert's business.
  const promise = ctx.db
    .prepare(
      `SELECT promise_date AS date, promise_amount_fen AS fen FROM interactions
       WHERE customer_id = ? AND promise_date IS NOT NULL AND promise_date >= ? ORDER BY promise_date, date DESC LIMIT 1`,
    )
    .get(customerId, today) as { date: string; fen: number } | undefined;
  return {
    balanceFen: s.balanceFen,
    overdueFen: s.overdueFen,
    oldestOverdueDays: oldest.due ? diffDays(today, oldest.due) : null,
    creditLimitFen: s.customer.creditLimitFen,
    unappliedFen: s.unappliedFen,
    lastReceipt: lastReceipt ? { date: lastReceipt.date, amountFen: lastReceipt.fen } : null,
    nextPromise: promise ? { date: promise.date, amountFen: promise.fen } : null,
  };
}
