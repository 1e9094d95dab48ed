/**
 * Every customer picker takes the first row on Enter, so a customer whose
 * code, short name or pinyin initials the clerk typed exactly must come first,
 * ahead of customers that merely contain the text, whatever the sort column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerListInput, CustomerListRow, Page } from '../../../shared/api/customers';
import { createCustomer, tempRuntime } from './helpers';

let t: Awaited<ReturnType<typeof tempRuntime>>;
const codes = async (input: CustomerListInput) => (await t.rt.invoke<Page<CustomerListRow>>('customers.list', input)).rows.map((r) => r.code);

beforeAll(async () => {
  t = await tempRuntime();
  // Nine customers whose initials contain "xx" somewhere inside (厦门新象 → xmxx…), all with codes before 新星's.
  const inside = ['厦门新象贸易', '湘乡新兴商行', '徐州小学食堂', '广西兴县批发', '福建鑫新建材', '江西秀溪酒业', '浙江夏县小卖部', '安徽宣乡副食', '湖北孝县五金'];
  for (const [i, name] of inside.entries()) await createCustomer(t.rt, { code: `A${String(i + 1).padStart(3, '0')}`, name });
  await createCustomer(t.rt, { code: 'Z900', name: '新星' }); // initials exactly "xx"
  await createCustomer(t.rt, { code: 'C01', name: '上海百顺超市', shortName: '百顺' });
  await createCustomer(t.rt, { code: 'C010', name: '百顺五金店' });
  await createCustomer(t.rt, { code: 'B7', name: '顺达物流', shortName: 'SD' });
  await createCustomer(t.rt, { code: 'SD01', name: '苏东商贸' });
});
afterAll(() => t.cleanup());

describe('customer search ranks exact matches first', () => {
  it('exact pinyin initials come before initials that merely contain the text (xx → 新星 first)', async () => {
    const found = await codes({ search: 'xx', sort: { column: 'code', direction: 'asc' } });
    expect(found[0]).toBe('Z900');
    expect(found.length).toBeGreaterThan(5);
    expect(await codes({ search: 'XX', limit: 1 })).toEqual(['Z900']);
  });

  it('an exact code comes first even when a longer code starts with it', async () => {
    expect((await codes({ search: 'c01', sort: { column: 'code', direction: 'desc' } }))[0]).toBe('C01');
    expect((await codes({ search: 'C010' }))[0]).toBe('C010');
  });

  it('an exact short name comes first, then prefixes, then the rest in the chosen sort', async () => {
    expect(await codes({ search: '百顺', sort: { column: 'code', direction: 'desc' } })).toEqual(['C01', 'C010']);
    // "sd": B7's short name exactly, SD01's code only as a prefix (and its initials sdsm as a prefix too).
    expect(await codes({ search: 'sd', sort: { column: 'code', direction: 'desc' } })).toEqual(['B7', 'SD01']);
  });

  it('without a search the sort column alone orders the list', async () => {
    expect((await codes({ sort: { column: 'code', direction: 'asc' } }))[0]).toBe('A001');
  });
});
