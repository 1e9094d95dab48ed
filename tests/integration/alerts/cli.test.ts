/**
 * `alerts --db PATH --as-of DATE [--all] --json`: the documented shape (the
 * nine keys in order, null where not applicable; "state" only with --all)
 * and the values, against computations written here without the service's
 * code: a hand-computed scenario with one alert of every kind, and random
 * ledgers whose overdue, credit-limit and churn alerts are recomputed by an
 * independent FIFO replay of invoices and receipts.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CustomerDetail } from '../../../shared/api/customers';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { activeContract, customer, interaction, invoice, receipt } from './helpers';

const runs: TempRuntime[] = [];
afterEach(() => runs.splice(0).forEach((t) => t.cleanup()));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const KEYS = ['kind', 'key', 'severity', 'customerCode', 'contractNo', 'docNo', 'amountFen', 'days', 'message'];

describe('alerts --json, one of every kind', () => {
  it('prints exactly the documented fields and values', async () => {
    const t = await tempRuntime();
    runs.push(t);
    const D = '2026-11-25';
    // C2001: ¥1,200.00 due 2026-08-01 (116 days late on D: critical), limit ¥1,000.00 (over), last invoice 116 days ago (churn).
    const a = await customer(t, 'C2001', { creditLimitFen: 100_000 });
    await invoice(t, a.id, '2026-08-01', 120_000, { docNo: 'I-A1' });
    // C2002: a contract ending in 20 days with an installment due in 3 days; a broken promise; a follow-up due today.
    const b = await customer(t, 'C2002');
    const k = await activeContract(t, b.id, { contractNo: 'HT-B', endsOn: '2026-12-15', amount: '500.00', installments: [{ dueOn: '2026-11-28', amount: '500.00', label: '首付' }] });
    await invoice(t, b.id, '2026-11-20', 10_000, { dueOn: '2026-11-30', docNo: 'I-B1' });
    const promise = await interaction(t, b.id, '2026-11-10', { summary: '答应付款', promiseDate: '2026-11-20', promiseAmountFen: 30_000 });
    await receipt(t, b.id, '2026-11-18', 10_000);
    const follow = await interaction(t, b.id, '2026-11-21', { summary: '再催', nextFollowUp: D });
    // C2003: a terminated contract with ¥80.00 open.
    const c = await customer(t, 'C2003');
    const ended = await activeContract(t, c.id, { contractNo: 'HT-C', endsOn: '2027-12-31', amount: '80.00' });
    await invoice(t, c.id, '2026-11-01', 8_000, { dueOn: '2026-12-31', contractId: ended.id, docNo: 'I-C1' });
    await t.rt.invoke('contracts.terminate', { id: ended.id, reason: '客户违约' });
    // A snoozed one for --all: C2003's contract alert, until 11-30.
    await t.rt.invoke('alerts.snooze', { key: `contract_ended_with_balance:${ended.id}`, until: '2026-11-30', note: '等对方回复' });
    t.rt.close();

    const r = await cli('alerts', '--db', t.dbFile, '--as-of', D, '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const item of list) expect(Object.keys(item)).toEqual(KEYS);
    const [inst] = k.installments;
    expect(list).toEqual([
      { kind: 'overdue', key: `overdue:${a.id}`, severity: 'critical', customerCode: 'C2001', contractNo: null, docNo: null, amountFen: 120_000, days: 116, message: '逾期 1 笔，合计 ¥1,200.00，最长逾期 116 天' },
      { kind: 'credit_limit', key: `credit_limit:${a.id}`, severity: 'critical', customerCode: 'C2001', contractNo: null, docNo: null, amountFen: 120_000, days: null, message: '余额 ¥1,200.00，超出信用额度 ¥1,000.00，超出 ¥200.00' },
      { kind: 'installment_due', key: `installment_due:${inst.id}`, severity: 'info', customerCode: 'C2002', contractNo: 'HT-B', docNo: null, amountFen: 50_000, days: 3, message: '合同 HT-B 第 1 期（首付） ¥500.00 将于 2026-11-28 到期（3 天后），未收 ¥500.00' },
      { kind: 'contract_expiring', key: `contract_expiring:${k.id}`, severity: 'info', customerCode: 'C2002', contractNo: 'HT-B', docNo: null, amountFen: null, days: 20, message: '合同 HT-B 将于 2026-12-15 到期（20 天后）' },
      { kind: 'follow_up_due', key: `follow_up_due:${follow.id}`, severity: 'info', customerCode: 'C2002', contractNo: null, docNo: null, amountFen: null, days: 0, message: '约定今天跟进（上次往来 2026-11-21：再催）' },
      { kind: 'promise_broken', key: `promise_broken:${promise.id}`, severity: 'critical', customerCode: 'C2002', contractNo: null, docNo: null, amountFen: 20_000, days: 5, message: '承诺 2026-11-20 前付款 ¥300.00，期间只收到 ¥100.00，差 ¥200.00' },
      { kind: 'churn', key: `churn:${a.id}`, severity: 'info', customerCode: 'C2001', contractNo: null, docNo: null, amountFen: null, days: 116, message: '已 116 天没有发货（最近一张应收单 2026-08-01）' },
    ]);

    const all = await cli('alerts', '--db', t.dbFile, '--as-of', D, '--all', '--json');
    const withState = JSON.parse(all.stdout) as Record<string, unknown>[];
    for (const item of withState) expect(Object.keys(item)).toEqual([...KEYS, 'state']);
    expect(withState.map((x) => [x.kind, x.state])).toEqual([
      ['overdue', 'active'],
      ['credit_limit', 'active'],
      ['installment_due', 'active'],
      ['contract_expiring', 'active'],
      ['contract_ended_with_balance', 'snoozed'],
      ['follow_up_due', 'active'],
      ['promise_broken', 'active'],
      ['churn', 'active'],
    ]);
    expect(withState[4]).toMatchObject({ customerCode: 'C2003', contractNo: 'HT-C', amountFen: 8_000, days: null, message: '合同 HT-C 已终止，仍有 ¥80.00 未收' });
    // On the snooze date it is active again.
    const later = JSON.parse((await cli('alerts', '--db', t.dbFile, '--as-of', '2026-11-30', '--json')).stdout) as { kind: string }[];
    expect(later.some((x) => x.kind === 'contract_ended_with_balance')).toBe(true);
  });

  it('refuses a bad date as a usage error and prints a readable table without --json', async () => {
    const t = await tempRuntime();
    runs.push(t);
    const a = await customer(t, 'C2101');
    await invoice(t, a.id, '2026-10-01', 12_345, { dueOn: '2026-10-31' });
    t.rt.close();
    expect((await cli('alerts', '--db', t.dbFile, '--as-of', '2026-02-30', '--json')).code).toBe(2);
    expect((await cli('alerts', '--db', t.dbFile, '--bogus', 'x')).code).toBe(2);
    const text = await cli('alerts', '--db', t.dbFile, '--as-of', '2026-11-24');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('预警 2026-11-24：1 条');
    expect(text.stdout).toContain('overdue\tinfo\tC2101\t\t\t123.45\t24\t逾期 1 笔，合计 ¥123.45，最长逾期 24 天');
  });
});

// ---------------------------------------------------------------- random ledgers

interface Entry {
  kind: 'invoice' | 'receipt';
  date: string;
  dueOn: string;
  amountFen: number;
  docNo: string;
  /** Voided on this date (a void reverses it from then on; before, it counts). */
  voidOn: string | null;
}

