/**
 * contracts.totals, the list's footer: the count and summed amount of every
 * contract the filter matches, all pages together, agreeing with the list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractFilter, ContractListRow, ContractTotals } from '../../../shared/api/contracts';
import type { Page } from '../../../shared/api/customers';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { create, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;

beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
  for (const [no, endsOn, activate] of [
    ['HT202611-0001', '2026-12-04', true],
    ['HT202611-0002', '2027-06-30', true],
    ['HT202611-0003', '2026-12-01', false],
  ] as const) {
    const c = await create(t, salesContract(s, { contractNo: no, endsOn }));
    if (activate) await t.rt.invoke('contracts.activate', { id: c.id });
  }
});
afterEach(() => t.cleanup());

const totals = (f: ContractFilter) => t.rt.invoke<ContractTotals>('contracts.totals', f);
const listed = (f: ContractFilter) => t.rt.invoke<Page<ContractListRow>>('contracts.list', { ...f, limit: 1 });

describe('contracts.totals', () => {
  it('counts and sums every matching contract, not just one page', async () => {
    const all = await t.rt.invoke<Page<ContractListRow>>('contracts.list', {});
    const sum = all.rows.reduce((n, r) => n + r.amountFen, 0);
    expect(await totals({})).toEqual({ count: 3, amountFen: sum });
    expect(sum).toBeGreaterThan(0);
  });

  it('applies the same filter as the list', async () => {
    for (const f of [{ endsWithinDays: 30 }, { status: ['draft' as const] }, { search: 'HT202611-0002' }, { search: 'no such thing' }]) {
      const page = await listed(f);
      const r = await totals(f);
      expect(r.count).toBe(page.total);
    }
    expect((await totals({ endsWithinDays: 30 })).count).toBe(1);
    expect(await totals({ search: 'no such thing' })).toEqual({ count: 0, amountFen: 0 });
  });
});
