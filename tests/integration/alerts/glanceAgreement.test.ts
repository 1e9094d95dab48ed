/**
 * Issue 16 points 7–8 on generated data (the small demo set): every count a
 * dashboard tile shows equals the rows of the screen the tile opens, checked
 * against an independent reading (each customer's own ledger summary), and
 * "只看我的" keeps exactly the acting user's customers on the alert page and
 * on 今日催收 — the same customers the aging report's 业务员 filter shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import type { AgingReport } from '../../../shared/api/aging';
import type { AlertList, CollectionList } from '../../../shared/api/alerts';
import type { Dashboard } from '../../../shared/api/dashboard';
import type { CustomerArSummary } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { day } from './helpers';

/** The acting user is one of the demo's 业务员 (no users yet: the acting name is the OS user's). */
const ME = '王海';
let t: TempRuntime;
let owner: Map<string, string>;

beforeAll(async () => {
  t = await tempRuntime({ user: ME });
  await generateDemo(t.rt, { size: 'small', seed: 16 });
  const rows = t.rt.database().sqlite.prepare('SELECT id, salesperson FROM customers').all() as { id: string; salesperson: string }[];
  owner = new Map(rows.map((r) => [r.id, r.salesperson]));
}, 120_000);
afterAll(() => t.cleanup());

const collection = (asOf: string, mine = false, show: 'all' | 'overdue' | 'promise' = 'all') =>
  t.rt.invoke<CollectionList>('collection.today', { asOf, limit: 10_000, mine, show });
const alerts = (asOf: string, mine = false) => t.rt.invoke<AlertList>('alerts.list', { asOf, mine });
const overdueReport = (asOf: string, salesperson = '') => t.rt.invoke<AgingReport>('aging.report', { asOf, overdueOnly: true, salesperson });

/** Customers with something overdue, read customer by customer from the ledger summary (not the code under test). */
async function overdueFromSummaries(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const id of owner.keys()) {
    const s = await t.rt.invoke<CustomerArSummary>('ledger.summary', { customerId: id });
    if (s.overdueFen > 0) out.add(id);
  }
  return out;
}

describe('dashboard tiles count the rows of the screens they open', () => {
  it('today: overdue customers = the overdue filter = 今日催收 overdue rows = the ledger summaries', async () => {
    const asOf = day(0);
    const dash = await t.rt.invoke<Dashboard>('dashboard.get', { asOf });
    const list = await collection(asOf);
    const report = await overdueReport(asOf);
    const oracle = await overdueFromSummaries();

    expect(oracle.size).toBeGreaterThan(5);
    expect(dash.overdueCustomers).toBe(oracle.size);
    // The 逾期 card opens the aging report filtered to overdue customers.
    expect(report.total).toBe(dash.overdueCustomers);
    expect(new Set(report.rows.map((r) => r.customerId))).toEqual(oracle);
    // The 今日催收 tile says list.total customers; the list shows that many rows, split as it says.
    expect(list.rows).toHaveLength(list.total);
    const overdueRows = list.rows.filter((r) => r.overdueFen > 0);
    expect(new Set(overdueRows.map((r) => r.customerId))).toEqual(oracle);
    expect(list.overdueCustomers).toBe(dash.overdueCustomers);
    expect(list.overdueFen).toBe(dash.overdueFen);
    // Broken promises: the rest of the list, each marked as such.
    const brokenOnly = list.rows.filter((r) => r.overdueFen === 0);
    expect(brokenOnly.every((r) => r.group === 'broken')).toBe(true);
    expect(list.brokenPromiseCustomers).toBe(brokenOnly.length);

    // The tile's split opens the list showing exactly those rows, ranked as on the whole list.
    const overduePart = await collection(asOf, false, 'overdue');
    expect(overduePart.total).toBe(dash.overdueCustomers);
    expect(overduePart.rows.map((r) => [r.customerId, r.rank])).toEqual(overdueRows.map((r) => [r.customerId, r.rank]));
    const promisePart = await collection(asOf, false, 'promise');
    expect(promisePart.total).toBe(list.brokenPromiseCustomers);
    expect(promisePart.rows.map((r) => r.customerId)).toEqual(brokenOnly.map((r) => r.customerId));
    // Both parts report the split of the whole list.
    expect([overduePart.overdueCustomers, overduePart.brokenPromiseCustomers]).toEqual([list.overdueCustomers, list.brokenPromiseCustomers]);

    // Page by page (as the list scrolls) gives the same rows as one read.
    const pages: string[] = [];
    for (let offset = 0; offset < list.total; offset += 7) {
      const page = await t.rt.invoke<CollectionList>('collection.today', { asOf, offset, limit: 7 });
      expect(page.total).toBe(list.total);
      pages.push(...page.rows.map((r) => r.customerId));
    }
    expect(pages).toEqual(list.rows.map((r) => r.customerId));
  }, 60_000);

  it('as of earlier dates the same counts agree', async () => {
    for (const asOf of [day(-31), day(-90)]) {
      const dash = await t.rt.invoke<Dashboard>('dashboard.get', { asOf });
      const list = await collection(asOf);
      const report = await overdueReport(asOf);
      expect(report.total, asOf).toBe(dash.overdueCustomers);
      expect(list.rows, asOf).toHaveLength(list.total);
      expect(list.rows.filter((r) => r.overdueFen > 0).length, asOf).toBe(dash.overdueCustomers);
      expect(list.rows.filter((r) => r.overdueFen === 0).length, asOf).toBe(list.brokenPromiseCustomers);
    }
  }, 60_000);
});

describe('只看我的', () => {
  it('今日催收 keeps exactly my customers, in the same order, with counts of them alone', async () => {
    const asOf = day(0);
    const all = await collection(asOf);
    const mine = await collection(asOf, true);
    const expected = all.rows.filter((r) => owner.get(r.customerId) === ME);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.rows.length);
    expect(mine.rows.map((r) => r.customerId)).toEqual(expected.map((r) => r.customerId));
    expect(mine.rows.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1));
    expect(mine.total).toBe(expected.length);
    expect(mine.overdueFen).toBe(expected.reduce((a, r) => a + r.overdueFen, 0));
    // The same customers the aging report shows for my name with the overdue filter.
    const report = await overdueReport(asOf, ME);
    expect(mine.overdueCustomers).toBe(report.total);
  });

  it('the alert page keeps exactly the alerts of my customers', async () => {
    const asOf = day(0);
    const all = (await alerts(asOf)).alerts;
    const mine = (await alerts(asOf, true)).alerts;
    const expected = all.filter((a) => owner.get(a.customerId) === ME);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(mine.map((a) => a.key)).toEqual(expected.map((a) => a.key));
  });
});
