/**
 * Demo receivables: a plausible history for every demo customer over the
 * last 12 / 24 / 36 months (small / medium / large ≈ 1,000 / 20,000 /
 * 1,000,000 documents): opening balances carried over from the old books
 * (some prepayments), monthly shipments (应收单) sized by the customer's
 * grade, most with a VAT invoice number, invoices for the installments of
 * their contracts, receipts (回款) that pay part of what is due — by bank
 * transfer mostly, some 承兑汇票, WeChat or cash, a few allocated by hand —
 * occasional credit notes, overpayments refunded, mistakes voided and
 * re-entered, and old debts of poor payers written off.
 *
 * Written through the ledger's batch function (bulkLoad.ts): each customer's
 * history is replayed once by the same engine as every posting and stored
 * with its allocations, many customers per transaction.
 */
import { addDays, addMonths, diffDays } from '../../../shared/dates/calendar';
import type { CreditNoteType, ReceiptMethod } from '../../../shared/api/ledgerEnums';
import { seededRng, type Rng } from '../../../shared/random';
import type { ServiceContext } from '../context';
import { openBeforeCredit } from '../ledger/allocationChoice';
import { loadCustomerHistory, newDocumentId, type LoadDocument } from '../ledger/bulkLoad';
import { DocNumberSeries } from '../ledger/numbering';
import { getReceivablesSettings } from '../settings/receivables';
import { DEMO_GOODS } from './demoTrade';

export interface DemoLedgerCounts {
  customers: number;
  documents: number;
  allocations: number;
  byKind: Record<string, number>;
}

interface Shape {
  months: number;
  /** Multiplies the shipments per month of every grade. */
  rate: number;
}

export const DEMO_LEDGER_SHAPE: Readonly<Record<'small' | 'medium' | 'large', Shape>> = {
  small: { months: 12, rate: 0.4 },
  medium: { months: 24, rate: 0.3 },
  large: { months: 36, rate: 1 },
};

/** Shipments per month and invoice size (yuan) by grade. */
const GRADE: Readonly<Record<string, { perMonth: number; min: number; max: number; pays: [number, number] }>> = {
  A: { perMonth: 9, min: 20_000, max: 300_000, pays: [0.85, 1] },
  B: { perMonth: 5, min: 5_000, max: 100_000, pays: [0.7, 1] },
  C: { perMonth: 3, min: 1_000, max: 30_000, pays: [0.5, 1] },
  D: { perMonth: 1.5, min: 500, max: 10_000, pays: [0.2, 0.8] },
};
const NO_GRADE = { perMonth: 3, min: 1_000, max: 50_000, pays: [0.6, 1] as [number, number] };

/** Shipment memos name the goods of the demo's one trade, in their own units. */
const GOODS = DEMO_GOODS.map((g) => g.name);
const UNITS = DEMO_GOODS.map((g) => g.unit);
const NOTE_MEMOS: Readonly<Record<CreditNoteType, string[]>> = {
  return: ['质量问题退货', '规格不符退货', '多发退回'],
  allowance: ['运输破损折让', '价格调整折让'],
  rebate: ['季度返利', '年度销量返利'],
};

interface Customer {
  id: string;
  code: string;
  grade: string | null;
  payment_term_days: number | null;
  created_at: string;
}

interface ContractPlan {
  id: string;
  installments: { id: string; due_on: string; amount_fen: number; label: string }[];
}

function fen(rng: Rng, minYuan: number, maxYuan: number): number {
  const yuan = rng.int(minYuan, maxYuan);
  return yuan * 100 + (rng.chance(0.3) ? rng.int(0, 99) : 0);
}

