/**
 * 只看我的 for each role (issue 16 point 8): "mine" is the customers whose
 * 业务员 is the logged-in user's display name — for the boss and a clerk
 * the customers they look after themselves, for a salesperson all of the
 * scope. Customers without a 业务员 belong to nobody's list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertList, CollectionList } from '../../../shared/api/alerts';
import type { Role } from '../../../shared/auth/roles';
import { call, officeWithUsers, type Office } from '../roles/helpers';
import { day } from './helpers';

let o: Office;
const byOwner: Record<string, string> = {};

beforeAll(async () => {
  o = await officeWithUsers();
  const owners = ['王老板', 'clerk-name', 'salesperson-name', 'salesperson-name', ''];
  for (const [i, salesperson] of owners.entries()) {
    const c = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: `M00${i}`, name: `我的客户${i}有限公司`, salesperson, paymentTermDays: 0 });
    await call(o.rt, o.as('boss'), 'ledger.postInvoice', { customerId: c.id, date: day(-10 - i), amountFen: 10_000 * (i + 1), override: { reason: '测试' } });
    byOwner[c.id] = salesperson;
  }
}, 60_000);
afterAll(() => o.cleanup());

const list = (role: Role, mine: boolean) => call<CollectionList>(o.rt, o.as(role), 'collection.today', { mine });
const alerts = (role: Role, mine: boolean) => call<AlertList>(o.rt, o.as(role), 'alerts.list', { mine });

describe('只看我的 by role', () => {
  it.each([
    ['boss', '王老板', 5],
    ['clerk', 'clerk-name', 5],
    ['salesperson', 'salesperson-name', 2],
  ] as const)('%s sees only the customers assigned to its name', async (role, name, visible) => {
    expect((await list(role, false)).total).toBe(visible);
    const mine = await list(role, true);
    const expected = Object.entries(byOwner).filter(([, s]) => s === name).map(([id]) => id);
    expect(mine.rows.map((r) => r.customerId).sort()).toEqual(expected.sort());
    expect(mine.overdueCustomers).toBe(expected.length);
    const mineAlerts = (await alerts(role, true)).alerts;
    expect(mineAlerts.length).toBeGreaterThan(0);
    expect(mineAlerts.every((a) => byOwner[a.customerId] === name)).toBe(true);
    expect(new Set(mineAlerts.filter((a) => a.kind === 'overdue').map((a) => a.customerId))).toEqual(new Set(expected));
  });
});
