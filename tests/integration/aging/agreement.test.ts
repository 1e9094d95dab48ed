/**
 * "Numbers on the dashboard, the aging report, the ledger and the CLI always
 * agree": one history (receipts, a prepayment, a voided receipt, a write-off,
 * salespeople, a contract about to expire), then the same totals asserted
 * everywhere — today and as of earlier dates — and the collection and DSO
 * figures against sums of the ledger's own document list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { AgingReport } from '../../../shared/api/aging';
import type { ContractDetail, ContractListRow } from '../../../shared/api/contracts';
import type { Page } from '../../../shared/api/customers';
import type { Dashboard } from '../../../shared/api/dashboard';
import type { CustomerArSummary, CustomerLedger, DocumentPage } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, report, sum, TODAY } from './helpers';

let t: TempRuntime;
let ids: string[] = [];
const day = (offset: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await tempRuntime();
  const a = await customer(t, 'C0001', { name: '重庆华东商贸有限公司', salesperson: '王海', paymentTermDays: 30 });
  const b = await customer(t, 'C0002', { name: '北京恒通建材有限公司', salesperson: '李娜', paymentTermDays: 60 });
  const c = await customer(t, 'C0003', { name: '杭州佳美超市', salesperson: '王海', paymentTermDays: 0 });
  const d = await customer(t, 'C0004', { name: '成都预付客户', salesperson: '' });
  ids = [a.id, b.id, c.id, d.id];
  // Fourteen months of shipments and receipts for A and B.
  for (let m = 0; m < 14; m++) {
    const date = day(-420 + m * 30);
    await post(t, 'ledger.postInvoice', { customerId: a.id, date, amountFen: 1_000_000 + m * 1_000 });
    await post(t, 'ledger.postInvoice', { customerId: b.id, date: day(-415 + m * 30), amountFen: 600_000 });
    if (m < 12) await post(t, 'ledger.postReceipt', { customerId: a.id, date: day(-400 + m * 30), amountFen: 900_000 });
    if (m % 2 === 0) await post(t, 'ledger.postReceipt', { customerId: b.id, date: day(-390 + m * 30), amountFen: 1_100_000 });
  }
  // A receipt this month, and one last month that was voided (bounced) a week later.
  await post(t, 'ledger.postReceipt', { customerId: a.id, date: day(-3), amountFen: 250_000 });
  const bounced = await post(t, 'ledger.postReceipt', { customerId: b.id, date: day(-35), amountFen: 300_000 });
  await post(t, 'ledger.void', { docId: bounced.document.id, date: day(-28), reason: '银行退票' });
  // C: an old invoice partly written off; D: a prepayment.
  const old = await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-500), amountFen: 80_000 });
  await post(t, 'ledger.postWriteOff', { debitId: old.document.id, date: day(-20), amountFen: 30_000, memo: '客户停业，经批准核销' });
  await post(t, 'ledger.postOpening', { customerId: d.id, date: day(-100), amountFen: -45_000 });
  // Contracts: one ends in 10 days, one in 40.
  for (const [no, ends] of [['HT-SOON', day(10)], ['HT-LATER', day(40)]] as const) {
    const k = await t.rt.invoke<ContractDetail>('contracts.create', {
      contractNo: no,
      customerId: a.id,
      title: '供货合同',
      kind: 'sales',
      signedOn: day(-60),
      startsOn: day(-60),
      endsOn: ends,
      lines: [{ description: '螺纹钢', qty: '1', unitPrice: '1000' }],
    });
    await t.rt.invoke('contracts.activate', { id: k.id });
  }
});
afterAll(() => t.cleanup());

/** The CLI in-process on the same file (its own connection, as a script would have). */
async function cliTotals(asOf: string) {
  const out: string[] = [];
  const code = await runCli(['aging', '--db', t.dbFile, '--as-of', asOf, '--json'], { out: (x) => out.push(x), err: () => undefined }, {});
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as { totals: { balanceFen: number; unappliedFen: number; bucketsFen: number[] }; customers: { code: string; balanceFen: number }[] };
}

