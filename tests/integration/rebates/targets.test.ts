/** Targets and policies: bad input refused with a Chinese message and nothing saved; progress figures; the obligation. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RebateListPage, RebateObligation, RebateSheet } from '../../../shared/api/rebates';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { annualContract, count, customer, invoice, progress, rebateRuntime, refusal, saveTarget } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  ({ t } = await rebateRuntime('2026-06-30'));
});
afterEach(() => t.cleanup());

async function setup() {
  const c = await customer(t, 'C0001');
  const k = await annualContract(t, c.id);
  return { c, k };
}

describe('bad input', () => {
  it.each([
    ['tiers out of order', { tiers: '100%:2%;80%:1%' }, 'tiers', '档位顺序不正确'],
    ['overlapping tiers', { tiers: '80%:1%;80%:2%' }, 'tiers', '档位重叠'],
    ['a rate over 100%', { tiers: '80%:101%' }, 'tiers', '超过 100%'],
    ['a target of zero', { target: '0' }, 'target', '目标金额必须大于 0'],
    ['fixed amounts in banded mode', { mode: 'banded', tiers: '100%:¥5,000' }, 'tiers', '固定金额只用于全额累进'],
    ['an on-time rate over 100%', { onTimeRate: '120%' }, 'onTimeRate', '不能超过 100%'],
    ['tier text that is not a pair', { tiers: '80%' }, 'tiers', '格式不正确'],
    ['a period ending before it starts', { periodFrom: '2026-06-01', periodTo: '2026-05-31' }, 'periodTo', '期间止不能早于期间起'],
    ['a period outside the contract term', { periodFrom: '2025-12-01', periodTo: '2026-03-31' }, 'periodFrom', '期间必须在合同期内'],
    ['a period after the contract term', { periodFrom: '2026-10-01', periodTo: '2027-03-31' }, 'periodTo', '期间必须在合同期内'],
  ])('%s', async (_name, over, field, text) => {
    const { k } = await setup();
    const before = [count(t, 'rebate_targets'), count(t, 'audit_log')];
    const err = await refusal(t, 'rebates.saveTarget', { contractId: k.id, periodFrom: '2026-01-01', periodTo: '2026-12-31', target: '1000000', tiers: '80%:1%;100%:2%', ...over });
    expect(err.code).toBe('validation');
    expect(err.field).toBe(field);
    expect(err.message).toContain(text);
    expect([count(t, 'rebate_targets'), count(t, 'audit_log')]).toEqual(before);
  });

  it('overlapping periods on one contract are refused; a settled target cannot be edited or removed', async () => {
    const { c, k } = await setup();
    const q1 = await saveTarget(t, { contractId: k.id, periodKind: 'quarter', periodFrom: '2026-01-01', periodTo: '2026-03-31', target: '100000', tiers: '100%:2%' });
    const clash = await refusal(t, 'rebates.saveTarget', { contractId: k.id, periodFrom: '2026-03-01', periodTo: '2026-05-31', target: '1', tiers: '100%:1%' });
    expect(clash.message).toContain('重叠');
    await invoice(t, c.id, k.id, '2026-02-01', 10_000_000);
    await t.rt.invoke('rebates.settle', { targetId: q1.id });
    const edit = await refusal(t, 'rebates.saveTarget', { id: q1.id, contractId: k.id, periodFrom: '2026-01-01', periodTo: '2026-03-31', target: '50000', tiers: '100%:2%' });
    expect(edit).toMatchObject({ code: 'conflict' });
    expect((await refusal(t, 'rebates.removeTarget', { id: q1.id })).code).toBe('conflict');
  });
});

describe('progress', () => {
  it('base to date, attainment, tier, projection and the gap to the next tier in money', async () => {
    const { c, k } = await setup();
    const target = await saveTarget(t, { contractId: k.id, periodKind: 'year', periodFrom: '2026-01-01', periodTo: '2026-12-31', target: '1,000,000', tiers: '80%:1%;100%:2%;120%:3%', onTimeRate: '0.5%' });
    expect(target.tiersText).toBe('80%:1%;100%:2%;120%:3%');
    const inv = await invoice(t, c.id, k.id, '2026-02-01', 50_000_000, '2026-03-01');
    await invoice(t, c.id, k.id, '2026-05-01', 38_800_000);
    // Receipts: one on time, one late; a rebate credit note never lowers the base.
    await t.rt.invoke('ledger.postReceipt', { customerId: c.id, date: '2026-02-20', amountFen: 20_000_000, allocations: [{ debitId: inv.document.id, amountFen: 20_000_000 }] });
    await t.rt.invoke('ledger.postReceipt', { customerId: c.id, date: '2026-04-01', amountFen: 10_000_000, allocations: [{ debitId: inv.document.id, amountFen: 10_000_000 }] });
    await t.rt.invoke('ledger.postCreditNote', { customerId: c.id, date: '2026-06-01', amountFen: 1_000_000, noteType: 'rebate' });
    // A return outside the period changes nothing; one inside lowers the base.
    await t.rt.invoke('ledger.postCreditNote', { customerId: c.id, date: '2026-06-10', amountFen: 800_000, noteType: 'return', allocations: [{ debitId: inv.document.id, amountFen: 800_000 }] });
    const [row] = await progress(t, k.id, '2026-06-30');
    // 50,000,000 + 38,800,000 − 800,000 = 88,000,000: 88% → the 80% tier (1%), plus 0.5% of the 200,000.00 paid on time.
    expect(row).toMatchObject({ baseFen: 88_000_000, attainmentPpm: 880_000, tierIndex: 0, tierThresholdPpm: 800_000, earnedFen: 880_000 + 100_000, status: 'running' });
    expect(row.next).toEqual({ tierIndex: 1, attainmentPpm: 1_000_000, gapFen: 12_000_000, payout: '2%' });
    // 181 of 365 days: projected 88,000,000 × 365 / 181.
    expect(row.projectedBaseFen).toBe(Math.floor((88_000_000 * 365) / 181));
    const sheet = await t.rt.invoke<RebateSheet>('rebates.sheet', { targetId: target.id, asOf: '2026-06-30' });
    expect(sheet.parts).toEqual({ invoicedFen: 88_800_000, returnsFen: 800_000, collectedFen: 30_000_000, collectedOnTimeFen: 20_000_000 });
    expect(sheet.settleBlocked).toContain('尚未结束');
    // As of a date before the second invoice.
    const [early] = await progress(t, k.id, '2026-03-01');
    expect(early).toMatchObject({ baseFen: 50_000_000, tierIndex: null, earnedFen: 100_000 });
  });

  it('a document voided after the as-of date still counts as of before its void', async () => {
    const { c, k } = await setup();
    await saveTarget(t, { contractId: k.id, periodFrom: '2026-01-01', periodTo: '2026-12-31', basis: 'collections', target: '100000', tiers: '50%:1%' });
    const inv = await invoice(t, c.id, k.id, '2026-02-01', 10_000_000);
    const r = await t.rt.invoke<{ document: { id: string } }>('ledger.postReceipt', { customerId: c.id, date: '2026-03-01', amountFen: 6_000_000, allocations: [{ debitId: inv.document.id, amountFen: 6_000_000 }] });
    await t.rt.invoke('ledger.void', { docId: r.document.id, date: '2026-05-01', reason: '退票' });
    expect((await progress(t, k.id, '2026-04-30'))[0]).toMatchObject({ baseFen: 6_000_000, earnedFen: 60_000 });
    expect((await progress(t, k.id, '2026-05-01'))[0]).toMatchObject({ baseFen: 0, earnedFen: 0 });
  });

  it('the list for all customers and the obligation the boss carries (earned, not settled)', async () => {
    const a = await setup();
    const b2 = await customer(t, 'C0002');
    const kb = await annualContract(t, b2.id);
    const ta = await saveTarget(t, { contractId: a.k.id, periodFrom: '2026-01-01', periodTo: '2026-03-31', target: '100000', tiers: '100%:2%' });
    await saveTarget(t, { contractId: kb.id, periodFrom: '2026-01-01', periodTo: '2026-12-31', target: '100000', tiers: '100%:¥5,000' });
    await invoice(t, a.c.id, a.k.id, '2026-02-01', 10_000_000);
    await invoice(t, b2.id, kb.id, '2026-02-01', 12_000_000);
    let page = await t.rt.invoke<RebateListPage>('rebates.list', {});
    expect(page.rows.map((r) => [r.customer.code, r.status, r.earnedFen])).toEqual([
      ['C0001', 'due', 200_000],
      ['C0002', 'running', 500_000],
    ]);
    expect(page.totals.earnedNotSettledFen).toBe(700_000);
    expect(await t.rt.invoke<RebateObligation>('rebates.obligation', {})).toMatchObject({ earnedNotSettledFen: 700_000, count: 2 });
    await t.rt.invoke('rebates.settle', { targetId: ta.id });
    expect(await t.rt.invoke<RebateObligation>('rebates.obligation', {})).toMatchObject({ earnedNotSettledFen: 500_000, count: 1 });
    page = await t.rt.invoke<RebateListPage>('rebates.list', { status: 'due' });
    expect(page.total).toBe(0);
    page = await t.rt.invoke<RebateListPage>('rebates.list', { search: 'c0002' });
    expect(page.rows.map((r) => r.customer.code)).toEqual(['C0002']);
  });
});
