import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail, InstallmentSplit } from '../../../shared/api/contracts';
import type { HistoryEntryDto } from '../../../shared/api/history';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { auditRows, count, create, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;
beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
});
afterEach(() => t.cleanup());

describe('contract lifecycle', () => {
  it('creates a draft numbered from the signing month, with line amounts, sum and a 30/70 schedule, and one audit row', async () => {
    const split = await t.rt.invoke<InstallmentSplit>('contracts.splitInstallments', { amountFen: 1_190_000, percents: [30, 70] });
    expect(split).toEqual({ amountsFen: [357_000, 833_000], amounts: ['3570.00', '8330.00'] });
    const c = await create(
      t,
      salesContract(s, {
        installments: [
          { label: '预付款', dueOn: '2026-11-25', amount: split.amounts[0] },
          { label: '到货款', dueOn: '2026-12-31', amount: split.amounts[1] },
        ],
      }),
    );
    expect(c).toMatchObject({
      contractNo: 'HT202611-0001',
      status: 'draft',
      displayStatus: 'draft',
      customerCode: 'C0001',
      amountFen: 1_190_000,
      amountManual: false,
      installmentsTotalFen: 1_190_000,
      contractNoEditable: true,
      daysToEnd: 127,
    });
    // Description, spec and unit come from the product when left empty.
    expect(c.lines.map((l) => [l.seq, l.productCode, l.description, l.spec, l.unit, l.qtyThousandths, l.unitPriceFen, l.amountFen])).toEqual([
      [1, 'P001', '螺纹钢', 'HRB400 Φ12', '吨', 2000, 415_000, 830_000],
      [2, 'P002', '水泥', 'P.O 42.5', '吨', 12_000, 30_000, 360_000],
    ]);
    expect(c.installments.map((i) => [i.seq, i.label, i.amountFen])).toEqual([
      [1, '预付款', 357_000],
      [2, '到货款', 833_000],
    ]);
    const audit = auditRows(t, c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'contract', action: 'create', user: 'tester', before: null });
    expect(JSON.parse(audit[0].after ?? '{}')).toMatchObject({ contractNo: 'HT202611-0001', amountFen: 1_190_000, lines: [{ seq: 1 }, { seq: 2 }] });
    expect((await t.rt.invoke<{ contractNo: string }>('contracts.nextNo', { signedOn: '2026-11-03' })).contractNo).toBe('HT202611-0002');
    expect((await t.rt.invoke<{ contractNo: string }>('contracts.nextNo', {})).contractNo).toBe('HT202611-0002');
    expect((await t.rt.invoke<{ contractNo: string }>('contracts.nextNo', { signedOn: '2026-12-01' })).contractNo).toBe('HT202612-0001');
  });

  it('rounds each line half up to the fen, once per line', async () => {
    const c = await create(
      t,
      salesContract(s, {
        lines: [
          { description: '扎丝', qty: '3', unitPrice: '0.35' }, // 1.05 yuan exactly
          { description: '垫块', qty: '1.5', unitPrice: '0.05' }, // 7.5 fen -> 8
          { description: '焊条', qty: '0.333', unitPrice: '1.50' }, // 49.95 fen -> 50
          { description: '铁钉', qty: '0.001', unitPrice: '4.99' }, // 0.499 fen -> 0
        ],
      }),
    );
    expect(c.lines.map((l) => l.amountFen)).toEqual([105, 8, 50, 0]);
    expect(c.amountFen).toBe(163);
  });

  it('edits a draft (audited with the line diff), activates, and keeps what was agreed locked while active', async () => {
    const c = await create(t, salesContract(s));
    const edited = await t.rt.invoke<ContractDetail>('contracts.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      lines: [{ id: c.lines[0].id, productId: s.rebar.id, qty: '3', unitPrice: '4150' }],
    });
    expect(edited.lines).toHaveLength(1);
    expect(edited.lines[0].id).toBe(c.lines[0].id);
    expect(edited.amountFen).toBe(1_245_000);
    const update = auditRows(t, c.id).find((r) => r.action === 'update');
    expect(JSON.parse(update?.before ?? '{}').lines).toHaveLength(2);
    expect(JSON.parse(update?.after ?? '{}')).toMatchObject({ amountFen: 1_245_000, lines: [{ qtyThousandths: 3000 }] });

    const active = await t.rt.invoke<ContractDetail>('contracts.activate', { id: c.id });
    expect(active).toMatchObject({ status: 'active', displayStatus: 'active', contractNoEditable: false });
    expect(active.activatedAt).not.toBeNull();

    // Header text may change while active, audited.
    const noted = await t.rt.invoke<ContractDetail>('contracts.update', { id: c.id, notes: '客户要求分两批送货', rebateTerms: '年度满 100 吨返 1%' });
    expect(noted.notes).toBe('客户要求分两批送货');

    const auditBefore = auditRows(t, c.id).length;
    const locked = await t.rt.call('contracts.update', { id: c.id, lines: [{ productId: s.rebar.id, qty: '5', unitPrice: '4150' }] });
    expect(locked).toMatchObject({ ok: false, error: { code: 'conflict', field: 'lines' } });
    if (!locked.ok) expect(locked.error.message).toContain('退回草稿');
    const moved = await t.rt.call('contracts.update', { id: c.id, endsOn: '2027-06-30' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'conflict', field: 'endsOn' } });
    expect(auditRows(t, c.id)).toHaveLength(auditBefore);
    expect((await t.rt.invoke<ContractDetail>('contracts.get', { id: c.id })).amountFen).toBe(1_245_000);

    // Saving the unchanged form of an active contract is not a change at all.
    const same = await t.rt.invoke<ContractDetail>('contracts.update', {
      id: c.id,
      lines: active.lines.map((l) => ({ id: l.id, productId: l.productId, qty: '3', unitPrice: '4150' })),
      endsOn: active.endsOn,
    });
    expect(same.updatedAt).toBe(noted.updatedAt);
    expect(auditRows(t, c.id)).toHaveLength(auditBefore);
  });

  it('reopens with a reason, edits, activates again; the number stays fixed after the first activation', async () => {
    const c = await create(t, salesContract(s));
    await t.rt.invoke('contracts.activate', { id: c.id });
    expect(await t.rt.call('contracts.reopen', { id: c.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } });

    const reopened = await t.rt.invoke<ContractDetail>('contracts.reopen', { id: c.id, reason: '客户追加 1 吨螺纹钢，签了补充协议' });
    expect(reopened).toMatchObject({ status: 'draft', reopenReason: '客户追加 1 吨螺纹钢，签了补充协议', contractNoEditable: false });
    const renumber = await t.rt.call('contracts.update', { id: c.id, contractNo: 'HT202611-0099' });
    expect(renumber).toMatchObject({ ok: false, error: { code: 'conflict', field: 'contractNo' } });

    await t.rt.invoke('contracts.update', {
      id: c.id,
      lines: [...reopened.lines.map((l) => ({ id: l.id, productId: l.productId, qty: l.seq === 1 ? '3' : '12', unitPrice: l.seq === 1 ? '4150' : '300' }))],
    });
    const again = await t.rt.invoke<ContractDetail>('contracts.activate', { id: c.id });
    expect(again).toMatchObject({ status: 'active', amountFen: 1_605_000, activatedAt: reopened.activatedAt });

    const history = await t.rt.invoke<HistoryEntryDto[]>('contracts.history', { id: c.id });
    expect(history.map((h) => h.action)).toEqual(['activate', 'update', 'reopen', 'activate', 'create']);
    const reopen = history.find((h) => h.action === 'reopen');
    expect(reopen?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'active', after: 'draft' },
        { field: 'reason', before: null, after: '客户追加 1 吨螺纹钢，签了补充协议' },
      ]),
    );
    expect(history.find((h) => h.action === 'update')?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['amountFen', 'lines']));
  });

  it('completes an active contract; terminates a draft or an active one with a reason; refuses other moves', async () => {
    const a = await create(t, salesContract(s));
    expect(await t.rt.call('contracts.complete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } });
    await t.rt.invoke('contracts.activate', { id: a.id });
    const done = await t.rt.invoke<ContractDetail>('contracts.complete', { id: a.id });
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect(await t.rt.call('contracts.terminate', { id: a.id, reason: '不再执行' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.rt.call('contracts.reopen', { id: a.id, reason: '改单价' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A completed contract keeps its notes editable, nothing else.
    expect((await t.rt.invoke<ContractDetail>('contracts.update', { id: a.id, notes: '已结清' })).notes).toBe('已结清');
    expect(await t.rt.call('contracts.update', { id: a.id, title: '改名' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'title' } });

    const b = await create(t, salesContract(s));
    expect(await t.rt.call('contracts.terminate', { id: b.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } });
    const ended = await t.rt.invoke<ContractDetail>('contracts.terminate', { id: b.id, reason: '客户取消订单' });
    expect(ended).toMatchObject({ status: 'terminated', terminatedReason: '客户取消订单' });
    expect(await t.rt.call('contracts.activate', { id: b.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const actions = auditRows(t).filter((r) => r.entity === 'contract').map((r) => r.action);
    expect(actions).toEqual(['create', 'activate', 'complete', 'update', 'create', 'terminate']);
    const terminate = auditRows(t, b.id).find((r) => r.action === 'terminate');
    expect(JSON.parse(terminate?.after ?? '{}')).toMatchObject({ status: 'terminated', reason: '客户取消订单' });
  });

  it('activation needs a signing date, a line on a sales contract, and an unarchived customer', async () => {
    const unsigned = await create(t, salesContract(s, { signedOn: null }));
    expect(await t.rt.call('contracts.activate', { id: unsigned.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'signedOn' } });
    const empty = await create(t, salesContract(s, { lines: [] }));
    expect(await t.rt.call('contracts.activate', { id: empty.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'lines' } });
    // A framework agreement may be in force without lines, with its amount typed by hand.
    const framework = await create(t, salesContract(s, { kind: 'framework', lines: [], amount: '500,000.00' }));
    expect(framework).toMatchObject({ amountFen: 50_000_000, amountManual: true });
    expect((await t.rt.invoke<ContractDetail>('contracts.activate', { id: framework.id })).status).toBe('active');
    expect(count(t, 'contracts')).toBe(3);
  });

  it('two PCs: a save based on an older version is refused', async () => {
    const c = await create(t, salesContract(s));
    const r = await t.rt.call('contracts.update', { id: c.id, title: '新名称', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'expectedUpdatedAt' } });
  });
});
