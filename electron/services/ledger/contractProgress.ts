/**
 * Contract progress from the ledger (issue 5 point 5): contract amount,
 * invoiced (live invoices posted against it), received (receipts and
 * prepayment openings allocated to those invoices), credited (credit notes
 * and write-offs allocated to them), outstanding (what is still open on them
 * = invoiced − received − credited), and each installment against what was
 * invoiced for it. Current state (every posted document).
 */
import type { ContractProgress } from '../../../shared/api/ledger';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { customerRef } from './customerFacts';

interface InvoiceRow {
  id: string;
  doc_no: string;
  doc_date: string;
  due_on: string | null;
  amount_fen: number;
  open_fen: number | null;
  installment_id: string | null;
}

const INVOICES_SQL = `SELECT d.id, d.doc_no, d.doc_date, d.due_on, d.amount_fen, d.open_fen, d.installment_id
  FROM ar_documents d
  WHERE d.contract_id = ? AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)
  ORDER BY d.doc_date, d.doc_no`;

/** Allocated to the contract's live invoices, split by what kind of credit paid. */
const PAID_SQL = `SELECT a.debit_id, c.kind AS credit_kind, sum(a.amount_fen) AS fen
  FROM ar_allocations a JOIN ar_documents c ON c.id = a.credit_id
  WHERE a.debit_id IN (SELECT d.id FROM ar_documents d WHERE d.contract_id = ? AND d.kind = 'invoice')
  GROUP BY a.debit_id, c.kind`;

/** Money actually received: receipts, and prepayments carried in as negative openings. */
const isMoney = (creditKind: string): boolean => creditKind === 'receipt' || creditKind === 'opening';

export function contractProgress(ctx: ServiceContext, contractId: string): ContractProgress {
  const contract = ctx.db
    .prepare(
      `SELECT k.id, k.contract_no, k.amount_fen, c.id AS customer_id, c.code, c.name
       FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?`,
    )
    .get(contractId) as { id: string; contract_no: string; amount_fen: number; customer_id: string; code: string; name: string } | undefined;
  if (!contract) throw new DomainError('not_found', '找不到该合同', 'contractId');

  const invoices = ctx.db.prepare(INVOICES_SQL).all(contractId) as InvoiceRow[];
  const live = new Set(invoices.map((i) => i.id));
  const received = new Map<string, number>();
  const credited = new Map<string, number>();
  for (const p of ctx.db.prepare(PAID_SQL).all(contractId) as { debit_id: string; credit_kind: string; fen: number }[]) {
    if (!live.has(p.debit_id)) continue; // a voided invoice has no allocations left anyway
    const into = isMoney(p.credit_kind) ? received : credited;
    into.set(p.debit_id, (into.get(p.debit_id) ?? 0) + p.fen);
  }

  let invoicedFen = 0;
  let receivedFen = 0;
  let creditedFen = 0;
  let outstandingFen = 0;
  const perInstallment = new Map<string, { invoiced: number; received: number; outstanding: number }>();
  for (const inv of invoices) {
    const r = received.get(inv.id) ?? 0;
    const open = inv.open_fen ?? 0;
    invoicedFen += inv.amount_fen;
    receivedFen += r;
    creditedFen += credited.get(inv.id) ?? 0;
    outstandingFen += open;
    if (inv.installment_id !== null) {
      const s = perInstallment.get(inv.installment_id) ?? { invoiced: 0, received: 0, outstanding: 0 };
      s.invoiced += inv.amount_fen;
      s.received += r;
      s.outstanding += open;
      perInstallment.set(inv.installment_id, s);
    }
  }

  const installments = (
    ctx.db
      .prepare(`SELECT id, seq, label, due_on, amount_fen FROM contract_installments WHERE contract_id = ? ORDER BY seq`)
      .all(contractId) as { id: string; seq: number; label: string; due_on: string | null; amount_fen: number }[]
  ).map((i) => {
    const s = perInstallment.get(i.id) ?? { invoiced: 0, received: 0, outstanding: 0 };
    return {
      id: i.id,
      seq: i.seq,
      label: i.label,
      dueOn: i.due_on,
      amountFen: i.amount_fen,
      invoicedFen: s.invoiced,
      receivedFen: s.received,
      outstandingFen: s.outstanding,
    };
  });

  return {
    contractId: contract.id,
    contractNo: contract.contract_no,
    customer: customerRef({ id: contract.customer_id, code: contract.code, name: contract.name }),
    amountFen: contract.amount_fen,
    invoicedFen,
    receivedFen,
    creditedFen,
    outstandingFen,
    notInvoicedFen: Math.max(0, contract.amount_fen - invoicedFen),
    installments,
    invoices: invoices.map((i) => ({
      id: i.id,
      docNo: i.doc_no,
      date: i.doc_date,
      dueOn: i.due_on,
      amountFen: i.amount_fen,
      openFen: i.open_fen ?? 0,
      installmentId: i.installment_id,
    })),
  };
}

/** The contract's amount not yet covered by live invoices (for the activation credit check). */
export function contractNotInvoicedFen(ctx: ServiceContext, contractId: string, amountFen: number): number {
  const row = ctx.db
    .prepare(
      `SELECT coalesce(sum(d.amount_fen), 0) AS n FROM ar_documents d
       WHERE d.contract_id = ? AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)`,
    )
    .get(contractId) as { n: number };
  return Math.max(0, amountFen - row.n);
}
