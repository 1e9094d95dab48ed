import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail, InstallmentSplit } from '../../../shared/api/contracts';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { count, create, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;
beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
});
afterEach(() => t.cleanup());

/** Nothing of a refused contract reached the database: no rows, no audit row. */
function expectNothingWritten(): void {
  expect(count(t, 'contracts')).toBe(0);
  expect(count(t, 'contract_lines')).toBe(0);
  expect(count(t, 'contract_installments')).toBe(0);
  expect(t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'contract'`).get()).toEqual({ n: 0 });
}

describe('bad contract input is refused with the field named, and nothing is written', () => {
  it('installments that do not add up to the contract amount', async () => {
    const r = await t.rt.call(
      'contracts.create',
      salesContract(s, {
        installments: [
          { label: '预付款', dueOn: '2026-11-25', amount: '3570' },
          { label: '到货款', dueOn: '2026-12-31', amount: '8329.99' },
        ],
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'installments' } });
    if (!r.ok) expect(r.error.message).toContain('少 ¥0.01');
    expectNothingWritten();
  });

  it('an installment schedule on a contract worth nothing', async () => {
    const r = await t.rt.call('contracts.create', salesContract(s, { lines: [], installments: [{ dueOn: '2026-12-01', amount: '100' }] }));
    expect(r).toMatchObject({ ok: false, error: { field: 'installments' } });
    expectNothingWritten();
  });

  it('a 30/70 split of an odd amount adds up exactly, and is accepted as the schedule', async () => {
    const split = await t.rt.invoke<InstallmentSplit>('contracts.splitInstallments', { amountFen: 100_001, percents: [30, 70] });
    expect(split.amountsFen).toEqual([30_000, 70_001]);
    const thirds = await t.rt.invoke<InstallmentSplit>('contracts.splitInstallments', { amountFen: 33_333, percents: ['33.33', '33.33', '33.34'] });
    expect(thirds.amountsFen.reduce((a, b) => a + b, 0)).toBe(33_333);
    const c = await create(
      t,
      salesContract(s, {
        lines: [{ description: '钢筋加工费', qty: '1', unitPrice: '1000.01' }],
        installments: split.amounts.map((amount, i) => ({ label: i ? '到货款' : '预付款', dueOn: '2026-12-01', amount })),
      }),
    );
    expect(c.installmentsTotalFen).toBe(c.amountFen);
    expect(await t.rt.call('contracts.splitInstallments', { amountFen: 100, percents: [30, 60] })).toMatchObject({
      ok: false,
      error: { field: 'percents' },
    });
    expect(await t.rt.call('contracts.splitInstallments', { amountFen: 100, percents: [30, '70.001'] })).toMatchObject({
      ok: false,
      error: { field: 'percents.1' },
    });
  });

  it('an end date before the start date', async () => {
    const r = await t.rt.call('contracts.create', salesContract(s, { startsOn: '2026-12-01', endsOn: '2026-11-30' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'endsOn' } });
    expectNothingWritten();
    const c = await create(t, salesContract(s));
    expect(await t.rt.call('contracts.update', { id: c.id, endsOn: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'endsOn' } });
    expect(await t.rt.call('contracts.update', { id: c.id, signedOn: '2026-02-30' })).toMatchObject({ ok: false, error: { field: 'signedOn' } });
  });

  it('a zero or negative quantity, a price with three decimals, a line without a name', async () => {
    const line = (over: Record<string, unknown>) => salesContract(s, { lines: [{ productId: s.rebar.id, qty: '1', unitPrice: '10', ...over }] });
    const zero = await t.rt.call('contracts.create', line({ qty: '0' }));
    expect(zero).toMatchObject({ ok: false, error: { code: 'validation', field: 'lines.0.qty' } });
    if (!zero.ok) expect(zero.error.message).toContain('数量必须大于 0');
    expect(await t.rt.call('contracts.create', line({ qty: '-2' }))).toMatchObject({ ok: false, error: { field: 'lines.0.qty' } });
    expect(await t.rt.call('contracts.create', line({ qty: 1.0005 }))).toMatchObject({ ok: false, error: { field: 'lines.0.qty' } });
    const price = await t.rt.call('contracts.create', line({ unitPrice: '12.345' }));
    expect(price).toMatchObject({ ok: false, error: { code: 'validation', field: 'lines.0.unitPrice' } });
    if (!price.ok) expect(price.error.message).toContain('两位小数');
    expect(await t.rt.call('contracts.create', line({ unitPrice: '-1' }))).toMatchObject({ ok: false, error: { field: 'lines.0.unitPrice' } });
    expect(await t.rt.call('contracts.create', line({ productId: null, description: '' }))).toMatchObject({
      ok: false,
      error: { field: 'lines.0.description' },
    });
    expectNothingWritten();
  });

  it('a typed amount on a contract with lines or on a sales contract; an unknown customer or product; a number in use', async () => {
    expect(await t.rt.call('contracts.create', salesContract(s, { amount: '99' }))).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(await t.rt.call('contracts.create', salesContract(s, { lines: [], amount: '99' }))).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(await t.rt.call('contracts.create', salesContract(s, { customerId: '01NOSUCHCUSTOMER' }))).toMatchObject({
      ok: false,
      error: { field: 'customerId' },
    });
    expect(
      await t.rt.call('contracts.create', salesContract(s, { lines: [{ productId: '01NOSUCHPRODUCT', qty: '1', unitPrice: '1' }] })),
    ).toMatchObject({ ok: false, error: { field: 'lines.0.productId' } });
    expectNothingWritten();
    await create(t, salesContract(s, { contractNo: 'ht-2026-007' }));
    expect(await t.rt.call('contracts.create', salesContract(s, { contractNo: 'HT-2026-007' }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'contractNo' },
    });
  });

  it('an archived customer gets no new contract; an archived product stays on a line but is not chosen anew', async () => {
    const c = await create(t, salesContract(s));
    await t.rt.invoke('products.archive', { id: s.rebar.id, reason: '停产' });
    const kept = await t.rt.invoke<ContractDetail>('contracts.update', {
      id: c.id,
      lines: c.lines.map((l) => ({ id: l.id, productId: l.productId, qty: '1', unitPrice: '10' })),
    });
    expect(kept.lines[0].productCode).toBe('P001');
    expect(await t.rt.call('contracts.create', salesContract(s))).toMatchObject({ ok: false, error: { field: 'lines.0.productId' } });
    const other = await t.rt.invoke<{ id: string }>('customers.create', { code: 'C0009', name: '已关闭的客户' });
    await t.rt.invoke('customers.archive', { id: other.id, reason: '停止合作' });
    expect(await t.rt.call('contracts.create', salesContract(s, { customerId: other.id, lines: [] }))).toMatchObject({
      ok: false,
      error: { field: 'customerId' },
    });
  });
});
