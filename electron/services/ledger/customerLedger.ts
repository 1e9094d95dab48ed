/**
 * The customer ledger (客户往来明细) for a period, by §4's period rules
 * (shared/receivables/ledger.ts): opening = net of everything dated before
 * `from` (voids included), every document dated in the period as a line in
 * §4 order with a running balance. A voided original and its void are both
 * lines, both marked; the original is marked only if the void is dated
 * within the period's end (a later void had not happened by then).
 */
import type { CustomerLedger, LedgerLineView, OpenItems } from '../../../shared/api/ledger';
import { diffDays } from '../../../shared/dates/calendar';
import { ledgerLines } from '../../../shared/receivables/ledger';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc, DocKind, Side } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { customerRef, requireCustomer } from './customerFacts';

interface LedgerRow {
  id: string;
  kind: string;
  side: string;
  doc_no: string;
  doc_date: string;
  due_on: string | null;
  amount_fen: number;
  voids_id: string | null;
  memo: string;
  contract_id: string | null;
}

const ROWS_SQL = `SELECT id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id, memo, contract_id
  FROM ar_documents WHERE customer_id = ?`;
const TARGETS_SQL = `SELECT credit_id, debit_id, amount_fen FROM ar_explicit_targets WHERE customer_id = ? ORDER BY credit_id, seq`;

function loadRows(ctx: ServiceContext, customerId: string): LedgerRow[] {
  return ctx.db.prepare(ROWS_SQL).all(customerId) as LedgerRow[];
}

const toArDoc = (r: LedgerRow): ArDoc => ({
  id: r.id,
  kind: r.kind as DocKind,
  side: r.side as Side,
  docNo: r.doc_no,
  docDate: r.doc_date,
  dueOn: r.due_on,
  amountFen: r.amount_fen,
  voidsId: r.voids_id,
  explicitTargets: [],
});

export function customerLedger(ctx: ServiceContext, input: { customerId: string; from: string | null; to: string | null }): CustomerLedger {
  const customer = requireCustomer(ctx, input.customerId);
  const rows = loadRows(ctx, customer.id);
  const to = input.to ?? ctx.clock.today();
  let first: string | null = null;
  for (const r of rows) if (first === null || r.doc_date < first) first = r.doc_date;
  // §4: omitted from = the first document's date; with nothing dated by `to`, the period is just `to`.
  const from = input.from ?? (first !== null && first <= to ? first : to);

  const memoById = new Map<string, string>();
  const voidDateOf = new Map<string, string>();
  for (const r of rows) {
    memoById.set(r.id, r.memo);
    // Two PCs may have voided one document (a sync conflict): the earliest void is the one that counts.
    const seen = r.voids_id === null ? undefined : voidDateOf.get(r.voids_id);
    if (r.voids_id !== null && (seen === undefined || r.doc_date < seen)) voidDateOf.set(r.voids_id, r.doc_date);
  }
  const result = ledgerLines(rows.map(toArDoc), from, to);
  let debitFen = 0;
  let creditFen = 0;
  const lines: LedgerLineView[] = result.lines.map((l) => {
    debitFen += l.debitFen;
    creditFen += l.creditFen;
    const line: LedgerLineView = { ...l, memo: memoById.get(l.docId) ?? '' };
    const voidDate = voidDateOf.get(l.docId);
    if (voidDate !== undefined && voidDate <= to) line.voided = true;
    if (l.kind === 'void') line.isVoid = true;
    return line;
  });
  return {
    customer: customerRef(customer),
    from,
    to,
    openingFen: result.openingFen,
    lines,
    closingFen: result.closingFen,
    totals: { debitFen, creditFen },
  };
}

/**
 * Open debits and unapplied credits of one customer as of a date (default
 * today), replayed as of that date: later documents and later voids have
 * not happened (§4).
 */
export function openItems(ctx: ServiceContext, input: { customerId: string; asOf: string | null }): OpenItems {
  const customer = requireCustomer(ctx, input.customerId);
  const asOf = input.asOf ?? ctx.clock.today();
  const rows = loadRows(ctx, customer.id);
  const targets = ctx.db.prepare(TARGETS_SQL).all(customer.id) as { credit_id: string; debit_id: string; amount_fen: number }[];
  const docs = rows.map(toArDoc);
  const byId = new Map<string, { row: LedgerRow; doc: ArDoc }>();
  docs.forEach((d, i) => byId.set(d.id, { row: rows[i], doc: d }));
  for (const t of targets) byId.get(t.credit_id)?.doc.explicitTargets.push({ debitId: t.debit_id, amountFen: t.amount_fen });

  const result = replay(docs, asOf);
  const debits: OpenItems['debits'] = [];
  let openDebitFen = 0;
  for (const [id, openFen] of result.openByDebit) {
    if (openFen === 0) continue;
    const found = byId.get(id);
    if (!found) continue;
    const { row } = found;
    const due = row.due_on ?? row.doc_date;
    openDebitFen += openFen;
    debits.push({
      debitId: id,
      kind: row.kind as DocKind,
      docNo: row.doc_no,
      date: row.doc_date,
      dueOn: row.due_on,
      amountFen: row.amount_fen,
      openFen,
      daysOverdue: Math.max(0, diffDays(asOf, due)),
      contractId: row.contract_id,
      memo: row.memo,
    });
  }
  // The receipt screen's order: earliest due first, as FIFO pays them.
  debits.sort((a, b) =>
    (a.dueOn ?? a.date) !== (b.dueOn ?? b.date)
      ? (a.dueOn ?? a.date) < (b.dueOn ?? b.date) ? -1 : 1
      : a.date !== b.date
        ? a.date < b.date ? -1 : 1
        : a.docNo < b.docNo ? -1 : a.docNo > b.docNo ? 1 : 0,
  );
  const credits: OpenItems['credits'] = [];
  let unappliedFen = 0;
  for (const [id, remaining] of result.unappliedByCredit) {
    if (remaining === 0) continue;
    const found = byId.get(id);
    if (!found) continue;
    unappliedFen += remaining;
    credits.push({
      creditId: id,
      kind: found.row.kind as DocKind,
      docNo: found.row.doc_no,
      date: found.row.doc_date,
      amountFen: found.row.amount_fen,
      unappliedFen: remaining,
      memo: found.row.memo,
    });
  }
  credits.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.docNo < b.docNo ? -1 : a.docNo > b.docNo ? 1 : 0));
  return { customer: customerRef(customer), asOf, debits, credits, openDebitFen, unappliedFen, balanceFen: result.balanceFen };
}
