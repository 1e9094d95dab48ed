/**
 * Issue 14: the customer layer (重点/普通/潜在) filters the aging report as
 * the grade does, today and as of a past date, and the totals follow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { post, report } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const make = (code: string, layer: 'key' | 'ordinary' | 'potential' | null) =>
  t.rt.invoke<CustomerDetail>('customers.create', { code, name: `分层测试${code}有限公司`, layer, paymentTermDays: 30 });

describe('aging by customer layer', () => {
  it('lists only the customers of the chosen layers, at any date', async () => {
    const key = await make('L001', 'key');
    const ordinary = await make('L002', 'ordinary');
    const none = await make('L003', null);
    await post(t, 'ledger.postInvoice', { customerId: key.id, date: '2026-09-01', amountFen: 100_00 });
    await post(t, 'ledger.postInvoice', { customerId: ordinary.id, date: '2026-09-02', amountFen: 200_00 });
    await post(t, 'ledger.postInvoice', { customerId: none.id, date: '2026-09-03', amountFen: 400_00 });

    const all = await report(t, {});
    expect(all.rows.map((r) => r.code).sort()).toEqual(['L001', 'L002', 'L003']);

    const keyOnly = await report(t, { layer: ['key'] });
    expect(keyOnly.rows.map((r) => r.code)).toEqual(['L001']);
    expect(keyOnly.rows[0].balanceFen).toBe(100_00);

    const two = await report(t, { layer: ['key', 'ordinary'], asOf: '2026-10-31' });
    expect(two.rows.map((r) => r.code).sort()).toEqual(['L001', 'L002']);
    expect(two.rows.reduce((s, r) => s + r.balanceFen, 0)).toBe(300_00);
  });

  it('refuses a layer that does not exist, naming the field', async () => {
    const r = await t.rt.call('aging.report', { layer: ['vip'] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('layer.0');
      expect(r.error.message).toContain('客户分层');
    }
  });
});
