import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentToBasisPoints, splitByPercents } from '../../../shared/contracts/installmentSplit';
import { contractNoMonthPrefix, contractNoSeq, formatContractNo } from '../../../shared/contracts/contractNo';
import { contractDisplayStatus, daysToEnd } from '../../../shared/contracts/status';

const amounts = (r: ReturnType<typeof splitByPercents>) => (r.ok ? r.amountsFen : null);

describe('installments by percentage', () => {
  it('30/70 of an odd amount adds up exactly; the extra fen goes to the larger remainder', () => {
    expect(amounts(splitByPercents(100_001, [30, 70]))).toEqual([30_000, 70_001]);
    expect(amounts(splitByPercents(1, [30, 70]))).toEqual([0, 1]);
    expect(amounts(splitByPercents(100, ['33.33', '33.33', '33.34']))).toEqual([33, 33, 34]);
    expect(amounts(splitByPercents(1_190_000, [30, 60, 10]))).toEqual([357_000, 714_000, 119_000]);
  });

  it('parts always sum to the amount and each is within one fen of its exact share', () => {
    const percentsArb = fc
      .array(fc.integer({ min: 1, max: 9_000 }), { minLength: 1, maxLength: 8 })
      .map((ws) => {
        // Scale arbitrary weights to basis points adding up to 10000 exactly.
        const sum = ws.reduce((a, b) => a + b, 0);
        const bps = ws.map((w) => Math.max(1, Math.floor((w * 10_000) / sum)));
        bps[bps.length - 1] += 10_000 - bps.reduce((a, b) => a + b, 0);
        return bps;
      })
      .filter((bps) => bps.every((b) => b > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), percentsArb, (total, bps) => {
        const r = splitByPercents(total, bps.map((b) => (b / 100).toFixed(2)));
        if (!r.ok) return false;
        const sum = r.amountsFen.reduce((a, b) => a + b, 0);
        const exactOk = r.amountsFen.every((part, i) => {
          const exact = (BigInt(total) * BigInt(bps[i])) / 10_000n;
          return BigInt(part) - exact >= 0n && BigInt(part) - exact <= 1n;
        });
        return sum === total && exactOk;
      }),
    );
  });

  it('refuses percentages that do not add up to 100, a zero, a negative or a third decimal', () => {
    expect(splitByPercents(100, [30, 60])).toEqual({ ok: false, problem: { index: null, message: '各期比例合计应为 100%，现在是 90%' } });
    expect(splitByPercents(100, [0, 100])).toMatchObject({ ok: false, problem: { index: 0 } });
    expect(splitByPercents(100, [-30, 130])).toMatchObject({ ok: false, problem: { index: 0 } });
    expect(splitByPercents(100, ['33.333', '66.667'])).toMatchObject({ ok: false, problem: { index: 0 } });
    expect(splitByPercents(100, [])).toMatchObject({ ok: false, problem: { index: null } });
    expect(percentToBasisPoints('１２.５')).toEqual({ ok: true, value: 1250 });
  });
});

describe('contract numbers and derived status', () => {
  it('numbers HT<yyyymm>-NNNN and reads the sequence back only from numbers of the series', () => {
    const prefix = contractNoMonthPrefix('2026-11-05');
    expect(prefix).toBe('HT202611-');
    expect(formatContractNo(prefix, 7)).toBe('HT202611-0007');
    expect(formatContractNo(prefix, 12_345)).toBe('HT202611-12345');
    expect(contractNoSeq('ht202611-0042', prefix)).toBe(42);
    expect(contractNoSeq('HT202611-0042-补', prefix)).toBeNull();
    expect(contractNoSeq('HT202612-0001', prefix)).toBeNull();
  });

  it('an active contract is expired from the day after its end date; other statuses are shown as stored', () => {
    expect(contractDisplayStatus('active', '2026-11-24', '2026-11-24')).toBe('active');
    expect(contractDisplayStatus('active', '2026-11-23', '2026-11-24')).toBe('expired');
    expect(contractDisplayStatus('active', null, '2026-11-24')).toBe('active');
    expect(contractDisplayStatus('completed', '2026-01-01', '2026-11-24')).toBe('completed');
    expect(contractDisplayStatus('draft', '2026-01-01', '2026-11-24')).toBe('draft');
    expect(daysToEnd('2026-12-24', '2026-11-24')).toBe(30);
    expect(daysToEnd(null, '2026-11-24')).toBeNull();
  });
});
