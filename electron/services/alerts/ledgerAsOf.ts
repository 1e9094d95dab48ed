/**
 * The receivables as of a date D, as the alert rules and the collection list
 * need them: each customer's overdue summary and items, balance and last
 * invoice date, and what is settled or open on contract invoices.
 *
 * Why this is exact and fast: the stored derived data (open_fen, the
 * customer state) is the replay of ALL documents. When nothing is dated
 * after D (the usual "as of today") that is the state as of D (§4), so the
 * stored figures are read as they are; the overdue summary needs only
 * (customer, due date, open amount), which the open-items index answers
 * without touching the table. When some documents are dated after D, the
 * aging service's readers give the past state — balances as of D and open
 * debits from the open spans alive at D (aging/spansAsOf.ts) — and only the customers
 * with a crossing void (an original dated ≤ D voided after D) are replayed
 * as of D by the shared engine (aging/crossingVoids.ts finds them).
 */
import { diffDays, toDayNumber } from '../../../shared/dates/calendar';
import { replay } from '../../../shared/receivables/replay';
import { customersWithCrossingVoids } from '../aging/crossingVoids';
import { latestDocDate } from '../aging/openAmounts';
import { balancesFromSpans, overdueFromSpans } from '../aging/spansAsOf';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';
import { lastInvoicesAsOf } from './pastFigures';

export interface OpenDebitAsOf {
  id: string;
  customerId: string;
  docNo: string;
  docDate: string;
  dueOn: string;
  openFen: number;
  /** D − due date (≥ 1 for an overdue item). */
  daysOverdue: number;
}

export interface OverdueSummary {
  count: number;
  totalFen: number;
  /** Due date of the oldest overdue item (its days overdue are D − this). */
  oldestDueOn: string;
  latestDueOn: string;
  /** Σ open × (30 + days overdue): the collection ranking's weight in thirtieths of a fen. */
  weightThirtieths: number;
}

export interface ContractInvoiceAsOf {
  id: string;
  customerId: string;
  contractId: string;
  installmentId: string | null;
  amountFen: number;
  openFen: number;
}

interface CustomerFigures {
  balanceFen: number;
  lastInvoiceOn: string | null;
}

const SQL = {
  // Grouped per customer in the index's own order (no temporary B-tree): one row per customer instead of one per
  // overdue item. unixepoch(due_on) / 86400 is the due date's day number (toDayNumber: days since 1970-01-01),
  // so the weight Σ open × (30 + D − due) is summed in exact 64-bit integers.
  overdueByCustomer: `SELECT customer_id, count(*), sum(open_fen), min(due_on), max(due_on),
      sum(open_fen * (30 + @asOfDay - unixepoch(due_on) / 86400))
    FROM ar_documents INDEXED BY ar_documents_open WHERE open_fen > 0 AND due_on < @asOf GROUP BY customer_id`,
  overdueItems: `SELECT id, doc_no, doc_date, due_on, open_fen FROM ar_documents
    WHERE customer_id = ? AND open_fen > 0 AND due_on < ? ORDER BY due_on, doc_date, doc_no`,
  // The same for a page of customers in one statement: one execution instead of one per row (under a salesperson's
  // scope each execution also lists the scope's customers again: db/scope.ts).
  overdueItemsOf: `SELECT customer_id, id, doc_no, doc_date, due_on, open_fen FROM ar_documents
    WHERE customer_id IN (SELECT value FROM json_each(?)) AND open_fen > 0 AND due_on < ? ORDER BY customer_id, due_on, doc_date, doc_no`,
  state: `SELECT customer_id, balance_fen, last_invoice_on FROM ar_customer_state`,
  debits: `SELECT id, doc_no, doc_date, due_on, kind, contract_id, installment_id, amount_fen FROM ar_documents
    WHERE customer_id = ? AND side = 'debit' AND kind <> 'void'`,
};

interface ReplayedCustomer {
  figures: CustomerFigures;
  overdue: OpenDebitAsOf[];
  contractInvoices: ContractInvoiceAsOf[];
}

const byDue = (a: OpenDebitAsOf, b: OpenDebitAsOf): number =>
  a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.docDate !== b.docDate ? (a.docDate < b.docDate ? -1 : 1) : a.docNo < b.docNo ? -1 : 1;