/** One customer's history, in date order of generation; ids assigned for targets and voids. */
function historyFor(
  rng: Rng,
  c: Customer,
  contracts: readonly ContractPlan[],
  shape: Shape,
  today: string,
  defaultTerm: number,
  numbers: DocNumberSeries,
): LoadDocument[] {
  const docs: LoadDocument[] = [];
  const g = (c.grade !== null ? GRADE[c.grade] : undefined) ?? NO_GRADE;
  const term = c.payment_term_days ?? defaultTerm;
  const start = addMonths(today, -shape.months);
  const base = { customerId: c.id, explicitTargets: [] as { debitId: string; amountFen: number }[] };
  const add = (d: Omit<LoadDocument, 'id' | 'customerId' | 'docNo'> & { docNo?: string }): LoadDocument => {
    const doc: LoadDocument = { ...base, ...d, id: newDocumentId(), docNo: d.docNo ?? numbers.take(d.kind, d.docDate) };
    docs.push(doc);
    return doc;
  };
  const voidIt = (original: LoadDocument, date: string, reason: string) =>
    add({
      kind: 'void',
      side: original.side === 'debit' ? 'credit' : 'debit',
      docDate: date,
      dueOn: null,
      amountFen: original.amountFen,
      memo: `冲销 ${original.docNo}：${reason}`,
      voidsId: original.id,
      voidReason: reason,
      originalDate: original.docDate,
    });

  // Carried over from the old books for most customers.
  const openingDate = addDays(start, -1);
  if (rng.chance(0.65)) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const amount = fen(rng, g.min, g.max * 2);
      // Old debts carried over are due on the carry-over date (§4: an opening without a due date).
      add({ kind: 'opening', side: 'debit', docDate: openingDate, dueOn: openingDate, amountFen: amount, memo: '期初欠款（旧账结转）' });
    }
  } else if (rng.chance(0.15)) {
    add({ kind: 'opening', side: 'credit', docDate: openingDate, dueOn: null, amountFen: fen(rng, g.min, g.max), memo: '期初预收货款' });
  }

  const invoices: LoadDocument[] = [];
  let dueSoFar = 0;
  for (const d of docs) if (d.side === 'debit') dueSoFar += d.amountFen;
  let paid = docs.filter((d) => d.side === 'credit').reduce((s, d) => s + d.amountFen, 0);
  const payFactor = rng.next() * (g.pays[1] - g.pays[0]) + g.pays[0];
  // Some poor payers stop paying altogether (停业/失联) for the last 8–14 months: their old debt is written off.
  const defaulter = c.grade === 'D' && rng.chance(0.3);
  const stopsPayingAt = defaulter ? Math.max(0, shape.months - rng.int(8, 14)) : shape.months;

  for (let m = 0; m < shape.months; m++) {
    const monthStart = addMonths(start, m);
    const daysInPeriod = diffDays(addMonths(start, m + 1), monthStart);
    const expected = g.perMonth * shape.rate;
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const date = addDays(monthStart, rng.int(0, daysInPeriod - 1));
      if (date > today) continue;
      const k = rng.int(0, GOODS.length - 1);
      const amount = fen(rng, g.min, g.max);
      const invoiced = date < addDays(today, -30) ? rng.chance(0.9) : rng.chance(0.4);
      const inv = add({
        kind: 'invoice',
        side: 'debit',
        docDate: date,
        dueOn: rng.chance(0.1) ? addDays(date, rng.int(0, 60)) : addDays(date, term),
        amountFen: amount,
        vatInvoiceNo: invoiced ? String(rng.int(10_000_000, 99_999_999)) : '',
        vatInvoiceDate: invoiced ? addDays(date, rng.int(0, 20)) : null,
        memo: `${GOODS[k]} ${rng.int(1, 60)}${UNITS[k]}`,
      });
      invoices.push(inv);
      if (rng.chance(0.01)) {
        // Entered with the wrong amount, voided, entered again.
        const fixDate = addDays(date, rng.int(0, 5));
        if (fixDate <= today) {
          voidIt(inv, fixDate, '金额录入错误');
          invoices.pop();
          const { id: _id, docNo: _docNo, customerId: _customerId, ...fields } = inv;
          const again = add({ ...fields, docDate: fixDate, dueOn: addDays(fixDate, term), amountFen: fen(rng, g.min, g.max) });
          invoices.push(again);
          dueSoFar += again.amountFen;
        } else {
          dueSoFar += amount;
        }
      } else {
        dueSoFar += amount;
      }
      if (rng.chance(0.03)) {
        const type: CreditNoteType = rng.pick(['return', 'allowance', 'rebate'] as const);
        const cnDate = addDays(date, rng.int(1, 20));
        if (cnDate <= today) {
          const cn = Math.max(100, Math.floor((amount * rng.int(1, 8)) / 100));
          add({ kind: 'credit_note', side: 'credit', docDate: cnDate, dueOn: null, amountFen: cn, noteType: type, memo: rng.pick(NOTE_MEMOS[type]) });
          paid += cn;
        }
      }
    }

    // Contract installments falling in this month are shipped and invoiced against the contract.
    for (const k of contracts) {
      for (const inst of k.installments) {
        if (inst.due_on < monthStart || inst.due_on >= addMonths(start, m + 1) || inst.due_on > today) continue;
        const shipped = addDays(inst.due_on, -rng.int(0, 10));
        const date = shipped < start ? inst.due_on : shipped;
        invoices.push(
          add({ kind: 'invoice', side: 'debit', docDate: date, dueOn: inst.due_on, amountFen: inst.amount_fen, contractId: k.id, installmentId: inst.id, memo: `合同${inst.label || '款项'}` }),
        );
        dueSoFar += inst.amount_fen;
      }
    }

    // Receipts: pay part of what has come due, once or twice a month (less often for small customers).
    const receipts = m >= stopsPayingAt ? 0 : expected >= 4 ? 2 : rng.chance(0.7) ? 1 : 0;
    for (let r = 0; r < receipts; r++) {
      const date = addDays(monthStart, rng.int(5, daysInPeriod - 1));
      if (date > today) continue;
      const outstanding = dueSoFar - paid;
      if (outstanding <= 0) continue;
      const amount = Math.floor((outstanding * payFactor * (receipts === 2 ? 0.5 : 1)) / 100) * 100;
      if (amount < 100) continue;
      const method: ReceiptMethod =
        amount > 5_000_000 && rng.chance(0.3) ? 'acceptance_bill' : rng.pick(['bank_transfer', 'bank_transfer', 'bank_transfer', 'wechat', 'cash', 'alipay'] as const);
      const bill = method === 'acceptance_bill';
      // Now and then the customer names the invoice it pays (the newest one), chosen by hand.
      const named = rng.chance(0.05) ? invoices.filter((i) => i.docDate <= date).at(-1) : undefined;
      const overpay = rng.chance(0.01) ? fen(rng, 100, 2_000) : 0;
      const receipt = add({
        kind: 'receipt',
        side: 'credit',
        docDate: date,
        dueOn: null,
        amountFen: amount + overpay,
        method,
        reference: method === 'bank_transfer' ? `${rng.int(100_000, 999_999)}${rng.int(100_000, 999_999)}` : '',
        billNo: bill ? `3130005${rng.int(10_000_000, 99_999_999)}` : '',
        billMaturityOn: bill ? addDays(date, 180) : null,
        memo: bill ? '银行承兑汇票' : '货款',
        explicitTargets: named ? [{ debitId: named.id, amountFen: Math.min(named.amountFen, amount) }] : [],
      });
      paid += receipt.amountFen;
      if (rng.chance(0.005) && addDays(date, 3) <= today) {
        voidIt(receipt, addDays(date, 3), '银行退票');
        paid -= receipt.amountFen;
      } else if (overpay > 0 && addDays(date, 7) <= today) {
        add({ kind: 'refund', side: 'debit', docDate: addDays(date, 7), dueOn: addDays(date, 7), amountFen: overpay, method: 'bank_transfer', memo: '多付货款退回' });
        paid -= overpay;
      }
    }
  }

  // The defaulter's oldest debt, open for half a year, is written off with approval.
  if (defaulter) {
    const date = addDays(today, -rng.int(30, 90));
    const probe = { id: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ', kind: 'write_off' as const, docNo: 'HX', date, amountFen: 1 };
    const open = openBeforeCredit(
      docs.map((d) => ({ ...d, voidsId: d.voidsId ?? null, explicitTargets: [...(d.explicitTargets ?? [])] })),
      probe,
    );
    const byId = new Map(docs.map((d) => [d.id, d]));
    const oldest = [...open]
      .map(([id, amount]) => ({ doc: byId.get(id), amount }))
      .find((x) => (x.doc?.kind === 'invoice' || x.doc?.kind === 'opening') && x.doc.docDate <= addDays(date, -180));
    if (oldest?.doc) {
      add({
        kind: 'write_off',
        side: 'credit',
        docDate: date,
        dueOn: null,
        amountFen: oldest.amount,
        memo: '客户停业，经批准核销',
        explicitTargets: [{ debitId: oldest.doc.id, amountFen: oldest.amount }],
      });
    }
  }
  return docs;
}

