/**
 * The raw figures of a period per customer, read with a few set-based
 * queries (never one query per customer), as of the period's end D:
 *
 * - money: invoices, credit notes and receipts dated in the period (and the
 *   invoices/credit notes of the previous period of the same length, and the
 *   invoices of the 90 days to D for DSO), all without the documents voided
 *   by a void dated ≤ D; the opening balance = the stored balance minus
 *   everything dated from `from` on (voids included, as in §4).
 *   One covered range scan per customer over ar_documents_customer_replay.
 * - the voided originals are few: they are read through the voids index and
 *   subtracted, instead of testing every document for a void.
 * - allocations (days to pay): receipts allocated to invoices with
 *   allocated_on in the period. The stored allocations are the full replay;
 *   as of D they are its prefix (aging/pastAmounts.ts), except for customers
 *   with an original dated ≤ D voided after D, which are replayed as of D.
 * - overdue and balance as of D: the alerts' LedgerAsOf.
 * - broken promises, visits and satisfaction, after-sales cases.
 */
import { addDays, diffDays } from '../../../shared/dates/calendar';
import { replay } from '../../../shared/receivables/replay';
import { customersWithCrossingVoids } from '../aging/crossingVoids';
import { LedgerAsOf } from '../alerts/ledgerAsOf';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';
import type { Period } from './period';

export interface MoneyFigures {
  invoicedFen: number;
  orderCount: number;
  creditedFen: number;
  collectedFen: number;
  previousInvoicedFen: number;
  previousCreditedFen: number;
  /** Invoices of the 90 days ending at D (DSO). */
  invoiced90Fen: number;
  openingFen: number;
}

export interface VisitFigures {
  T: number;
  E: number;
  M: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

export interface CaseFigures {
  received: number;
  open: number;
}

export interface PaidFigures {
  paidFen: number;
  /** Σ amount × days from invoice date to allocation date. */
  amountDays: number;
}

export interface OverdueFigures {
  balanceFen: number;
  overdueFen: number;
  oldestDueOn: string | null;
}

const zeroMoney = (): MoneyFigures => ({
  invoicedFen: 0,
  orderCount: 0,
  creditedFen: 0,
  collectedFen: 0,
  previousInvoicedFen: 0,
  previousCreditedFen: 0,
  invoiced90Fen: 0,
  openingFen: 0,
});

/** `only` narrows every query to one customer (the card); otherwise all customers. */
export class PeriodFigures {
  readonly period: Period;
  private readonly ctx: ServiceContext;
  private readonly only: string | null;
  private ledgerAsOf: LedgerAsOf | null = null;
  private crossing: Set<string> | null = null;

  /** The previous period's sales are needed (growth); the salesperson table does without and scans half as much. */
  private readonly withPrevious: boolean;

  constructor(ctx: ServiceContext, period: Period, only: string | null = null, withPrevious = true) {
    this.ctx = ctx;
    this.period = period;
    this.only = only;
    this.withPrevious = withPrevious;
  }

  private get scanFrom(): string {
    const d90 = addDays(this.period.to, -89);
    const start = this.withPrevious ? this.period.previousFrom : this.period.from;
    return d90 < start ? d90 : start;
  }

  private customerFilter(column: string): string {
    return this.only === null ? '' : ` AND ${column} = @only`;
  }

  private params(): Record<string, string | null> {
    const p = this.period;
    return { from: p.from, to: p.to, prevFrom: p.previousFrom, scanFrom: this.scanFrom, from90: addDays(p.to, -89), ...(this.only ? { only: this.only } : {}) };
  }