/** One customer replayed as of D (only for customers with documents after D). */
function replayCustomer(ctx: ServiceContext, customerId: string, asOf: string): ReplayedCustomer {
  const result = replay(loadCustomerDocs(ctx, customerId), asOf);
  const debits = ctx.db.prepare(SQL.debits).all(customerId) as {
    id: string;
    doc_no: string;
    doc_date: string;
    due_on: string;
    kind: string;
    contract_id: string | null;
    installment_id: string | null;
    amount_fen: number;
  }[];
  const overdue: OpenDebitAsOf[] = [];
  const contractInvoices: ContractInvoiceAsOf[] = [];
  let lastInvoiceOn: string | null = null;
  for (const d of debits) {
    // openByDebit holds exactly the debits that exist and are not voided as of D.
    const open = result.openByDebit.get(d.id);
    if (open === undefined) continue;
    if (d.kind === 'invoice' && (lastInvoiceOn === null || d.doc_date > lastInvoiceOn)) lastInvoiceOn = d.doc_date;
    if (open > 0 && d.due_on < asOf) {
      overdue.push({ id: d.id, customerId, docNo: d.doc_no, docDate: d.doc_date, dueOn: d.due_on, openFen: open, daysOverdue: diffDays(asOf, d.due_on) });
    }
    if (d.kind === 'invoice' && d.contract_id !== null) {
      contractInvoices.push({ id: d.id, customerId, contractId: d.contract_id, installmentId: d.installment_id, amountFen: d.amount_fen, openFen: open });
    }
  }
  overdue.sort(byDue);
  return { figures: { balanceFen: result.balanceFen, lastInvoiceOn }, overdue, contractInvoices };
}

function addToSummary(map: Map<string, OverdueSummary>, customerId: string, dueOn: string, openFen: number, days: number): void {
  const s = map.get(customerId);
  if (s === undefined) {
    map.set(customerId, { count: 1, totalFen: openFen, oldestDueOn: dueOn, latestDueOn: dueOn, weightThirtieths: openFen * (30 + days) });
    return;
  }
  s.count++;
  s.totalFen += openFen;
  if (dueOn < s.oldestDueOn) s.oldestDueOn = dueOn;
  if (dueOn > s.latestDueOn) s.latestDueOn = dueOn;
  s.weightThirtieths += openFen * (30 + days);
}

interface OverdueItemRow {
  customer_id: string;
  id: string;
  doc_no: string;
  doc_date: string;
  due_on: string;
  open_fen: number;
}

export class LedgerAsOf {
  readonly asOf: string;
  /** Some document is dated after D: stored figures are not the state as of D. */
  readonly past: boolean;
  private readonly ctx: ServiceContext;
  /** Customers with a crossing void, replayed as of D. */
  private readonly replayed = new Map<string, ReplayedCustomer>();
  /** Replays made only to list one customer's items on a past date. */
  private readonly itemReplays = new Map<string, ReplayedCustomer>();
  private figures: Map<string, CustomerFigures> | null = null;
  private summaries: Map<string, OverdueSummary> | null = null;

  constructor(ctx: ServiceContext, asOf: string) {
    this.ctx = ctx;
    this.asOf = asOf;
    const latest = latestDocDate(ctx);
    this.past = latest !== null && latest > asOf;
    if (this.past) {
      for (const customerId of customersWithCrossingVoids(ctx, asOf)) this.replayed.set(customerId, replayCustomer(ctx, customerId, asOf));
    }
  }

  /** The customer's figures come from a replay as of D (a crossing void) rather than from SQL. */
  isReplayed(customerId: string): boolean {
    return this.replayed.has(customerId);
  }

  /** Per customer with something overdue on D: count, total, oldest and latest due date, ranking weight. */
  overdueSummaries(): Map<string, OverdueSummary> {
    if (this.summaries) return this.summaries;
    const out = new Map<string, OverdueSummary>();
    const asOfDay = toDayNumber(this.asOf);
    if (!this.past) {
      const rows = this.ctx.db.prepare(SQL.overdueByCustomer).raw(true).all({ asOf: this.asOf, asOfDay }) as [string, number, number, string, string, number][];
      for (const [customerId, count, totalFen, oldestDueOn, latestDueOn, weightThirtieths] of rows) {
        out.set(customerId, { count, totalFen, oldestDueOn, latestDueOn, weightThirtieths });
      }
    } else {
      // The debits open as of D (their spans alive then); replayed customers come from their replay below.
      for (const d of overdueFromSpans(this.ctx, this.asOf)) {
        if (!this.replayed.has(d.customerId)) addToSummary(out, d.customerId, d.dueOn, d.openFen, asOfDay - toDayNumber(d.dueOn));
      }
    }
    for (const [customerId, c] of this.replayed) {
      for (const item of c.overdue) addToSummary(out, customerId, item.dueOn, item.openFen, item.daysOverdue);
    }
    this.summaries = out;
    return out;
  }

