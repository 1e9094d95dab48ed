/**
 * Every scorecard figure against an independent calculation on generated
 * histories (the aging tests' generator: payments split across invoices,
 * hand-picked allocations, credit notes, write-offs, refunds, openings of
 * both signs, voids dated well after their originals, post-dated documents),
 * for random periods whose end may fall between an original and its void.
 *
 * The oracle reads the raw documents and sums them in plain loops; only the
 * allocations (§4 replay as of the end date) come from the pure replay
 * engine, whereas the service reads the stored full replay through SQL.
 * Runs: EVAL_PROPERTY_RUNS (default 4, CI).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScorecardList } from '../../../shared/api/evaluation';
import { addDays, addMonths, diffDays } from '../../../shared/dates/calendar';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc, DocKind, Side } from '../../../shared/receivables/types';
import { DEFAULT_EVALUATION_SETTINGS } from '../../../shared/evaluation/settings';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { dayDate, historyArb, postHistory } from '../aging/randomHistory';

const RUNS = Number(process.env.EVAL_PROPERTY_RUNS ?? 4);

interface Raw {
  id: string;
  customer_id: string;
  kind: DocKind;
  side: Side;
  doc_no: string;
  doc_date: string;
  due_on: string | null;
  amount_fen: number;
  voids_id: string | null;
}

function docsOf(t: TempRuntime, customerId: string): { raw: Raw[]; docs: ArDoc[] } {
  const db = t.rt.database().sqlite;
  const raw = db.prepare(`SELECT id, customer_id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id FROM ar_documents WHERE customer_id = ?`).all(customerId) as Raw[];
  const targets = db.prepare(`SELECT credit_id, debit_id, amount_fen FROM ar_explicit_targets WHERE customer_id = ? ORDER BY credit_id, seq`).all(customerId) as {
    credit_id: string;
    debit_id: string;
    amount_fen: number;
  }[];
  const docs = raw.map((r) => ({
    id: r.id,
    kind: r.kind,
    side: r.side,
    docNo: r.doc_no,
    docDate: r.doc_date,
    dueOn: r.due_on,
    amountFen: r.amount_fen,
    voidsId: r.voids_id,
    explicitTargets: targets.filter((x) => x.credit_id === r.id).map((x) => ({ debitId: x.debit_id, amountFen: x.amount_fen })),
  }));
  return { raw, docs };
}

/** The figures as the issue defines them, computed the long way. */
function oracle(raw: Raw[], docs: ArDoc[], from: string, to: string) {
  const days = diffDays(to, from) + 1;
  const prevFrom = addDays(from, -days);
  const voidedByTo = new Set(raw.filter((d) => d.kind === 'void' && d.doc_date <= to).map((d) => d.voids_id));
  const alive = (d: Raw) => !voidedByTo.has(d.id);
  const sum = (pred: (d: Raw) => boolean) => raw.filter((d) => alive(d) && pred(d)).reduce((s, d) => s + d.amount_fen, 0);
  const inP = (d: Raw) => d.doc_date >= from && d.doc_date <= to;
  const inPrev = (d: Raw) => d.doc_date >= prevFrom && d.doc_date < from;
  const invoiced = sum((d) => d.kind === 'invoice' && inP(d));
  const orders = raw.filter((d) => alive(d) && d.kind === 'invoice' && inP(d)).length;
  const credited = sum((d) => d.kind === 'credit_note' && inP(d));
  const collected = sum((d) => d.kind === 'receipt' && inP(d));
  const previous = sum((d) => d.kind === 'invoice' && inPrev(d)) - sum((d) => d.kind === 'credit_note' && inPrev(d));
  let opening = 0;
  let balance = 0;
  for (const d of raw) {
    const signed = d.side === 'debit' ? d.amount_fen : -d.amount_fen;
    if (d.doc_date < from) opening += signed;
    if (d.doc_date <= to) balance += signed;
  }
  const r = replay(docs, to);
  const byId = new Map(raw.map((d) => [d.id, d]));
  let paid = 0;
  let amountDays = 0;
  for (const a of r.allocations) {
    const c = byId.get(a.creditId)!;
    const d = byId.get(a.debitId)!;
    if (c.kind !== 'receipt' || d.kind !== 'invoice' || a.allocatedOn < from || a.allocatedOn > to) continue;
    paid += a.amountFen;
    amountDays += a.amountFen * diffDays(a.allocatedOn, d.doc_date);
  }
  let overdue = 0;
  let oldest: string | null = null;
  for (const [id, open] of r.openByDebit) {
    const d = byId.get(id)!;
    const due = d.due_on ?? d.doc_date;
    if (open > 0 && due < to) {
      overdue += open;
      if (oldest === null || due < oldest) oldest = due;
    }
  }
  const base = Math.max(0, opening) + invoiced;
  const rate = base > 0 ? Math.round((collected / base) * 10_000) / 10_000 : null;
  const avgDays = paid > 0 ? Math.round((amountDays / paid) * 10) / 10 : null;
  const share = balance > 0 ? Math.round((overdue / balance) * 10_000) / 10_000 : null;
  const longest = oldest === null ? 0 : diffDays(to, oldest);
  const sales = invoiced - credited;
  // Scores written out again from the help text.
  const s = DEFAULT_EVALUATION_SETTINGS;
  const cap = (x: number) => Math.min(1, Math.max(0, x));
  const growth = previous > 0 ? Math.round(((sales - previous) / previous) * 10_000) / 10_000 : null;
  const salesScore = Math.round(
    100 *
      (0.5 * cap(sales / ((s.fullSalesFen * days) / 365)) +
        0.25 * (growth === null ? (sales > 0 ? 1 : 0) : cap(0.5 + growth)) +
        0.25 * cap(orders / ((s.fullOrders * days) / 365))),
  );
  const creditScore = Math.round(
    100 *
      (0.4 * (rate === null ? 1 : cap(rate)) +
        0.2 * (avgDays === null ? 1 : cap(1 - avgDays / 120)) +
        0.3 * (0.5 * (1 - cap(share ?? 0)) + 0.5 * cap(1 - longest / 180)) +
        0.1),
  );
  return {
    invoicedFen: invoiced,
    orderCount: orders,
    creditedFen: credited,
    salesFen: sales,
    previousSalesFen: previous,
    openingFen: opening,
    collectedFen: collected,
    collectionRate: rate,
    paidFen: paid,
    avgDaysToPay: avgDays,
    balanceFen: balance,
    overdueFen: overdue,
    overdueShare: share,
    longestOverdueDays: longest,
    salesScore,
    creditScore,
  };
}

describe('scorecard figures against an independent calculation', () => {
  it('random histories, random periods (ending before, between and after voids)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.integer({ min: 0, max: 440 }), fc.integer({ min: 1, max: 14 }), async (ops, endDay, months) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, ops);
          const to = dayDate(endDay);
          const from = addDays(addMonths(to, -months), 1);
          const list = await t.rt.invoke<ScorecardList>('evaluation.scorecards', { from, to });
          for (const id of ids) {
            const { raw, docs } = docsOf(t, id);
            const row = list.rows.find((r) => r.customerId === id)!;
            const expected = oracle(raw, docs, from, to);
            const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, row[k as keyof typeof row]]));
            expect(actual, `customer ${row.code}, ${from}..${to}`).toEqual(expected);
            // The card (narrow queries) agrees with the list (set-based queries).
            const card = await t.rt.invoke<{ card: typeof row }>('evaluation.card', { customerId: id, from, to });
            expect(card.card).toEqual(row);
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS },
    );
  }, 240_000);
});