  money(): Map<string, MoneyFigures> {
    // Three narrow covered range scans instead of one wide one with many CASEs: each row is read by
    // the query that needs it and carries at most a few cheap expressions (the CASE count per row was the cost).
    const join = (range: string) => `FROM ar_customer_state s
      JOIN ar_documents d INDEXED BY ar_documents_customer_replay ON d.customer_id = s.customer_id AND ${range}
      WHERE 1 = 1${this.customerFilter('s.customer_id')} GROUP BY s.customer_id`;
    const SQL = {
      balances: `SELECT s.customer_id AS id, s.balance_fen AS balance FROM ar_customer_state s WHERE 1 = 1${this.customerFilter('s.customer_id')}`,
      /** Dated after D (none when D is today): with the period's own net, what the opening balance takes off. */
      afterTo: `SELECT s.customer_id AS id, sum(CASE WHEN d.side = 'debit' THEN d.amount_fen ELSE -d.amount_fen END) AS n ${join('d.doc_date > @to')}`,
      period: `SELECT s.customer_id AS id,
          sum(CASE d.kind WHEN 'invoice' THEN d.amount_fen ELSE 0 END) AS invoiced,
          sum(d.kind = 'invoice') AS invoices,
          sum(CASE d.kind WHEN 'credit_note' THEN d.amount_fen ELSE 0 END) AS credited,
          sum(CASE d.kind WHEN 'receipt' THEN d.amount_fen ELSE 0 END) AS received,
          sum(CASE WHEN d.kind = 'invoice' AND d.doc_date >= @from90 THEN d.amount_fen ELSE 0 END) AS invoiced90,
          sum(CASE WHEN d.side = 'debit' THEN d.amount_fen ELSE -d.amount_fen END) AS net
        ${join('d.doc_date BETWEEN @from AND @to')}`,
      previous: `SELECT s.customer_id AS id,
          sum(CASE d.kind WHEN 'invoice' THEN d.amount_fen ELSE 0 END) AS invoiced,
          sum(CASE d.kind WHEN 'credit_note' THEN d.amount_fen ELSE 0 END) AS credited
        ${join('d.doc_date >= @prevFrom AND d.doc_date < @from')}`,
      /** Only when the period is shorter than 90 days: invoices of the 90 days to D before the period. */
      before90: `SELECT s.customer_id AS id, sum(CASE d.kind WHEN 'invoice' THEN d.amount_fen ELSE 0 END) AS invoiced
        ${join('d.doc_date >= @from90 AND d.doc_date < @from')}`,
    };
    const params = this.params();
    const out = new Map<string, MoneyFigures>();
    for (const r of this.ctx.db.prepare(SQL.balances).all(params) as { id: string; balance: number }[]) {
      out.set(r.id, { ...zeroMoney(), openingFen: r.balance });
    }
    for (const r of this.ctx.db.prepare(SQL.afterTo).all(params) as { id: string; n: number }[]) {
      const m = out.get(r.id);
      if (m) m.openingFen -= r.n;
    }
    type PeriodRow = { id: string; invoiced: number; invoices: number; credited: number; received: number; invoiced90: number; net: number };
    for (const r of this.ctx.db.prepare(SQL.period).all(params) as PeriodRow[]) {
      const m = out.get(r.id);
      if (!m) continue;
      m.invoicedFen = r.invoiced;
      m.orderCount = r.invoices;
      m.creditedFen = r.credited;
      m.collectedFen = r.received;
      m.invoiced90Fen = r.invoiced90;
      // Everything dated from `from` on comes off the stored balance: the period's part is read here, not scanned twice.
      m.openingFen -= r.net;
    }
    if (this.withPrevious) {
      for (const r of this.ctx.db.prepare(SQL.previous).all(params) as { id: string; invoiced: number; credited: number }[]) {
        const m = out.get(r.id);
        if (!m) continue;
        m.previousInvoicedFen = r.invoiced;
        m.previousCreditedFen = r.credited;
      }
    }
    if (params.from90 !== null && (params.from90 as string) < this.period.from) {
      for (const r of this.ctx.db.prepare(SQL.before90).all(params) as { id: string; invoiced: number }[]) {
        const m = out.get(r.id);
        if (m) m.invoiced90Fen += r.invoiced;
      }
    }
    // Originals voided on or before D never happened as of D: take them out of the period sums.
    const voided = `SELECT o.customer_id AS id, o.kind, o.doc_date AS date, o.amount_fen AS amount
      FROM ar_documents v INDEXED BY ar_documents_voids JOIN ar_documents o ON o.id = v.voids_id
      WHERE v.kind = 'void' AND v.doc_date <= @to AND v.original_date >= @scanFrom AND o.kind IN ('invoice', 'credit_note', 'receipt')
        AND NOT EXISTS (SELECT 1 FROM ar_documents n WHERE n.voids_id = v.id)${this.customerFilter('v.customer_id')}`;
    const p = this.period;
    const from90 = addDays(p.to, -89);
    for (const v of this.ctx.db.prepare(voided).all(this.params()) as { id: string; kind: string; date: string; amount: number }[]) {
      const m = out.get(v.id);
      if (!m) continue;
      const inP = v.date >= p.from && v.date <= p.to;
      const inPrev = v.date >= p.previousFrom && v.date < p.from;
      if (v.kind === 'invoice') {
        if (inP) {
          m.invoicedFen -= v.amount;
          m.orderCount -= 1;
        }
        if (inPrev) m.previousInvoicedFen -= v.amount;
        if (v.date >= from90 && v.date <= p.to) m.invoiced90Fen -= v.amount;
      } else if (v.kind === 'credit_note') {
        if (inP) m.creditedFen -= v.amount;
        if (inPrev) m.previousCreditedFen -= v.amount;
      } else if (inP) {
        m.collectedFen -= v.amount;
      }
    }
    return out;
  }

