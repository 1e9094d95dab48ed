/**
 * The receivables as of a date D, as the alert rules and the collection list
 * need them: each customer's overdue items, balance and last invoice date,
 * and the open amount of every live contract invoice.
 *
 * Why this is exact and fast: the stored derived data (open_fen, the
 * customer state) is the replay of ALL of a customer's documents. For a
 * customer with no document dated after D that is the same replay as "as of
 * D" (§4: documents after D do not exist yet, voids after D have not
 * happened — and a void after D is itself a document after D). So the stored
 * figures are used as they are, and only the customers with a document dated
 * after D are replayed as of D. For D = today that is usually nobody (only
 * post-dated entries), so the whole computation is a few indexed queries.
 */
import { diffDays } from '../../../shared/dates/calendar';
import { replay } from '../../../shared/receivables/replay';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';

export interface OpenDebitAsOf {
  id: string;
  customerId: string;
  docNo: string;
  docDate: string;
  dueOn: string;
  openFen: number;
  /** D − due date. */
  daysOverdue: number;
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
  later: `SELECT DISTINCT customer_id FROM ar_documents WHERE doc_date > ?`,
  overdue: `SELECT id, customer_id, doc_no, doc_date, due_on, open_fen FROM ar_documents
    WHERE open_fen > 0 AND due_on < ? ORDER BY customer_id, due_on, doc_date, doc_no`,
  state: `SELECT customer_id, balance_fen, last_invoice_on FROM ar_customer_state`,
  contractInvoices: `SELECT d.id, d.customer_id, d.contract_id, d.installment_id, d.amount_fen, d.open_fen FROM ar_documents d
    WHERE d.contract_id IS NOT NULL AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)`,
  links: `SELECT id, doc_no, doc_date, due_on, kind, contract_id, installment_id, amount_fen FROM ar_documents
    WHERE customer_id = ? AND side = 'debit' AND kind <> 'void'`,
};

interface ReplayedCustomer {
  figures: CustomerFigures;
  overdue: OpenDebitAsOf[];
  contractInvoices: ContractInvoiceAsOf[];
}

/** One customer replayed as of D (only for customers with documents after D). */
function replayCustomer(ctx: ServiceContext, customerId: string, asOf: string): ReplayedCustomer {
  const result = replay(loadCustomerDocs(ctx, customerId), asOf);
  const debits = ctx.db.prepare(SQL.links).all(customerId) as {
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
  overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.docDate < b.docDate ? -1 : a.docDate > b.docDate ? 1 : a.docNo < b.docNo ? -1 : 1));
  return { figures: { balanceFen: result.balanceFen, lastInvoiceOn }, overdue, contractInvoices };
}

export class LedgerAsOf {
  readonly asOf: string;
  private readonly ctx: ServiceContext;
  private readonly replayed = new Map<string, ReplayedCustomer>();
  private figures: Map<string, CustomerFigures> | null = null;
  private overdue: Map<string, OpenDebitAsOf[]> | null = null;
  private invoices: ContractInvoiceAsOf[] | null = null;

  constructor(ctx: ServiceContext, asOf: string) {
    this.ctx = ctx;
    this.asOf = asOf;
    for (const row of ctx.db.prepare(SQL.later).all(asOf) as { customer_id: string }[]) {
      this.replayed.set(row.customer_id, replayCustomer(ctx, row.customer_id, asOf));
    }
  }

  /** Open debits due before D, per customer, oldest due first. */
  overdueByCustomer(): Map<string, OpenDebitAsOf[]> {
    if (this.overdue) return this.overdue;
    const out = new Map<string, OpenDebitAsOf[]>();
    const rows = this.ctx.db.prepare(SQL.overdue).all(this.asOf) as {
      id: string;
      customer_id: string;
      doc_no: string;
      doc_date: string;
      due_on: string;
      open_fen: number;
    }[];
    for (const r of rows) {
      if (this.replayed.has(r.customer_id)) continue;
      let list = out.get(r.customer_id);
      if (!list) out.set(r.customer_id, (list = []));
      list.push({
        id: r.id,
        customerId: r.customer_id,
        docNo: r.doc_no,
        docDate: r.doc_date,
        dueOn: r.due_on,
        openFen: r.open_fen,
        daysOverdue: diffDays(this.asOf, r.due_on),
      });
    }
    for (const [customerId, c] of this.replayed) if (c.overdue.length) out.set(customerId, c.overdue);
    this.overdue = out;
    return out;
  }

  private customerFigures(): Map<string, CustomerFigures> {
    if (this.figures) return this.figures;
    const out = new Map<string, CustomerFigures>();
    for (const r of this.ctx.db.prepare(SQL.state).all() as { customer_id: string; balance_fen: number; last_invoice_on: string | null }[]) {
      out.set(r.customer_id, { balanceFen: r.balance_fen, lastInvoiceOn: r.last_invoice_on });
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

  /** Every invoice posted against a contract, dated ≤ D and not voided as of D, with its open amount as of D. */
  contractInvoices(): ContractInvoiceAsOf[] {
    if (this.invoices) return this.invoices;
    const out: ContractInvoiceAsOf[] = [];
    const rows = this.ctx.db.prepare(SQL.contractInvoices).all() as {
      id: string;
      customer_id: string;
      contract_id: string;
      installment_id: string | null;
      amount_fen: number;
      open_fen: number;
    }[];
    for (const r of rows) {
      if (this.replayed.has(r.customer_id)) continue;
      out.push({ id: r.id, customerId: r.customer_id, contractId: r.contract_id, installmentId: r.installment_id, amountFen: r.amount_fen, openFen: r.open_fen });
    }
    for (const c of this.replayed.values()) out.push(...c.contractInvoices);
    this.invoices = out;
    return out;
  }
}
