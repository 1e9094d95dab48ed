/**
 * The scope's views themselves (db/scope.ts), below every service: under a
 * salesperson's scope each customer-bearing table shows exactly the rows of
 * that salesperson's customers — none of another's, none of their own
 * missing — whichever form its view takes (the subquery, or the join from
 * the scope's customers used for the tables read one customer at a time).
 * Services often join customers too, which hides a leaking view from the
 * API-level property test; this checks each view on its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyCustomerScope, PER_CUSTOMER_TABLES } from '../../../db/scope';
import { call, officeWithUsers, type Office } from './helpers';

const offices: Office[] = [];
afterAll(() => offices.forEach((o) => o.cleanup()));

describe('salesperson scope views', () => {
  it("every customer table shows exactly the own customers' rows", async () => {
    const o = await officeWithUsers();
    offices.push(o);
    const boss = o.as('boss');
    for (const [code, salesperson] of [['V001', '甲业务员'], ['V002', '乙业务员'], ['V003', '甲业务员'], ['V004', '']] as const) {
      const c = await call<{ id: string }>(o.rt, boss, 'customers.create', { code, name: `视图客户${code}`, salesperson });
      await call(o.rt, boss, 'contacts.create', { customerId: c.id, name: `联系人${code}`, mobile: '13800000000' });
      await call(o.rt, boss, 'interactions.create', { customerId: c.id, date: '2026-11-20', channel: 'T', summary: `致电${code}` });
      await call(o.rt, boss, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 1_000_00 });
    }
    const sqlite = o.rt.database().sqlite;
    const mine = new Set(sqlite.prepare(`SELECT id FROM customers WHERE salesperson = '甲业务员'`).pluck(true).all() as string[]);
    const tablesWithRows = ['contacts', 'interactions', 'ar_documents', 'ar_customer_state', 'customers'];
    const rowsOf = (table: string): string[] => {
      const key = table === 'customers' ? 'id' : 'customer_id';
      const hasKey = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck(true).all() as string[]).includes(key);
      return hasKey ? (sqlite.prepare(`SELECT ${key} FROM ${table}`).pluck(true).all() as string[]) : [];
    };
    const expected = new Map(PER_CUSTOMER_TABLES.map((t) => [t, rowsOf(t).filter((id) => mine.has(id))]));
    const remove = applyCustomerScope(o.rt.database(), '甲业务员');
    try {
      for (const t of PER_CUSTOMER_TABLES) expect({ t, rows: rowsOf(t).sort() }).toEqual({ t, rows: [...expected.get(t)!].sort() });
    } finally {
      remove();
    }
    // Some tables did hold rows of both salespersons (else the check proved nothing).
    for (const t of tablesWithRows) expect(expected.get(t)!.length).toBeGreaterThan(0);
    for (const t of tablesWithRows) expect(rowsOf(t).length).toBeGreaterThan(expected.get(t)!.length);
  });

  it('a one-customer read of contacts or interactions does not build the whole scope first', async () => {
    // As "customer_id IN (subquery)" each such read listed the salesperson's customers again: the collection list's
    // 500 rows cost 160 ms more under the scope than for the boss on the large set.
    const o = await officeWithUsers();
    offices.push(o);
    const sqlite = o.rt.database().sqlite;
    const remove = applyCustomerScope(o.rt.database(), '甲业务员');
    try {
      for (const sql of [
        `SELECT name, mobile, phone FROM contacts WHERE customer_id = 'C' ORDER BY is_primary DESC, created_at, id LIMIT 1`,
        `SELECT date, channel, summary FROM interactions WHERE customer_id = 'C' AND date <= '2026-12-07' ORDER BY date DESC, created_at DESC, id DESC LIMIT 1`,
      ]) {
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
        expect(plan).toMatch(/SEARCH main\.customers USING INDEX sqlite_autoindex_customers_1 \(id=\?\)/);
        expect(plan).not.toMatch(/LIST SUBQUERY/);
      }
    } finally {
      remove();
    }
  });
});