  private crossingCustomers(): Set<string> {
    if (!this.crossing) {
      const all = customersWithCrossingVoids(this.ctx, this.period.to);
      this.crossing = new Set(this.only === null ? all : all.filter((id) => id === this.only));
    }
    return this.crossing;
  }

  /** Receipts allocated to invoices with allocated_on in the period, as of D. */
  paid(): Map<string, PaidFigures> {
    // One covered range scan of the allocations per customer (CROSS JOIN keeps that order), then one probe
    // per allocation into each of two narrow indexes (0011_evaluation_b) instead of two wide document rows: the debit
    // in the invoices' (id, kind, doc_date), the credit in the small index of non-receipt credits. An
    // allocation's credit is always a credit-side document, so "not a non-receipt credit" is "a receipt".
    // Grouped by the driving table's key, the rows arrive in group order: no temp B-tree sorting every allocation.
    const sql = `SELECT s.customer_id AS id, sum(a.amount_fen) AS paid,
        sum(a.amount_fen * (julianday(a.allocated_on) - julianday(dbt.doc_date))) AS amountDays
      FROM ar_customer_state s
      CROSS JOIN ar_allocations a INDEXED BY ar_allocations_customer ON a.customer_id = s.customer_id AND a.allocated_on BETWEEN @from AND @to
      CROSS JOIN ar_documents dbt INDEXED BY ar_documents_invoice_dates ON dbt.id = a.debit_id AND dbt.kind = 'invoice'
      WHERE NOT EXISTS (SELECT 1 FROM ar_documents o INDEXED BY ar_documents_non_receipt_credits
          WHERE o.id = a.credit_id AND o.side = 'credit' AND o.kind <> 'receipt')${this.customerFilter('s.customer_id')}
      GROUP BY s.customer_id`;
    const out = new Map<string, PaidFigures>();
    for (const r of this.ctx.db.prepare(sql).all(this.params()) as { id: string; paid: number; amountDays: number }[]) {
      out.set(r.id, { paidFen: r.paid, amountDays: Math.round(r.amountDays) });
    }
    const { from, to } = this.period;
    for (const customerId of this.crossingCustomers()) {
      const docs = loadCustomerDocs(this.ctx, customerId);
      const byId = new Map(docs.map((d) => [d.id, d]));
      let paidFen = 0;
      let amountDays = 0;
      for (const a of replay(docs, to).allocations) {
        if (a.allocatedOn < from || a.allocatedOn > to) continue;
        const credit = byId.get(a.creditId);
        const debit = byId.get(a.debitId);
        if (credit?.kind !== 'receipt' || debit?.kind !== 'invoice') continue;
        paidFen += a.amountFen;
        amountDays += a.amountFen * diffDays(a.allocatedOn, debit.docDate);
      }
      if (paidFen > 0) out.set(customerId, { paidFen, amountDays });
      else out.delete(customerId);
    }
    return out;
  }

