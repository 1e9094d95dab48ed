/**
 * credit_limit: warning from 90 % of the limit, critical above 100 %, on the
 * balance as of D; boundaries to the fen; no limit or nothing owed, no alert.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, invoice, ofKind, receipt } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('credit_limit', () => {
  it('is a warning from exactly 90 % and critical above exactly 100 %', async () => {
    const c = await customer(t, 'C0101', { creditLimitFen: 1_000_000 });
    const severityAfter = async (postedFen: number) => {
      await invoice(t, c.id, '2026-11-20', postedFen, { dueOn: '2026-12-20' });
      return (await ofKind(t, 'credit_limit', '2026-11-24')).map((a) => [a.severity, a.amountFen]);
    };
    expect(await severityAfter(899_999)).toEqual([]); // 89.9999 %
    expect(await severityAfter(1)).toEqual([['warning', 900_000]]); // 90 %
    expect(await severityAfter(99_999)).toEqual([['warning', 999_999]]);
    expect(await severityAfter(1)).toEqual([['warning', 1_000_000]]); // at the limit is not over it
    expect(await severityAfter(1)).toEqual([['critical', 1_000_001]]);
    const [a] = await ofKind(t, 'credit_limit', '2026-11-24');
    expect(a.message).toBe('余额 ¥10,000.01，超出信用额度 ¥10,000.00，超出 ¥0.01');
    expect(a.facts).toMatchObject({ balanceFen: 1_000_001, limitFen: 1_000_000, percent: 100, overFen: 1 });
  });

  it('uses the balance as of D: before the invoice, or after a receipt, no alert', async () => {
    const c = await customer(t, 'C0102', { creditLimitFen: 100_000 });
    await invoice(t, c.id, '2026-11-10', 95_000, { dueOn: '2026-12-10' });
    await receipt(t, c.id, '2026-11-20', 50_000);
    expect(await ofKind(t, 'credit_limit', '2026-11-09')).toEqual([]);
    const [mid] = await ofKind(t, 'credit_limit', '2026-11-15');
    expect(mid).toMatchObject({ severity: 'warning', amountFen: 95_000 });
    expect(mid.message).toBe('余额 ¥950.00，已达信用额度 ¥1,000.00 的 95%');
    expect(await ofKind(t, 'credit_limit', '2026-11-24')).toEqual([]);
  });

  it('ignores customers without a limit and a limit of 0 with nothing owed', async () => {
    const none = await customer(t, 'C0103');
    const zero = await customer(t, 'C0104', { creditLimitFen: 0 });
    await invoice(t, none.id, '2026-11-10', 9_999_999, { dueOn: '2026-12-10' });
    expect(await ofKind(t, 'credit_limit', '2026-11-24')).toEqual([]);
    await invoice(t, zero.id, '2026-11-10', 100, { dueOn: '2026-12-10' });
    expect((await ofKind(t, 'credit_limit', '2026-11-24')).map((a) => [a.customerCode, a.severity])).toEqual([['C0104', 'critical']]);
  });
});
