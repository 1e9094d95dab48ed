/**
 * Customers imported without a 客户编码 are numbered the way the form
 * suggests a code: in the office's series, past every code already on file
 * and past the codes other rows of the same file spell out. The preview shows
 * the parsed values of the first rows, numbered codes included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerListRow, Page } from '../../../shared/api/customers';
import type { ImportCommitResult, ImportReport } from '../../../shared/api/imports';
import { createCustomer, tempRuntime } from './helpers';
import { importInput, utf8BomCsv } from './fixtures';

let t: Awaited<ReturnType<typeof tempRuntime>>;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const codesByName = async () =>
  Object.fromEntries(
    (await t.rt.invoke<Page<CustomerListRow>>('customers.list', { limit: 100 })).rows.map((r) => [r.name, r.code]),
  ) as Record<string, string>;

describe('import numbers blank customer codes', () => {
  it('numbers blank codes past the codes on file and past the codes of the same file', async () => {
    await createCustomer(t.rt, { code: 'C0001', name: '已有客户甲' });
    await createCustomer(t.rt, { code: 'C0007', name: '已有客户乙' });
    const file = utf8BomCsv([
      ['客户编码', '客户名称', '类型', '信用额度', '账期天数'],
      ['', '福州闽江批发部', '二批', '50,000', '30'],
      ['C0009', '泉州刺桐商行', '', '', ''],
      ['', '漳州芗城超市', '零售', '', '45'],
    ]);
    const report = await t.rt.invoke<ImportReport>('imports.preview', importInput('customers', 'c.csv', file));
    expect(report.errors).toEqual([]);
    // The preview already shows what will be stored.
    expect(report.sample?.columns.slice(0, 4)).toEqual(['客户编码', '客户名称', '简称', '类型']);
    expect(report.sample?.rows.map((r) => r[0])).toEqual(['C0010', 'C0009', 'C0011']);
    expect(report.sample?.rows[0]).toContain('¥50,000.00');
    expect(report.sample?.rows[0]).toContain('30 天');
    expect(report.warnings.map((w) => w.message)).toContain('客户编码为空，已自动编为 C0010');

    const done = await t.rt.invoke<ImportCommitResult>('imports.commit', importInput('customers', 'c.csv', file));
    expect(done.report.imported).toBe(3);
    expect(await codesByName()).toMatchObject({ 福州闽江批发部: 'C0010', 泉州刺桐商行: 'C0009', 漳州芗城超市: 'C0011' });
  });

  it('a file without a code column at all numbers every row; an empty database starts at C0001', async () => {
    const file = utf8BomCsv([['客户名称', '地区'], ['厦门鹭江贸易', '福建'], ['莆田木兰商行', '福建']]);
    const done = await t.rt.invoke<ImportCommitResult>('imports.commit', importInput('customers', 'c.csv', file));
    expect(done.report.imported).toBe(2);
    expect(await codesByName()).toEqual({ 厦门鹭江贸易: 'C0001', 莆田木兰商行: 'C0002' });
    // The form's suggestion continues after them.
    const defaults = await t.rt.invoke<{ code: string }>('customers.defaults', {});
    expect(defaults.code).toBe('C0003');
  });
});