const BASE = Date.UTC(2026, 0, 1);
const date = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

/**
 * §4 replay of invoices and receipts only, written from the rule text: in
 * order (date; debit before credit; number), an invoice is first paid by
 * unapplied receipts (oldest first); a receipt pays open invoices earliest
 * due first (then date, then number); the rest waits.
 */
function openAsOf(entries: Entry[], asOf: string): { open: { dueOn: string; fen: number }[]; balance: number; lastInvoice: string | null } {
  // A void dated ≤ D removes its original (and, netting to zero, the pair leaves the balance alone).
  const live = entries.filter((e) => e.date <= asOf && (e.voidOn === null || e.voidOn > asOf));
  live.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.kind !== y.kind ? (x.kind === 'invoice' ? -1 : 1) : x.docNo < y.docNo ? -1 : 1));
  const open: { dueOn: string; date: string; no: string; fen: number }[] = [];
  const credits: number[] = [];
  let balance = 0;
  let lastInvoice: string | null = null;
  for (const e of live) {
    if (e.kind === 'invoice') {
      balance += e.amountFen;
      lastInvoice = e.date;
      let fen = e.amountFen;
      while (fen > 0 && credits.length) {
        const pay = Math.min(fen, credits[0]);
        fen -= pay;
        credits[0] -= pay;
        if (credits[0] === 0) credits.shift();
      }
      open.push({ dueOn: e.dueOn, date: e.date, no: e.docNo, fen });
    } else {
      balance -= e.amountFen;
      let fen = e.amountFen;
      const byDue = open
        .filter((o) => o.fen > 0)
        .sort((x, y) => (x.dueOn !== y.dueOn ? (x.dueOn < y.dueOn ? -1 : 1) : x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.no < y.no ? -1 : 1));
      for (const o of byDue) {
        const pay = Math.min(fen, o.fen);
        o.fen -= pay;
        fen -= pay;
      }
      if (fen > 0) credits.push(fen);
    }
  }
  return { open: open.filter((o) => o.fen > 0), balance, lastInvoice };
}

