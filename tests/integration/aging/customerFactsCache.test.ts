/**
 * Issue 17 point 1: the aging report keeps every customer's facts (code,
 * name, grade, kind, region, salesperson, sort key) per connection until the
 * customers table changes (electron/services/aging/customerFactsCache.ts).
 * After every kind of change — an edit through the API, a new customer, a
 * write through this connection that bypasses the services (as a sync apply
 * or a repair would), a commit by another connection to the same file (another
 * PC's change arriving, an import in another process), a customer merge, a
 * write rolled back, a report read inside a write transaction that rolls
 * back, an edit while the TEMP objects were dropped (temp_store changed), a
 * customer deleted outright — the
 * report's rows carry exactly the facts the customers table holds then, read
 * here straight from the file over a third connection (no cache), and the rows
 * sort by name in pinyin order of the current names.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgingReport, AgingRow } from '../../../shared/api/aging';
import { AppRuntime } from '../../../electron/api/runtime';
import { agingReport } from '../../../electron/services/aging/report';
import { agingReportSchema } from '../../../shared/api/aging';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, report } from './helpers';

let t: TempRuntime;
let other: AppRuntime;
const ids: string[] = [];

beforeAll(async () => {
  t = await tempRuntime();
  other = await AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'other', device: 'other-pc' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  for (const [i, code] of ['F001', 'F002', 'F003'].entries()) {
    const c = await customer(t, code, { name: ['北京甲', '上海乙', '广州丙'][i] + '有限公司', grade: 'A', region: '华东', salesperson: '张三' });
    ids.push(c.id);
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 10_000 * (i + 1), override: { reason: '测试' } });
  }
}, 60_000);
afterAll(() => {
  other.close();
  t.cleanup();
});

/** A report row's customer facts, as the customers table holds them. */
interface Facts extends Pick<AgingRow, 'code' | 'name' | 'grade' | 'kind' | 'region' | 'salesperson'> {
  id: string;
  sortKey: string;
}

/** The customers table as it is in the file now, over a connection of its own. */
function tableFacts(): Map<string, Facts> {
  const db = new Database(t.dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, code, name, grade, kind, region, salesperson, sort_key AS sortKey FROM customers').all() as Facts[];
    return new Map(rows.map((r) => [r.id, r]));
  } finally {
    db.close();
  }
}

/** The report's rows hold the table's facts, and sorting by name follows the current sort keys. */
async function expectCurrentFacts(label: string): Promise<void> {
  const table = tableFacts();
  const rows = (await report(t, { limit: null })).rows;
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const f = table.get(r.customerId);
    expect({ label, row: { code: r.code, name: r.name, grade: r.grade, kind: r.kind, region: r.region, salesperson: r.salesperson } }).toEqual({
      label,
      row: f && { code: f.code, name: f.name, grade: f.grade, kind: f.kind, region: f.region, salesperson: f.salesperson },
    });
  }
  const byName = (await t.rt.invoke<AgingReport>('aging.report', { limit: null, sort: { column: 'name', direction: 'asc' } })).rows.map((r) => r.customerId);
  const expected = [...byName].sort((a, b) => {
    const ka = table.get(a)!.sortKey;
    const kb = table.get(b)!.sortKey;
    return ka !== kb ? (ka < kb ? -1 : 1) : table.get(a)!.code < table.get(b)!.code ? -1 : 1;
  });
  expect({ label, byName }).toEqual({ label, byName: expected });
}

describe('the customer facts the aging report keeps', () => {
  it('follow every kind of change to the customers table', async () => {
    await expectCurrentFacts('start');
    // Read twice unchanged: the kept list serves the second read (nothing to see; it must still be right).
    await expectCurrentFacts('unchanged');

    await t.rt.invoke('customers.update', { id: ids[0], name: '重庆丁有限公司', grade: 'B', region: '西南', salesperson: '李四', kind: 'retail' });
    await expectCurrentFacts('an edit through the API');

    await t.rt.invoke('customers.update', { id: ids[1], code: 'F102' });
    await expectCurrentFacts('a new code');

    const added = await customer(t, 'F004', { name: '安徽戊有限公司' });
    await post(t, 'ledger.postInvoice', { customerId: added.id, date: '2026-11-01', amountFen: 5_000, override: { reason: '测试' } });
    ids.push(added.id);
    await expectCurrentFacts('a new customer');

    t.rt.database().sqlite.prepare(`UPDATE customers SET name = '天津己有限公司', sort_key = 'tianjin', region = '华北' WHERE id = ?`).run(ids[2]);
    await expectCurrentFacts('a write through this connection outside the services');

    await other.invoke('customers.update', { id: ids[3], name: '澳门庚有限公司', salesperson: '王五' });
    await expectCurrentFacts('a commit by another connection');

    await t.rt.invoke('sync.mergeCustomer', { fromId: ids[3], intoId: ids[0] });
    await expectCurrentFacts('a customer merge');

    // A write rolled back: its customer is read again, and holds the old facts.
    const sqlite = t.rt.database().sqlite;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare(`UPDATE customers SET name = '撤销辛有限公司' WHERE id = ?`).run(ids[1]);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await expectCurrentFacts('a write rolled back');

    // A report read inside a write transaction that then rolls back sees the uncommitted name, and
    // nothing of it stays kept for the reads after the rollback.
    const ctx = t.rt.context();
    const inside = () => agingReport(ctx, agingReportSchema.parse({ limit: null })).rows.find((r) => r.customerId === ids[1])?.name;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare(`UPDATE customers SET name = '未提交壬有限公司' WHERE id = ?`).run(ids[1]);
        expect(inside()).toBe('未提交壬有限公司');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await expectCurrentFacts('a report inside a write transaction rolled back');
    expect(inside()).not.toBe('未提交壬有限公司');

    // TEMP objects dropped (changing temp_store does that, whoever changes it): an edit
    // made while the watching triggers are gone is still seen.
    const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
    sqlite.pragma(`temp_store = ${tempStore === 2 ? 1 : 2}`);
    await t.rt.invoke('customers.update', { id: ids[1], name: '临时癸有限公司' });
    await expectCurrentFacts('an edit while the TEMP triggers were dropped');
    sqlite.pragma(`temp_store = ${tempStore}`);
    await t.rt.invoke('customers.update', { id: ids[1], name: '临时子有限公司' });
    await expectCurrentFacts('an edit after they were dropped again');

    // A customer deleted outright (no API does that to a customer with documents; a repair might).
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('DELETE FROM customers WHERE id = ?').run(ids[2]);
    sqlite.pragma('foreign_keys = ON');
    expect((await report(t, { limit: null })).rows.some((r) => r.customerId === ids[2])).toBe(false);
    await expectCurrentFacts('a customer deleted');
  });
});
