import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerFacets, CustomerListInput, CustomerListRow, Page } from '../../../shared/api/customers';
import { createCustomer, tempRuntime } from './helpers';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let t: T;

const list = (input: CustomerListInput) => t.rt.invoke<Page<CustomerListRow>>('customers.list', input);
const codes = async (input: CustomerListInput) => (await list(input)).rows.map((r) => r.code);

beforeAll(async () => {
  t = await tempRuntime();
  await createCustomer(t.rt, {
    code: 'C0001',
    name: '北京华东商贸有限公司',
    grade: 'A',
    kind: 'distributor',
    region: '北京',
    salesperson: '陈立',
    creditLimitFen: 10_000_000,
    tags: ['重点客户'],
    contact: { name: '张伟', mobile: '13800138000', phone: '0591-87654321' },
  });
  await createCustomer(t.rt, { code: 'C0002', name: '重庆山城食品有限公司', grade: 'B', kind: 'retail', region: '重庆', salesperson: '周敏' });
  await createCustomer(t.rt, { code: 'C0003', name: '上海百顺超市', shortName: '百顺', grade: 'C', region: '上海', salesperson: '陈立', status: 'paused' });
  await createCustomer(t.rt, { code: 'C0004', name: '长沙银行路便利店', region: '湖南', creditLimitFen: 500_000, contact: { name: '李娜', mobile: '13912345678' } });
  const archived = await createCustomer(t.rt, { code: 'C0005', name: '北京旧客户', region: '北京' });
  await t.rt.invoke('customers.archive', { id: archived.id, reason: '停止合作' });
  await createCustomer(t.rt, { code: 'K100%', name: '特殊_编码客户' });
});
afterAll(() => t.cleanup());

describe('customer search', () => {
  it('finds by pinyin initials as prefix and substring', async () => {
    expect(await codes({ search: 'bjhd' })).toEqual(['C0001']);
    expect(await codes({ search: 'BJHD' })).toEqual(['C0001']);
    expect(await codes({ search: 'hdsm' })).toEqual(['C0001']);
    // Short name initials too.
    expect(await codes({ search: 'bs' })).toContain('C0003');
  });

  it('finds 重庆 by both cq and zq, and 长沙 by cs and zs', async () => {
    expect(await codes({ search: 'cq' })).toEqual(['C0002']);
    expect(await codes({ search: 'zq' })).toEqual(['C0002']);
    expect(await codes({ search: 'cs' })).toContain('C0004');
    expect(await codes({ search: 'zsyh' })).toEqual(['C0004']);
  });

  it('finds by code, name, short name, contact name, mobile and phone (dashes ignored)', async () => {
    expect(await codes({ search: 'c0003' })).toEqual(['C0003']);
    expect(await codes({ search: '华东' })).toEqual(['C0001']);
    expect(await codes({ search: '百顺' })).toEqual(['C0003']);
    expect(await codes({ search: '李娜' })).toEqual(['C0004']);
    expect(await codes({ search: '1391234' })).toEqual(['C0004']);
    expect(await codes({ search: '87654321' })).toEqual(['C0001']);
    expect(await codes({ search: '0591-8765' })).toEqual(['C0001']);
    // Full-width input from a Chinese IME.
    expect(await codes({ search: 'ｃ０００２' })).toEqual(['C0002']);
  });

  it('every word must match; LIKE wildcards in the search are literal', async () => {
    expect(await codes({ search: '北京 张伟' })).toEqual(['C0001']);
    expect(await codes({ search: '北京 李娜' })).toEqual([]);
    expect(await codes({ search: '%' })).toEqual(['K100%']);
    expect(await codes({ search: '_' })).toEqual(['K100%']);
  });

  it('hides archived customers unless asked', async () => {
    expect(await codes({ search: '旧客户' })).toEqual([]);
    expect(await codes({ search: '旧客户', includeArchived: true })).toEqual(['C0005']);
    expect(await codes({ archivedOnly: true })).toEqual(['C0005']);
  });

  it('filters by grade, kind, region, salesperson, status and tag', async () => {
    expect(await codes({ grade: ['A', 'B'] })).toEqual(['C0001', 'C0002']);
    expect(await codes({ kind: ['retail'] })).toEqual(['C0002']);
    expect(await codes({ region: '北京' })).toEqual(['C0001']);
    expect(await codes({ salesperson: '陈立' })).toEqual(['C0001', 'C0003']);
    expect(await codes({ status: ['paused'] })).toEqual(['C0003']);
    expect(await codes({ tag: '重点客户' })).toEqual(['C0001']);
  });

  it('sorts in SQL with blanks last and pages with a total', async () => {
    expect(await codes({ sort: { column: 'code', direction: 'desc' } })).toEqual(['K100%', 'C0004', 'C0003', 'C0002', 'C0001']);
    // Pinyin order: Beijing, Changsha, Chongqing (chong > chang), Shanghai, Te…
    expect(await codes({ sort: { column: 'name', direction: 'asc' } })).toEqual(['C0001', 'C0004', 'C0002', 'C0003', 'K100%']);
    expect(await codes({ sort: { column: 'creditLimitFen', direction: 'desc' } })).toEqual(['C0001', 'C0004', 'C0002', 'C0003', 'K100%']);
    expect(await codes({ sort: { column: 'creditLimitFen', direction: 'asc' } })).toEqual(['C0004', 'C0001', 'C0002', 'C0003', 'K100%']);
    expect(await codes({ sort: { column: 'grade', direction: 'desc' } })).toEqual(['C0003', 'C0002', 'C0001', 'C0004', 'K100%']);
    const page = await list({ offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.code)).toEqual(['C0003', 'C0004']);
  });

  it('list rows carry the primary contact and the last interaction date', async () => {
    const [c1] = (await list({ search: 'C0001' })).rows;
    expect(c1.primaryContact).toEqual({ name: '张伟', mobile: '13800138000', phone: '0591-87654321' });
    expect(c1.lastInteractionDate).toBeNull();
    await t.rt.invoke('interactions.create', { customerId: c1.id, date: '2026-11-03', channel: 'T', summary: '电话' });
    await t.rt.invoke('interactions.create', { customerId: c1.id, date: '2026-11-12', channel: 'M', summary: '拜访' });
    expect((await list({ search: 'C0001' })).rows[0].lastInteractionDate).toBe('2026-11-12');
    expect((await codes({ sort: { column: 'lastInteractionDate', direction: 'desc' } }))[0]).toBe('C0001');
  });

  it('facets list the distinct regions, salespeople and tags of customers in use', async () => {
    const f = await t.rt.invoke<CustomerFacets>('customers.facets', {});
    expect(f.regions.sort()).toEqual(['上海', '北京', '湖南', '重庆'].sort());
    expect(f.salespeople.sort()).toEqual(['周敏', '陈立'].sort());
    expect(f.tags).toEqual(['重点客户']);
  });

  it('refuses a sort column that does not exist', async () => {
    await expect(t.rt.invoke('customers.list', { sort: { column: 'id; DROP TABLE customers', direction: 'asc' } })).rejects.toMatchObject({
      code: 'validation',
    });
  });
});
