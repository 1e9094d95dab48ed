/**
 * Per-product-line targets (point 1): an invoice names the contract line it
 * ships (entry, import column 合同行), a target may count one line; its base
 * is that line's invoices less the 退货/折让 notes paying them. End to end:
 * entry and import → list → settle, and the refusals.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { ImportReport } from '../../../shared/api/imports';
import type { PostResult } from '../../../shared/api/ledger';
import type { RebateListPage, RebateSheet, SettleResult } from '../../../shared/api/rebates';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { count, customer, rebateRuntime, refusal, saveTarget, sqlite, type MovableClock } from './helpers';

let t: TempRuntime;
let clock: MovableClock;
beforeEach(async () => {
  ({ t, clock } = await rebateRuntime('2026-06-30'));
});
afterEach(() => t.cleanup());

const file = (kind: string, csv: string) => ({ kind, fileName: `${kind}.csv`, dataBase64: iconv.encode(csv, 'gbk').toString('base64') });

async function twoLineContract(code = 'C0001') {
  const c = await customer(t, code);
  const k = await t.rt.invoke<ContractDetail>('contracts.create', {
    customerId: c.id,
    title: '2026 年度经销协议',
    kind: 'annual',
    signedOn: '2026-01-01',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    lines: [
      { description: '甲系列水泵', unit: '台', qty: '100', unitPrice: '1000' },
      { description: '乙系列阀门', unit: '只', qty: '500', unitPrice: '100' },
    ],
  });
  const active = await t.rt.invoke<ContractDetail>('contracts.activate', { id: k.id });
  return { c, k: active, pumps: active.lines[0], valves: active.lines[1] };
}

const year = { periodKind: 'year' as const, periodFrom: '2026-01-01', periodTo: '2026-12-31' };
const post = (input: Record<string, unknown>) => t.rt.invoke<PostResult>('ledger.postInvoice', input);
const rowsOf = async (asOf: string | null = null) => (await t.rt.invoke<RebateListPage>('rebates.list', { asOf, limit: 100 })).rows;

describe('per-product-line targets', () => {
  it('counts only the line’s invoices less the returns paying them; entry, import, list and settlement', async () => {
    const { c, k, pumps, valves } = await twoLineContract();
    const onPumps = await saveTarget(t, { contractId: k.id, contractLineId: pumps.id, ...year, target: '100,000', tiers: '80%:1%;100%:2%' });
    const onValves = await saveTarget(t, { contractId: k.id, contractLineId: valves.id, ...year, target: '50,000', tiers: '80%:1%;100%:2%' });
    // A whole-contract target may run beside the line targets over the same period.
    const whole = await saveTarget(t, { contractId: k.id, ...year, target: '200,000', tiers: '100%:1%' });
    expect(onPumps.contractLine).toEqual({ seq: 1, description: '甲系列水泵' });
    expect(whole.contractLine).toBeNull();

    const i1 = await post({ customerId: c.id, contractId: k.id, contractLineId: pumps.id, date: '2026-02-01', amountFen: 6_000_000 });
    expect(i1.document.contractLineId).toBe(pumps.id);
    await post({ customerId: c.id, contractId: k.id, contractLineId: valves.id, date: '2026-03-01', amountFen: 3_000_000 });
    await post({ customerId: c.id, contractId: k.id, date: '2026-04-01', amountFen: 2_000_000 }); // no line: only the whole contract counts it
    // The import names the line by its number or its description (合同行, after the existing columns).
    const imported = await t.rt.invoke<{ report: ImportReport }>(
      'imports.commit',
      file('invoices', `单号,客户编码,日期,金额,合同号,合同行\nI-A2,C0001,2026-05-01,"50,000",${k.contractNo},1\nI-B2,C0001,2026-05-02,"10,000",${k.contractNo},乙系列阀门\n`),
    );
    expect(imported.report).toMatchObject({ imported: 2, errors: [] });
    const lineOfDoc = (no: string) => (sqlite(t).prepare(`SELECT contract_line_id AS l FROM ar_documents WHERE kind = 'invoice' AND doc_no = ?`).get(no) as { l: string }).l;
    expect([lineOfDoc('I-A2'), lineOfDoc('I-B2')]).toEqual([pumps.id, valves.id]);
    // A return of pumps names its line by the invoice it pays; the valve invoice of May is voided.
    await t.rt.invoke('ledger.postCreditNote', { customerId: c.id, date: '2026-06-01', amountFen: 500_000, noteType: 'return', allocations: [{ debitId: i1.document.id, amountFen: 500_000 }] });
    const b2 = sqlite(t).prepare(`SELECT id FROM ar_documents WHERE kind = 'invoice' AND doc_no = 'I-B2'`).get() as { id: string };
    await t.rt.invoke('ledger.void', { docId: b2.id, date: '2026-06-10', reason: '开错产品线' });

    const rows = await rowsOf();
    const byId = (id: string) => rows.find((r) => r.target.id === id)!;
    // Pumps: 60,000 + 50,000 − 5,000 = 105,000 of 100,000 → 2% = 2,100.00.
    expect(byId(onPumps.id)).toMatchObject({ baseFen: 10_500_000, attainmentPpm: 1_050_000, tierIndex: 1, earnedFen: 210_000, target: { contractLine: { seq: 1, description: '甲系列水泵' } } });
    // Valves: 30,000 (the May invoice voided) of 50,000 → 60%, 10,000 short of the 80% tier.
    expect(byId(onValves.id)).toMatchObject({ baseFen: 3_000_000, tierIndex: null, earnedFen: 0, next: { tierIndex: 0, gapFen: 1_000_000 } });
    // The whole contract: every invoice, lines or not: 160,000 − 5,000.
    expect(byId(whole.id)).toMatchObject({ baseFen: 15_500_000, tierIndex: null });
    // Before the return and the void, as of May: the figures of that date.
    expect((await rowsOf('2026-05-31')).find((r) => r.target.id === onValves.id)).toMatchObject({ baseFen: 4_000_000, earnedFen: 40_000 });

    clock.set('2027-01-05');
    const r = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: onPumps.id });
    expect(r.settlement).toMatchObject({ amountFen: 210_000, baseFen: 10_500_000, kind: 'settlement' });
    // The result sheet (derived, not recomputed) equals the sheet computed afresh.
    const fresh = await t.rt.invoke<RebateSheet>('rebates.sheet', { targetId: onPumps.id, asOf: '2027-01-05' });
    expect(r.sheet).toEqual(fresh);
    expect(fresh.row).toMatchObject({ status: 'settled', settledFen: 210_000, differenceFen: 0 });
    expect(await refusal(t, 'rebates.settle', { targetId: onPumps.id })).toMatchObject({ code: 'conflict' });
    // The valve line has nothing to settle; the others are untouched.
    expect((await rowsOf()).find((r2) => r2.target.id === onValves.id)).toMatchObject({ status: 'nothing', settledFen: 0 });
  });

  it('refuses a line of another contract, a line without a contract, an overlapping period of the same line, and unknown lines in imports, saving nothing', async () => {
    const { c, k, pumps } = await twoLineContract();
    const other = await twoLineContract('C0002');
    const docs = count(t, 'ar_documents');
    const wrongLine = await refusal(t, 'ledger.postInvoice', { customerId: c.id, contractId: k.id, contractLineId: other.pumps.id, date: '2026-02-01', amountFen: 100 });
    expect(wrongLine).toMatchObject({ code: 'validation', field: 'contractLineId' });
    expect(wrongLine.message).toContain(k.contractNo);
    const noContract = await refusal(t, 'ledger.postInvoice', { customerId: c.id, contractLineId: pumps.id, date: '2026-02-01', amountFen: 100 });
    expect(noContract.message).toContain('请先选择合同');
    expect(count(t, 'ar_documents')).toBe(docs);

    const targetOther = await refusal(t, 'rebates.saveTarget', { contractId: k.id, contractLineId: other.pumps.id, ...year, target: '1000', tiers: '100%:1%' });
    expect(targetOther).toMatchObject({ field: 'contractLineId' });
    await saveTarget(t, { contractId: k.id, contractLineId: pumps.id, ...year, target: '1000', tiers: '100%:1%' });
    const clash = await refusal(t, 'rebates.saveTarget', { contractId: k.id, contractLineId: pumps.id, periodKind: 'quarter', periodFrom: '2026-04-01', periodTo: '2026-06-30', target: '1000', tiers: '100%:1%' });
    expect(clash.message).toContain('第 1 行（甲系列水泵）');
    expect(count(t, 'rebate_targets')).toBe(1);

    const bad = await refusal(
      t,
      'imports.commit',
      file('invoices', `单号,客户编码,日期,金额,合同号,合同行\nX1,C0001,2026-05-01,100,${k.contractNo},9\nX2,C0001,2026-05-01,100,,1\nX3,C0001,2026-05-01,100,${k.contractNo},丙系列\n`),
    );
    expect((bad.details as ImportReport).errors.map((e) => [e.row, e.column])).toEqual([
      [2, '合同行'],
      [3, '合同行'],
      [4, '合同行'],
    ]);
    expect(count(t, 'ar_documents')).toBe(docs);

    // The database's own rules: a posted invoice's line never changes.
    const i = await post({ customerId: c.id, contractId: k.id, contractLineId: pumps.id, date: '2026-02-01', amountFen: 100 });
    expect(() => sqlite(t).prepare('UPDATE ar_documents SET contract_line_id = NULL WHERE id = ?').run(i.document.id)).toThrow(/不能修改/);
  });

  it('import rebate-policies reads an optional 产品线 column (number, product code or description)', async () => {
    const { k, valves } = await twoLineContract();
    const csv = `合同号,期间起,期间止,基数,目标金额,档位,计算方式,封顶,按期回款返利,备注,产品线\n${k.contractNo},2026-01-01,2026-12-31,销售,"100,000",80%:1%;100%:2%,全额累进,,,,\n${k.contractNo},2026-01-01,2026-06-30,销售,"20,000",100%:1%,全额累进,,,,乙系列阀门\n`;
    const r = await t.rt.invoke<{ report: ImportReport }>('imports.commit', file('rebate-policies', csv));
    expect(r.report).toMatchObject({ imported: 2, errors: [] });
    const rows = await rowsOf();
    expect(rows.map((x) => x.target.contractLineId).sort()).toEqual([null, valves.id].sort());
    const bad = await refusal(t, 'imports.commit', file('rebate-policies', `合同号,期间起,期间止,目标金额,档位,产品线\n${k.contractNo},2026-07-01,2026-12-31,1000,100%:1%,3\n`));
    expect((bad.details as ImportReport).errors[0]).toMatchObject({ row: 2, column: '产品线' });
  });
});