export function generateDemoLedger(
  ctx: ServiceContext,
  seed: number,
  size: keyof typeof DEMO_LEDGER_SHAPE,
  progress: (msg: string) => void = () => {},
): DemoLedgerCounts {
  const rng = seededRng(seed * 7919 + 5);
  const shape = DEMO_LEDGER_SHAPE[size];
  const today = ctx.clock.today();
  const defaultTerm = getReceivablesSettings(ctx).defaultPaymentTermDays;
  const customers = ctx.db.prepare(`SELECT id, code, grade, payment_term_days, created_at FROM customers ORDER BY code`).all() as Customer[];
  const contractsByCustomer = new Map<string, ContractPlan[]>();
  const contracts = ctx.db.prepare(`SELECT id, customer_id FROM contracts WHERE status IN ('active', 'completed') ORDER BY contract_no`).all() as {
    id: string;
    customer_id: string;
  }[];
  const installments = ctx.db.prepare(`SELECT id, due_on, amount_fen, label FROM contract_installments WHERE contract_id = ? ORDER BY seq`);
  for (const k of contracts) {
    const list = contractsByCustomer.get(k.customer_id) ?? [];
    list.push({ id: k.id, installments: installments.all(k.id) as ContractPlan['installments'] });
    contractsByCustomer.set(k.customer_id, list);
  }

  const counts: DemoLedgerCounts = { customers: 0, documents: 0, allocations: 0, byKind: {} };
  const numbers = new DocNumberSeries(ctx);
  const BATCH = 100;
  for (let from = 0; from < customers.length; from += BATCH) {
    ctx.db.transaction(() => {
      for (const c of customers.slice(from, from + BATCH)) {
        // A few customers are new and have no history yet.
        if (rng.chance(0.04)) continue;
        const docs = historyFor(rng, c, contractsByCustomer.get(c.id) ?? [], shape, today, defaultTerm, numbers);
        if (docs.length === 0) continue;
        const outcome = loadCustomerHistory(ctx, c.id, docs, `demo ${size} seed ${seed}`);
        counts.customers++;
        counts.documents += outcome.documents;
        counts.allocations += outcome.allocations;
        for (const d of docs) counts.byKind[d.kind] = (counts.byKind[d.kind] ?? 0) + 1;
      }
    });
    if (customers.length > BATCH) progress(`往来单据… ${Math.min(from + BATCH, customers.length)}/${customers.length} 个客户，${counts.documents} 张单据`);
  }
  return counts;
}
