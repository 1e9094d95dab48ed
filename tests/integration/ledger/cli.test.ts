/**
 * `ledger --json` against an independent computation written here (no shared
 * code with the service): documents posted through the API in random order,
 * the CLI run in-process on the same database file, and the expected JSON
 * built from what the postings returned, with §4's period rules spelled out.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import { localDateOf } from '../../../shared/dates/clock';
import { runCli } from '../../../electron/cli/main';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { CUSTOMER_TERMS, dayDate, entryOrder, historyPlanArb, type PlannedDoc } from './histories';

const runs: TempRuntime[] = [];
afterEach(() => runs.splice(0).forEach((t) => t.cleanup()));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Posted {
  id: string;
  customer: number;
  date: string;
  docNo: string;
  kind: string;
  side: string;
  amountFen: number;
  memo: string;
}

async function postAll(t: TempRuntime, plan: PlannedDoc[], seed: number): Promise<Posted[]> {
  const customers: string[] = [];
  for (let i = 0; i < CUSTOMER_TERMS.length; i++) {
    customers.push((await t.rt.invoke<CustomerDetail>('customers.create', { code: `C${i}`, name: `客户${i}`, paymentTermDays: CUSTOMER_TERMS[i] })).id);
  }
  const ids = new Map<string, string>();
  const posted: Posted[] = [];
  const keep = (r: PostResult, customer: number) => {
    const d = r.document;
    posted.push({ id: d.id, customer, date: d.date, docNo: d.docNo, kind: d.kind, side: d.side, amountFen: d.amountFen, memo: d.memo });
    return d.id;
  };
  for (const { doc: d, voidIt } of entryOrder(plan, seed)) {
    if (voidIt) {
      keep(await t.rt.invoke<PostResult>('ledger.void', { docId: ids.get(d.key), date: d.voidDate, reason: '录入错误' }), d.customer);
      continue;
    }
    const customerId = customers[d.customer];
    const amountFen = Math.abs(d.signedFen);
    const allocations = d.targets.length === 0 ? null : d.targets.map((x) => ({ debitId: ids.get(x.key), amountFen: x.amountFen }));
    const memo = `备注${d.key}`;
    const base = { customerId, date: d.date, docNo: d.docNo, memo };
    let r: PostResult;
    if (d.kind === 'invoice') r = await t.rt.invoke('ledger.postInvoice', { ...base, amountFen, dueOn: d.dueOn });
    else if (d.kind === 'opening') r = await t.rt.invoke('ledger.postOpening', { ...base, amountFen: d.signedFen });
    else if (d.kind === 'refund') r = await t.rt.invoke('ledger.postRefund', { ...base, amountFen });
    else if (d.kind === 'receipt') r = await t.rt.invoke('ledger.postReceipt', { ...base, amountFen, allocations });
    else if (d.kind === 'credit_note') r = await t.rt.invoke('ledger.postCreditNote', { ...base, amountFen, allocations });
    else r = await t.rt.invoke('ledger.postWriteOff', { debitId: ids.get(d.targets[0].key), date: d.date, docNo: d.docNo, amountFen, memo });
    ids.set(d.key, keep(r, d.customer));
  }
  return posted;
}

/** §4, written out: opening = net before `from`; lines = documents dated from..to, by date, debit first, number as text. */
function expectedLedger(posted: Posted[], customer: number, from: string | null, to: string) {
  const mine = posted.filter((p) => p.customer === customer);
  const signed = (p: Posted) => (p.side === 'debit' ? p.amountFen : -p.amountFen);
  const first = mine.length ? mine.map((p) => p.date).sort()[0] : to;
  const start = from ?? (first <= to ? first : to);
  let balance = 0;
  for (const p of mine) if (p.date < start) balance += signed(p);
  const openingFen = balance;
  const inPeriod = mine
    .filter((p) => p.date >= start && p.date <= to)
    .sort((a, b) =>
      a.date !== b.date
        ? (a.date < b.date ? -1 : 1)
        : a.side !== b.side
          ? (a.side === 'debit' ? -1 : 1)
          : a.docNo !== b.docNo
            ? (a.docNo < b.docNo ? -1 : 1)
            : a.id < b.id ? -1 : 1,
    );
  const lines = inPeriod.map((p) => {
    balance += signed(p);
    return {
      date: p.date,
      docNo: p.docNo,
      kind: p.kind,
      memo: p.memo,
      debitFen: p.side === 'debit' ? p.amountFen : 0,
      creditFen: p.side === 'credit' ? p.amountFen : 0,
      balanceFen: balance,
    };
  });
  return { customer: { code: `C${customer}`, name: `客户${customer}` }, from: start, to, openingFen, lines, closingFen: balance };
}

describe('ledger --json', () => {
  it('equals an independent computation for random histories and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyPlanArb(16),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { freq: 3 }),
        fc.integer({ min: 0, max: 60 }),
        async (plan, seed, fromDay, span) => {
          const t = await tempRuntime();
          runs.push(t);
          const posted = await postAll(t, plan, seed);
          const from = fromDay === null ? null : dayDate(fromDay);
          const to = dayDate((fromDay ?? 0) + span);
          for (const customer of [0, 1]) {
            const args = ['ledger', '--db', t.dbFile, '--customer', `c${customer}`, '--to', to, '--json'];
            if (from !== null) args.push('--from', from);
            const r = await cli(...args);
            expect(r.code).toBe(0);
            const json = JSON.parse(r.stdout);
            expect(json).toEqual(expectedLedger(posted, customer, from, to));
            // Exactly the documented keys, in order, and exactly one side per line.
            expect(Object.keys(json)).toEqual(['customer', 'from', 'to', 'openingFen', 'lines', 'closingFen']);
            for (const line of json.lines) {
              expect(Object.keys(line)).toEqual(['date', 'docNo', 'kind', 'memo', 'debitFen', 'creditFen', 'balanceFen']);
              expect((line.debitFen > 0 ? 1 : 0) + (line.creditFen > 0 ? 1 : 0)).toBe(1);
            }
          }
          runs.splice(0).forEach((x) => x.cleanup());
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('defaults: from = first document date, to = today; unknown customer and bad dates exit 1', async () => {
    const t = await tempRuntime();
    runs.push(t);
    const c = await t.rt.invoke<CustomerDetail>('customers.create', { code: 'C0001', name: '重庆华东商贸有限公司' });
    await t.rt.invoke('ledger.postOpening', { customerId: c.id, date: '2025-12-31', amountFen: -5_000, memo: '预收' });
    await t.rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-01-05', amountFen: 12_000 });
    const r = await cli('ledger', '--db', t.dbFile, '--customer', 'C0001', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ from: '2025-12-31', to: localDateOf(new Date()), openingFen: 0, closingFen: 7_000 });
    expect(json.lines[0]).toEqual({ date: '2025-12-31', docNo: 'QC202512-0001', kind: 'opening', memo: '预收', debitFen: 0, creditFen: 5_000, balanceFen: -5_000 });
    expect((await cli('ledger', '--db', t.dbFile, '--customer', 'C9', '--json')).code).toBe(1);
    expect((await cli('ledger', '--db', t.dbFile, '--customer', 'C0001', '--from', '2026-13-01', '--json')).code).toBe(1);
    expect((await cli('ledger', '--db', t.dbFile, '--json')).code).toBe(2);
    const human = await cli('ledger', '--db', t.dbFile, '--customer', 'C0001');
    expect(human.stdout).toContain('期末余额');
  });
});