  /** One customer's overdue items on D, oldest due first. */
  overdueItems(customerId: string): OpenDebitAsOf[] {
    const replayed = this.replayed.get(customerId);
    if (replayed) return replayed.overdue;
    if (this.past) {
      // Past dates list items only for the rows on screen: replaying those few customers is simplest and exact.
      let r = this.itemReplays.get(customerId);
      if (!r) this.itemReplays.set(customerId, (r = replayCustomer(this.ctx, customerId, this.asOf)));
      return r.overdue;
    }
    const rows = this.ctx.db.prepare(SQL.overdueItems).all(customerId, this.asOf) as Omit<OverdueItemRow, 'customer_id'>[];
    return rows.map((r) => this.item(customerId, r));
  }

  /** overdueItems for each of several customers (a page of the collection list), read together where SQL serves. */
  overdueItemsOf(customerIds: readonly string[]): Map<string, OpenDebitAsOf[]> {
    // A past date replays each customer listed (nothing is replayed as of today, when no document is dated later).
    if (this.past) return new Map(customerIds.map((id) => [id, this.overdueItems(id)]));
    const out = new Map<string, OpenDebitAsOf[]>(customerIds.map((id) => [id, []]));
    if (customerIds.length === 0) return out;
    const rows = this.ctx.db.prepare(SQL.overdueItemsOf).all(JSON.stringify(customerIds), this.asOf) as OverdueItemRow[];
    for (const r of rows) out.get(r.customer_id)!.push(this.item(r.customer_id, r));
    return out;
  }

  private item(customerId: string, r: Omit<OverdueItemRow, 'customer_id'>): OpenDebitAsOf {
    return { id: r.id, customerId, docNo: r.doc_no, docDate: r.doc_date, dueOn: r.due_on, openFen: r.open_fen, daysOverdue: diffDays(this.asOf, r.due_on) };
  }

  private customerFigures(): Map<string, CustomerFigures> {
    if (this.figures) return this.figures;
    const out = new Map<string, CustomerFigures>();
    const balances = this.past ? balancesFromSpans(this.ctx, this.asOf) : null;
    const states = this.ctx.db.prepare(SQL.state).all() as { customer_id: string; balance_fen: number; last_invoice_on: string | null }[];
    // The stored last invoice is the answer unless it is after D (then: the latest one on or before D, read in one statement).
    const later = this.past ? states.filter((r) => r.last_invoice_on !== null && r.last_invoice_on > this.asOf).map((r) => r.customer_id) : [];
    const lastThen = later.length > 0 ? lastInvoicesAsOf(this.ctx, later, this.asOf) : new Map<string, string | null>();
    for (const r of states) {
      const lastInvoiceOn = lastThen.has(r.customer_id) ? (lastThen.get(r.customer_id) ?? null) : r.last_invoice_on;
      out.set(r.customer_id, { balanceFen: balances ? (balances.get(r.customer_id) ?? 0) : r.balance_fen, lastInvoiceOn });
    }
    for (const [customerId, c] of this.replayed) out.set(customerId, c.figures);
    this.figures = out;
    return out;
  }

  /** Debits − credits of everything dated ≤ D (0 without documents). */
  balanceOf(customerId: string): number {
    return this.customerFigures().get(customerId)?.balanceFen ?? 0;
  }

  /** Date of the latest invoice dated ≤ D that is not voided as of D. */
  lastInvoiceOn(customerId: string): string | null {
    return this.customerFigures().get(customerId)?.lastInvoiceOn ?? null;
  }

  /**
   * Contract invoices of the replayed customers only (dated ≤ D, not voided
   * as of D, open as of D); the other customers' come from SQL in the
   * contract rules.
   */
  replayedContractInvoices(): ContractInvoiceAsOf[] {
    const out: ContractInvoiceAsOf[] = [];
    for (const c of this.replayed.values()) out.push(...c.contractInvoices);
    return out;
  }
}