const summaries = () => Promise.all(ids.map((id) => t.rt.invoke<CustomerArSummary>('ledger.summary', { customerId: id })));
const ledgerClosing = async (to: string) => sum(await Promise.all(ids.map(async (id) => (await t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId: id, to })).closingFen)));

async function documents(kind: string, from: string, to: string) {
  return (await t.rt.invoke<DocumentPage>('ledger.documents', { kinds: [kind], from, to, limit: 1000 })).rows;
}
/** Receipts or invoices dated in [from, to] that no void dated by `asOf` reverses. */
async function flow(kind: string, from: string, to: string, asOf: string) {
  return sum((await documents(kind, from, to)).filter((d) => d.voidedOn === null || d.voidedOn > asOf).map((d) => d.amountFen));
}

describe('dashboard, aging, ledger and CLI agree', () => {
  it('today: receivables, overdue, unapplied, buckets, top debtors, by salesperson', async () => {
    const dash = await t.rt.invoke<Dashboard>('dashboard.get', {});
    const aging = await report(t, {});
    const s = await summaries();
    const cli = await cliTotals(TODAY);

    expect(dash.asOf).toBe(TODAY);
    expect(dash.receivablesFen).toBe(aging.totals.balanceFen);
    expect(dash.receivablesFen).toBe(sum(s.map((x) => x.balanceFen)));
    expect(dash.receivablesFen).toBe(await ledgerClosing(TODAY));
    expect(dash.receivablesFen).toBe(cli.totals.balanceFen);

    expect(dash.overdueFen).toBe(aging.totals.overdueFen);
    expect(dash.overdueFen).toBe(sum(s.map((x) => x.overdueFen)));
    expect(dash.overdueFen).toBeGreaterThan(0);
    expect(dash.overdueShare).toBeCloseTo(dash.overdueFen / dash.openFen, 10);
    expect(dash.unappliedFen).toBe(aging.totals.unappliedFen);
    expect(dash.unappliedFen).toBe(sum(s.map((x) => x.unappliedFen)));
    expect(dash.unappliedFen).toBe(45_000);
    expect(dash.openFen).toBe(sum(s.map((x) => x.openDebitFen)));
    expect(dash.bucketsFen).toEqual(aging.totals.bucketsFen);
    expect(dash.bucketsFen).toEqual(cli.totals.bucketsFen);
    expect(cli.totals.unappliedFen).toBe(aging.totals.unappliedFen);

    // Top debtors: the report's rows by balance; each one's balance is its ledger summary's.
    expect(dash.topDebtors.map((d) => d.code)).toEqual(aging.rows.filter((r) => r.balanceFen > 0).map((r) => r.code));
    for (const d of dash.topDebtors) expect(d.balanceFen).toBe(s[ids.indexOf(d.customerId)].balanceFen);
    // By salesperson: adds up to the whole; 王海 has A and C.
    expect(sum(dash.bySalesperson.map((g) => g.balanceFen))).toBe(dash.receivablesFen);
    expect(sum(dash.bySalesperson.map((g) => g.overdueFen))).toBe(dash.overdueFen);
    const wang = dash.bySalesperson.find((g) => g.salesperson === '王海');
    expect(wang?.balanceFen).toBe(s[0].balanceFen + s[2].balanceFen);
    expect(dash.bySalesperson.at(-1)?.salesperson).toBe('');
    // The overdue figure opens the report of the customers it counts.
    const overdue = await report(t, { overdueOnly: true });
    expect(overdue.total).toBe(dash.overdueCustomers);
    expect(overdue.totals.overdueFen).toBe(dash.overdueFen);
    expect(overdue.rows.every((r) => r.overdueFen > 0)).toBe(true);
  });

  it('as of earlier dates: the report, the dashboard, the CLI and the ledger closing balance agree', async () => {
    for (const asOf of [day(-1), day(-29), day(-30), day(-200), day(-421)]) {
      const aging = await report(t, { asOf });
      const dash = await t.rt.invoke<Dashboard>('dashboard.get', { asOf });
      const closing = await ledgerClosing(asOf);
      expect(aging.totals.balanceFen, asOf).toBe(closing);
      expect(dash.receivablesFen, asOf).toBe(closing);
      expect(dash.bucketsFen, asOf).toEqual(aging.totals.bucketsFen);
      expect((await cliTotals(asOf)).totals.balanceFen, asOf).toBe(closing);
    }
  });

  it('collections (receipts only, voided ones excluded by date) and DSO from the ledger’s documents', async () => {
    const dash = await t.rt.invoke<Dashboard>('dashboard.get', {});
    const { thisMonth, lastMonth, months } = dash.collections;
    expect(thisMonth).toMatchObject({ month: '2026-11', from: '2026-11-01', to: TODAY });
    expect(lastMonth).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    expect(thisMonth.receivedFen).toBe(await flow('receipt', '2026-11-01', TODAY, TODAY));
    expect(lastMonth.receivedFen).toBe(await flow('receipt', '2026-10-01', '2026-10-31', TODAY));
    // The bounced receipt of 2026-10-20 is not collected money.
    expect(lastMonth.receivedFen).toBe(sum((await documents('receipt', '2026-10-01', '2026-10-31')).map((d) => d.amountFen)) - 300_000);
    expect(months).toHaveLength(12);
    expect(months[0].month).toBe('2025-12');
    for (const m of months) expect(m.receivedFen, m.month).toBe(await flow('receipt', m.from, m.to, TODAY));

    // DSO = balance ÷ invoices of the trailing 90 days × 90, now and at each of the last 12 month-ends.
    const points = [dash.dso.current, ...dash.dso.trend];
    expect(dash.dso.trend).toHaveLength(12);
    expect(dash.dso.trend[11].date).toBe('2026-10-31');
    expect(dash.dso.trend[0].date).toBe('2025-11-30');
    for (const p of points) {
      const from = new Date(Date.parse(`${p.date}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
      expect(p.balanceFen, p.date).toBe(await ledgerClosing(p.date));
      expect(p.invoicedFen, p.date).toBe(await flow('invoice', from, p.date, p.date));
      expect(p.days, p.date).toBe(p.invoicedFen > 0 ? Math.round((p.balanceFen / p.invoicedFen) * 900) / 10 : null);
    }
  });

  it('contracts expiring within 30 days are those the contract list shows for the same filter', async () => {
    const dash = await t.rt.invoke<Dashboard>('dashboard.get', {});
    const list = await t.rt.invoke<Page<ContractListRow>>('contracts.list', { endsWithinDays: 30 });
    expect(dash.expiringContracts.map((k) => k.contractNo)).toEqual(['HT-SOON']);
    expect(dash.expiringContracts.map((k) => k.id)).toEqual(list.rows.map((k) => k.id));
    expect(dash.expiringContracts[0]).toMatchObject({ daysToEnd: 10, customerCode: 'C0001', amountFen: 100_000 });
    expect(dash.expiringContractsTotal).toBe(1);
  });

  it('every report row equals the ledger summary of its customer', async () => {
    const aging: AgingReport = await report(t, {});
    const s = await summaries();
    for (const r of aging.rows) {
      const summary = s[ids.indexOf(r.customerId)];
      expect({ balance: r.balanceFen, open: sum(r.bucketsFen), unapplied: r.unappliedFen, overdue: r.overdueFen }).toEqual({
        balance: summary.balanceFen,
        open: summary.openDebitFen,
        unapplied: summary.unappliedFen,
        overdue: summary.overdueFen,
      });
    }
  });
});