const entryArb = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  /** One entry in three is a receipt, so most histories leave something open. */
  receipt: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
  day: fc.integer({ min: 0, max: 320 }),
  term: fc.integer({ min: 0, max: 60 }),
  amount: fc.integer({ min: 1, max: 500_000 }),
  /** Voided this many days after its date (crossing D or not), or never. */
  voidAfter: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 4 }),
});

describe('alerts --json on random ledgers', () => {
  it('overdue, credit_limit and churn match an independent replay', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 4, maxLength: 20 }), fc.integer({ min: 60, max: 420 }), async (raw, asOfDay) => {
        const t = await tempRuntime();
        runs.push(t);
        const limits = [200_000, null, 1_000_000];
        const customers: CustomerDetail[] = [];
        for (let i = 0; i < 3; i++) customers.push(await customer(t, `R${i}`, { creditLimitFen: limits[i] }));
        const entries: Entry[][] = [[], [], []];
        let n = 0;
        for (const e of raw) {
          const docNo = `X${String(n++).padStart(3, '0')}`;
          const d = date(e.day);
          const c = customers[e.customer];
          const voidOn = e.voidAfter === null ? null : date(e.day + e.voidAfter);
          let id: string;
          if (e.receipt) {
            id = (await t.rt.invoke<{ document: { id: string } }>('ledger.postReceipt', { customerId: c.id, date: d, amountFen: e.amount, docNo })).document.id;
            entries[e.customer].push({ kind: 'receipt', date: d, dueOn: d, amountFen: e.amount, docNo, voidOn });
          } else {
            const dueOn = date(e.day + e.term);
            id = (await invoice(t, c.id, d, e.amount, { dueOn, docNo })).document.id;
            entries[e.customer].push({ kind: 'invoice', date: d, dueOn, amountFen: e.amount, docNo, voidOn });
          }
          if (voidOn !== null) await t.rt.invoke('ledger.void', { docId: id, date: voidOn, reason: '录入错误' });
        }
        t.rt.close();
        const asOf = date(asOfDay);
        const r = await cli('alerts', '--db', t.dbFile, '--as-of', asOf, '--json');
        expect(r.code).toBe(0);
        const got = (JSON.parse(r.stdout) as Record<string, unknown>[]).filter((a) => ['overdue', 'credit_limit', 'churn'].includes(String(a.kind)));

        const expected: Record<string, unknown>[] = [];
        const per = customers.map((c, i) => ({ c, i, s: openAsOf(entries[i], asOf) }));
        const byCode = (x: { c: CustomerDetail }, y: { c: CustomerDetail }) => (x.c.code < y.c.code ? -1 : 1);
        const rank = { info: 0, warning: 1, critical: 2 } as const;
        const sortKind = (list: Record<string, unknown>[]) =>
          list.sort(
            (x, y) =>
              rank[y.severity as keyof typeof rank] - rank[x.severity as keyof typeof rank] ||
              ((y.amountFen as number | null) ?? -1) - ((x.amountFen as number | null) ?? -1) ||
              (String(x.customerCode) < String(y.customerCode) ? -1 : 1),
          );
        const overdue: Record<string, unknown>[] = [];
        for (const { c, s } of per.sort(byCode)) {
          const late = s.open.filter((o) => o.dueOn < asOf);
          if (!late.length) continue;
          const total = late.reduce((sum, o) => sum + o.fen, 0);
          const oldest = Math.max(...late.map((o) => daysBetween(asOf, o.dueOn)));
          overdue.push({ kind: 'overdue', customerCode: c.code, severity: oldest > 90 ? 'critical' : oldest > 30 ? 'warning' : 'info', amountFen: total, days: oldest, contractNo: null, docNo: null });
        }
        const credit: Record<string, unknown>[] = [];
        for (const { c, i, s } of per) {
          const limit = limits[i];
          if (limit === null || s.balance <= 0) continue;
          const severity = s.balance * 100 > limit * 100 ? 'critical' : s.balance * 100 >= limit * 90 ? 'warning' : null;
          if (severity) credit.push({ kind: 'credit_limit', customerCode: c.code, severity, amountFen: s.balance, days: null });
        }
        const churn: Record<string, unknown>[] = [];
        for (const { c, s } of per) {
          if (s.lastInvoice !== null && daysBetween(asOf, s.lastInvoice) >= 90) {
            churn.push({ kind: 'churn', customerCode: c.code, severity: 'info', amountFen: null, days: daysBetween(asOf, s.lastInvoice) });
          }
        }
        expected.push(...sortKind(overdue), ...sortKind(credit), ...sortKind(churn));
        expect(got.map((a) => ({ ...a, key: undefined, message: undefined }))).toEqual(
          expected.map((e) => ({ contractNo: null, docNo: null, ...e, key: undefined, message: undefined })),
        );
        t.cleanup();
      }),
      { numRuns: 20, seed: 7 },
    );
  }, 240_000);
});
