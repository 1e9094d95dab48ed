import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail, ContractListInput, ContractListRow } from '../../../shared/api/contracts';
import type { Page } from '../../../shared/api/customers';
import type { ExportFile } from '../../../shared/api/imports';
import { readTableFile } from '../../../electron/services/import/readTable';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { create, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;
const ids: Record<string, string> = {};

/** Today is 2026-11-24. */
beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
  const make = async (key: string, over: Parameters<typeof salesContract>[1], activate: boolean) => {
    const c = await create(t, salesContract(s, over));
    if (activate) await t.rt.invoke('contracts.activate', { id: c.id });
    ids[key] = c.id;
    return c;
  };
  await make('endsIn10', { contractNo: 'HT202611-0001', endsOn: '2026-12-04', title: '钢材年度供货' }, true);
  await make('endsToday', { contractNo: 'HT202611-0002', endsOn: '2026-11-24' }, true);
  await make('expired', { contractNo: 'HT202610-0001', signedOn: '2026-10-01', startsOn: '2026-10-01', endsOn: '2026-11-23' }, true);
  await make('endsIn60', { contractNo: 'HT202611-0003', endsOn: '2027-01-23' }, true);
  await make('draftEndsSoon', { contractNo: 'HT202611-0004', endsOn: '2026-12-01' }, false);
  await make('beijing', { contractNo: 'HT202609-0001', customerId: s.hengtong.id, signedOn: '2026-09-15', startsOn: '2026-09-15', endsOn: '2027-09-14', kind: 'annual', title: '年度经销协议' }, true);
});
afterEach(() => t.cleanup());

const list = (input: ContractListInput) => t.rt.invoke<Page<ContractListRow>>('contracts.list', input);
const nos = (p: Page<ContractListRow>) => p.rows.map((r) => r.contractNo);

describe('contract list', () => {
  it('"ends within 30 days" lists active contracts ending today..today+30, soonest first', async () => {
    const p = await list({ endsWithinDays: 30, sort: { column: 'endsOn', direction: 'asc' } });
    expect(nos(p)).toEqual(['HT202611-0002', 'HT202611-0001']);
    expect(p.rows.map((r) => r.daysToEnd)).toEqual([0, 10]);
    expect(p.total).toBe(2);
  });

  it('derives "expired" for an active contract past its end date, as a status and as a filter', async () => {
    const expired = await t.rt.invoke<ContractDetail>('contracts.get', { id: ids.expired });
    expect(expired).toMatchObject({ status: 'active', displayStatus: 'expired', daysToEnd: -1 });
    expect(nos(await list({ status: ['expired'] }))).toEqual(['HT202610-0001']);
    const active = await list({ status: ['active'], sort: { column: 'contractNo', direction: 'asc' } });
    expect(nos(active)).toEqual(['HT202609-0001', 'HT202611-0001', 'HT202611-0002', 'HT202611-0003']);
    expect(nos(await list({ status: ['draft', 'expired'], sort: { column: 'contractNo', direction: 'asc' } }))).toEqual([
      'HT202610-0001',
      'HT202611-0004',
    ]);
  });

  it('searches number, title, customer code, name and pinyin initials (polyphonic readings too)', async () => {
    expect(nos(await list({ search: 'bjht' }))).toEqual(['HT202609-0001']);
    expect((await list({ search: 'cqhd' })).total).toBe(5);
    expect((await list({ search: 'zqhd' })).total).toBe(5);
    expect(nos(await list({ search: '0003' }))).toEqual(['HT202611-0003']);
    expect(nos(await list({ search: '钢材年度' }))).toEqual(['HT202611-0001']);
    expect(nos(await list({ search: 'c0002' }))).toEqual(['HT202609-0001']);
    expect(nos(await list({ search: '恒通 年度' }))).toEqual(['HT202609-0001']);
    expect((await list({ search: '100%_' })).total).toBe(0);
  });

  it('filters by customer, kind, salesperson and signing dates; sorts and pages in SQL', async () => {
    expect((await list({ customerId: s.hengtong.id })).total).toBe(1);
    expect(nos(await list({ kind: ['annual'] }))).toEqual(['HT202609-0001']);
    expect(nos(await list({ salesperson: '李娜' }))).toEqual(['HT202609-0001']);
    expect((await list({ signedFrom: '2026-11-01', signedTo: '2026-11-30' })).total).toBe(4);
    const page = await list({ sort: { column: 'amountFen', direction: 'desc' }, offset: 1, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.rows).toHaveLength(2);
    const byCustomer = await list({ sort: { column: 'customerName', direction: 'asc' } });
    // Pinyin order: 北京 (bei) before 重庆 (chong).
    expect(byCustomer.rows[0].customerName).toBe('北京恒通建材有限公司');
    const row = byCustomer.rows[0];
    expect(row).toMatchObject({ customerCode: 'C0002', salesperson: '李娜', kind: 'annual', amountFen: 1_190_000 });
  });

  it('exports the filtered list as .xlsx in the import columns, one row per line, plus the schedule sheet', async () => {
    const file = await t.rt.invoke<ExportFile>('contracts.exportXlsx', { customerId: s.hengtong.id });
    expect(file.fileName).toBe('合同_2026-11-24.xlsx');
    expect(file.rows).toBe(2);
    const table = await readTableFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    expect(table.rows[0].slice(0, 9)).toEqual(['合同号', '客户编码', '客户名称', '合同名称', '合同类型', '签订日期', '开始日期', '结束日期', '状态']);
    expect(table.rows[1].slice(0, 11)).toEqual([
      'HT202609-0001',
      'C0002',
      '北京恒通建材有限公司',
      '年度经销协议',
      '年度经销协议',
      '2026-09-15',
      '2026-09-15',
      '2027-09-14',
      '生效',
      'P001',
      '螺纹钢',
    ]);
    expect(table.rows).toHaveLength(3);
  });
});