  private ledger(): LedgerAsOf {
    this.ledgerAsOf ??= new LedgerAsOf(this.ctx, this.period.to);
    return this.ledgerAsOf;
  }

  /** Balance, overdue total and the oldest overdue due date as of D. */
  overdue(customerIds: readonly string[]): Map<string, OverdueFigures> {
    const ledger = this.ledger();
    const out = new Map<string, OverdueFigures>();
    if (this.only !== null) {
      const items = ledger.overdueItems(this.only);
      out.set(this.only, {
        balanceFen: ledger.balanceOf(this.only),
        overdueFen: items.reduce((s, i) => s + i.openFen, 0),
        oldestDueOn: items.length > 0 ? items[0].dueOn : null,
      });
      return out;
    }
    const summaries = ledger.overdueSummaries();
    for (const id of customerIds) {
      const s = summaries.get(id);
      out.set(id, { balanceFen: ledger.balanceOf(id), overdueFen: s?.totalFen ?? 0, oldestDueOn: s?.oldestDueOn ?? null });
    }
    return out;
  }

  /**
   * Promises to pay whose promised date fell in the period and had passed by
   * D (promised date < D), where the receipts dated from the day the promise
   * was made to the promised date (not voided as of D) fell short — every
   * such promise counts, superseded or not.
   */
  brokenPromises(): Map<string, number> {
    const sql = `SELECT i.customer_id AS id, count(*) AS n FROM interactions i
      WHERE i.promise_date IS NOT NULL AND i.promise_date >= @from AND i.promise_date < @to AND i.date <= @to${this.customerFilter('i.customer_id')}
        AND i.promise_amount_fen > (SELECT coalesce(sum(d.amount_fen), 0) FROM ar_documents d INDEXED BY ar_documents_customer_replay
          WHERE d.customer_id = i.customer_id AND d.doc_date BETWEEN i.date AND i.promise_date AND d.kind = 'receipt'
            AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id AND v.doc_date <= @to))
      GROUP BY i.customer_id`;
    return new Map((this.ctx.db.prepare(sql).all(this.params()) as { id: string; n: number }[]).map((r) => [r.id, r.n]));
  }

  /** T/E/M interactions dated in the period, and the satisfaction ratings among all interactions of the period. */
  visits(): Map<string, VisitFigures> {
    const sql = `SELECT i.customer_id AS id, i.channel, count(*) AS n, coalesce(sum(i.satisfaction), 0) AS ratingSum, count(i.satisfaction) AS ratings
      FROM interactions i WHERE i.date BETWEEN @from AND @to${this.customerFilter('i.customer_id')}
      GROUP BY i.customer_id, i.channel`;
    const out = new Map<string, VisitFigures>();
    for (const r of this.ctx.db.prepare(sql).all(this.params()) as { id: string; channel: string; n: number; ratingSum: number; ratings: number }[]) {
      let v = out.get(r.id);
      if (!v) out.set(r.id, (v = { T: 0, E: 0, M: 0, satisfactionSum: 0, satisfactionCount: 0 }));
      if (r.channel === 'T' || r.channel === 'E' || r.channel === 'M') v[r.channel] += r.n;
      v.satisfactionSum += r.ratingSum;
      v.satisfactionCount += r.ratings;
    }
    return out;
  }

  /** Cases received in the period; cases received by D and not resolved (or closed) by D. */
  cases(): Map<string, CaseFigures> {
    const sql = `SELECT c.customer_id AS id,
        sum(CASE WHEN c.received_on BETWEEN @from AND @to THEN 1 ELSE 0 END) AS received,
        sum(CASE WHEN coalesce(c.resolved_on, c.closed_on) IS NULL OR coalesce(c.resolved_on, c.closed_on) > @to THEN 1 ELSE 0 END) AS open
      FROM after_sales_cases c WHERE c.received_on <= @to${this.customerFilter('c.customer_id')}
      GROUP BY c.customer_id`;
    return new Map(
      (this.ctx.db.prepare(sql).all(this.params()) as { id: string; received: number; open: number }[]).map((r) => [r.id, { received: r.received, open: r.open }]),
    );
  }
}

export const emptyMoney = zeroMoney;
