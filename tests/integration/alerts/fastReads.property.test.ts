/**
 * The alert rules' fast reads (issue 17, point 2) against obviously correct
 * references, on random histories posted through the real API:
 *  1. the overdue summaries (count, total, oldest and latest due date, the
 *     collection weight) read grouped per customer in SQL = the replay of
 *     each customer's documents, as of dates after every document (the
 *     stored-figures path) and at random past dates — back-dated postings,
 *     voids crossing the dates, an import of invoices undone or kept;
 *  2. installment_due (unsettled installments filtered in SQL) = each
 *     installment's amount less what its live invoices had settled, and
 *     contract_ended_with_balance (past dates: every ended contract in one
 *     statement) = what the contract's live invoices had open, both from the
 *     replay, with receipts, voids and back-dated invoices;
 *  3. the visit-plan follow-ups read from the shared customer load = the
 *     待回访 list (evaluation dueVisits), and each customer's latest promise
 *     read through the promise index = the latest among all interactions,
 *     with random plans, layers, grades, own intervals, closed and archived
 *     customers and interactions entered out of date order.
 * ALERT_FAST_RUNS sets the number of histories (deep runs: e.g. 100).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertList } from '../../../shared/api/alerts';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { ImportCommitResult } from '../../../shared/api/imports';
import { addDays } from '../../../shared/dates/calendar';
import { DEFAULT_EVALUATION_SETTINGS } from '../../../shared/evaluation/settings';
import { replay } from '../../../shared/receivables/replay';
import { latestPromises } from '../../../electron/services/alerts/interactionsAsOf';
import { LedgerAsOf } from '../../../electron/services/alerts/ledgerAsOf';
import { dueVisits } from '../../../electron/services/evaluation/visitPlans';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { replayedSummary } from '../../helpers/replayedOverdue';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { CUSTOMER_SETUP, dayDate, historyArb, LAST_DAY, postHistory, postOps } from '../aging/randomHistory';
import { activeContract, customer, invoice, receipt, TODAY } from './helpers';

const RUNS = Number(process.env.ALERT_FAST_RUNS ?? 5);

const importArb = fc.record({
  rows: fc.array(fc.record({ customer: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 430 }), yuan: fc.integer({ min: 1, max: 3_000 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  undo: fc.boolean(),
});

let batchTag = 0;
async function importInvoices(t: TempRuntime, imp: { rows: { customer: number; day: number; yuan: number }[]; undo: boolean }): Promise<void> {
  const tag = batchTag++;
  const lines = ['单号,客户编码,日期,金额', ...imp.rows.map((r, i) => `FR${tag}-${i},${CUSTOMER_SETUP[r.customer].code},${dayDate(r.day)},${r.yuan}`)];
  const file = { fileName: 'x.csv', dataBase64: Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64') };
  const r = await t.rt.invoke<ImportCommitResult>('imports.commit', { kind: 'invoices', ...file });
  if (imp.undo) await t.rt.invoke('imports.undo', { batchId: r.batch.id, reason: '测试撤销' });
}

describe('alert fast reads equal their references', () => {
  it('overdue summaries, grouped in SQL or from the open spans, equal the replay', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, importArb, historyArb, fc.array(fc.integer({ min: 0, max: LAST_DAY }), { minLength: 2, maxLength: 4 }), async (before, imp, after, days) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, before);
          await importInvoices(t, imp);
          await postOps(t, ids, after);
          const ctx = t.rt.context();
          // After the last document (the stored figures are the state) and at random dates (some documents later).
          for (const asOf of [dayDate(LAST_DAY + 1), dayDate(LAST_DAY + 40), ...days.map(dayDate)]) {
            const summaries = new LedgerAsOf(ctx, asOf).overdueSummaries();
            for (const id of ids) expect(summaries.get(id), `${asOf} ${id}`).toEqual(replayedSummary(ctx, id, asOf));
            expect([...summaries.keys()].every((id) => ids.includes(id))).toBe(true);
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 20_000);

  it('installment_due and contract_ended_with_balance equal what the replay settled and left open', async () => {
    const opArb = fc.record({
      kind: fc.constantFrom('invoice', 'invoice', 'receipt', 'void'),
      contract: fc.integer({ min: 0, max: 1 }),
      installment: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: -150, max: 0 }),
      yuan: fc.integer({ min: 1, max: 400 }),
      pick: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 16 }), fc.integer({ min: -120, max: 0 }), async (ops, pastDay) => {
        const t = await tempRuntime();
        try {
          const contracts: ContractDetail[] = [];
          for (const code of ['K01', 'K02']) {
            const c = await customer(t, code);
            const installments = [-90, -30, 3, 40].map((d, i) => ({ dueOn: addDays(TODAY, d), amount: `${100 * (i + 1)}.00`, label: `第${i + 1}期` }));
            // The second contract has ended (active, past its end date): contract_ended_with_balance reads it too.
            const endsOn = code === 'K02' ? addDays(TODAY, -60) : null;
            contracts.push(await activeContract(t, c.id, { amount: '1000.00', installments, contractNo: `HT-${code}`, endsOn }));
          }
          const posted: { id: string; date: string }[] = [];
          for (const op of ops) {
            const k = contracts[op.contract];
            const date = addDays(TODAY, op.day);
            try {
              if (op.kind === 'invoice') {
                const installmentId = op.installment < 3 ? k.installments[op.installment].id : null;
                posted.push({ ...(await invoice(t, k.customerId, date, op.yuan * 100, { contractId: k.id, installmentId })).document, date });
              } else if (op.kind === 'receipt') {
                posted.push({ ...(await receipt(t, k.customerId, date, op.yuan * 100)).document, date });
              } else if (posted.length > 0) {
                const original = posted[op.pick % posted.length];
                await t.rt.invoke('ledger.void', { docId: original.id, date: original.date > date ? original.date : date, reason: '测试冲销' });
              }
            } catch {
              // A posting the ledger refuses (a second void of one document) is simply not part of the history.
            }
          }
          const ctx = t.rt.context();
          for (const asOf of [TODAY, addDays(TODAY, pastDay)]) {
            const horizon = addDays(asOf, 7);
            const expected: [string, number][] = [];
            const endedExpected: [string, number][] = [];
            for (const k of contracts) {
              const docs = loadCustomerDocs(ctx, k.customerId);
              const open = replay(docs, asOf).openByDebit;
              const rows = ctx.db.prepare(`SELECT id, installment_id, amount_fen FROM ar_documents WHERE installment_id IS NOT NULL AND customer_id = ?`).all(k.customerId) as {
                id: string;
                installment_id: string;
                amount_fen: number;
              }[];
              // What the contract's live invoices dated ≤ D still had open on D, once it has ended.
              const contractOpen = (ctx.db.prepare(`SELECT id FROM ar_documents WHERE contract_id = ? AND kind = 'invoice'`).pluck(true).all(k.id) as string[]).reduce(
                (sum, id) => sum + (open.get(id) ?? 0),
                0,
              );
              if (k.endsOn !== null && k.endsOn < asOf && contractOpen > 0) endedExpected.push([k.id, contractOpen]);
              for (const i of k.installments) {
                if (i.dueOn > horizon) continue;
                // openByDebit holds exactly the debits dated ≤ D and not voided as of D.
                const settled = rows.filter((r) => r.installment_id === i.id && open.has(r.id)).reduce((s, r) => s + r.amount_fen - (open.get(r.id) as number), 0);
                if (settled < i.amountFen) expected.push([i.id, i.amountFen - settled]);
              }
            }
            const all = (await t.rt.invoke<AlertList>('alerts.list', { asOf, all: true })).alerts;
            const got = all.filter((a) => a.kind === 'installment_due').map((a): [string, number] => [a.key.slice('installment_due:'.length), a.amountFen as number]);
            expect(got.sort(), asOf).toEqual(expected.sort());
            const ended = all.filter((a) => a.kind === 'contract_ended_with_balance').map((a): [string, number] => [a.contractId as string, a.amountFen as number]);
            expect(ended.sort(), `ended ${asOf}`).toEqual(endedExpected.sort());
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 20_000);

  it('visit-plan follow-ups equal the 待回访 list and the latest promises equal the latest among all interactions', async () => {
    const customerArb = fc.record({
      layer: fc.constantFrom(null, 'key', 'ordinary', 'potential'),
      grade: fc.constantFrom(null, 'A', 'B', 'C', 'D'),
      own: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 3 }),
      status: fc.constantFrom('active', 'active', 'paused', 'closed'),
      archived: fc.constantFrom(false, false, false, true),
    });
    const interactionArb = fc.record({
      customer: fc.integer({ min: 0, max: 5 }),
      day: fc.integer({ min: -200, max: 0 }),
      channel: fc.constantFrom('T', 'E', 'M', 'O'),
      promise: fc.option(fc.record({ inDays: fc.integer({ min: 0, max: 30 }), yuan: fc.integer({ min: 1, max: 900 }) }), { freq: 2 }),
    });
    const planArb = fc.record({
      layer: fc.record({ key: fc.option(fc.integer({ min: 1, max: 90 })), ordinary: fc.option(fc.integer({ min: 1, max: 90 })), potential: fc.option(fc.integer({ min: 1, max: 90 })) }),
      grade: fc.record({ A: fc.option(fc.integer({ min: 1, max: 90 })), B: fc.option(fc.integer({ min: 1, max: 90 })), C: fc.option(fc.integer({ min: 1, max: 90 })), D: fc.option(fc.integer({ min: 1, max: 90 })) }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerArb, { minLength: 6, maxLength: 6 }),
        fc.array(interactionArb, { maxLength: 24 }),
        planArb,
        fc.integer({ min: -120, max: 0 }),
        async (people, contacts, visitPlan, pastDay) => {
          const t = await tempRuntime();
          try {
            await t.rt.invoke('evaluation.saveSettings', { ...DEFAULT_EVALUATION_SETTINGS, visitPlan });
            const ids: string[] = [];
            for (const [n, p] of people.entries()) {
              const c = await customer(t, `V0${n}`);
              await t.rt.invoke('customers.update', { id: c.id, layer: p.layer, grade: p.grade, visitIntervalDays: p.own });
              ids.push(c.id);
            }
            // Interactions first (closed and archived customers take none), in generated, not date, order.
            for (const x of contacts) {
              const date = addDays(TODAY, x.day);
              const promise = x.promise ? { promiseDate: addDays(TODAY, Math.min(0, x.day + x.promise.inDays)), promiseAmountFen: x.promise.yuan * 100 } : {};
              await t.rt.invoke('interactions.create', { customerId: ids[x.customer], date, channel: x.channel, summary: '往来', ...promise });
            }
            for (const [n, p] of people.entries()) {
              if (p.status !== 'active') await t.rt.invoke('customers.update', { id: ids[n], status: p.status });
              if (p.archived) await t.rt.invoke('customers.archive', { id: ids[n], reason: '测试归档' });
            }
            const ctx = t.rt.context();
            for (const asOf of [TODAY, addDays(TODAY, pastDay)]) {
              const alerts = (await t.rt.invoke<AlertList>('alerts.list', { asOf, all: true })).alerts.filter((a) => a.key.startsWith('follow_up_due:plan-'));
              const expected = dueVisits(ctx, asOf, (await t.rt.invoke('evaluation.settings', {})) as typeof DEFAULT_EVALUATION_SETTINGS).map((d) => [
                `follow_up_due:plan-${d.customerId}-${d.dueOn}`,
                d.daysLate,
                d.intervalDays,
              ]);
              expect(alerts.map((a) => [a.key, a.days, a.facts.planDays]).sort(), `visits ${asOf}`).toEqual(expected.sort());

              // The latest promise per customer, by (date, entry time, id), among everything dated ≤ D.
              const all = ctx.db.prepare(`SELECT id, customer_id, date, created_at, promise_date FROM interactions`).all() as {
                id: string;
                customer_id: string;
                date: string;
                created_at: string;
                promise_date: string | null;
              }[];
              const latest = new Map<string, string>();
              const order = (r: (typeof all)[number]) => `${r.date}|${r.created_at}|${r.id}`;
              for (const r of all.filter((x) => x.promise_date !== null && x.date <= asOf).sort((a, b) => (order(a) < order(b) ? -1 : 1))) latest.set(r.customer_id, r.id);
              const got = new Map([...latestPromises(ctx, asOf)].map(([customerId, p]) => [customerId, p.id]));
              expect(got, `promises ${asOf}`).toEqual(latest);
            }
          } finally {
            t.cleanup();
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 20_000);
});
