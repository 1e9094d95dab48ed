import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail, CustomerListRow, Page } from '../../../shared/api/customers';
import type { ImportBatch, ImportCommitResult, ImportReport } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { auditRows, count, createCustomer, refusal, taxId, tempRuntime } from './helpers';
import { fixtureDir, gbkCsv, importInput, legacyXls, utf16Tab, utf8BomCsv, xlsxFile, type FixtureCell, type FixtureDir } from './fixtures';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let t: T;
let files: FixtureDir;
beforeEach(async () => {
  t = await tempRuntime();
  files = fixtureDir();
});
afterEach(() => {
  t.cleanup();
  files.remove();
});

const preview = (fileName: string, bytes: Buffer, kind: 'customers' | 'products' = 'customers') =>
  t.rt.invoke<ImportReport>('imports.preview', importInput(kind, fileName, bytes));
const commit = (fileName: string, bytes: Buffer, kind: 'customers' | 'products' = 'customers') =>
  t.rt.invoke<ImportCommitResult>('imports.commit', importInput(kind, fileName, bytes));
async function refusedReport(p: Promise<unknown>): Promise<ImportReport> {
  const e = await refusal(p);
  expect(e.code).toBe('validation');
  return e.details as ImportReport;
}
const allCustomers = async () =>
  (await t.rt.invoke<Page<CustomerListRow>>('customers.list', { limit: 1000, includeArchived: true })).rows;
const detailByCode = async (code: string) => {
  const row = (await allCustomers()).find((r) => r.code === code);
  if (!row) throw new Error(`no customer ${code}`);
  return t.rt.invoke<CustomerDetail>('customers.get', { id: row.id });
};

const FS = '\u3000'; // the full-width space clerks type with a Chinese IME

/**
 * A messy sheet: a title row and a blank row above the header, columns in a
 * free order with an English alias and an unknown column, full-width digits
 * and spaces, every accepted spelling of an amount, a blank row between data.
 */
function messyCustomerRows(): FixtureCell[][] {
  return [
    ['客户资料表（2026年11月 整理）'],
    [],
    ['客户名称', `客户${FS}编码`, 'credit_limit', '类型', '等级', '状态', '账期天数', '联系人', '手机', '电话', '统一社会信用代码', '内部备注'],
    [` 北京华东商贸有限公司${FS}`, `${FS}C0001 `, '50000', '二批', 'a', '正常', '30', '张伟', '138 0013 8000', '0591-87654321', taxId(), '老客户'],
    ['重庆山城食品有限公司', 'C0002', '50,000.00', '分销', 'B', 'active', '３０', '李娜', '+86 139-1234-5678', '', '', ''],
    ['上海百顺超市', 'C0003', '¥50,000', '零售', 'C', '暂停', '30天', '', '', '', '', ''],
    [],
    ['长沙银行路便利店', 'C0004', '￥50,000', 'retail', 'D', 'closed', '', '', '', '', '', ''],
    ['苏州万家副食品商行', 'Ｃ０００５', '５００００．００', '终端', '', '', '0', '', '', '', '', ''],
    ['杭州信达供应链有限公司', 'C0006', '５０，０００', '代理', '', '', '', '', '', '021-5555 6666 转 12', '', ''],
  ];
}

/**
 * The same sheet as Chinese Excel saves it as CSV (code page 936): the
 * half-width ¥ does not exist in GBK (Excel would write "?"), clerks' IMEs
 * type the full-width ￥ anyway.
 */
const gbkMessyCustomers = () => gbkCsv(messyCustomerRows().map((r) => r.map((c) => (typeof c === 'string' ? c.replace('¥', '￥') : c))));

describe('customer import: real files', () => {
  const expectMessyImported = async () => {
    const rows = await allCustomers();
    expect(rows.map((r) => r.code)).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005', 'C0006']);
    // Every spelling of fifty thousand yuan is exactly 5,000,000 fen.
    expect(rows.map((r) => r.creditLimitFen)).toEqual(Array(6).fill(5_000_000));
    expect(rows.map((r) => r.kind)).toEqual(['distributor', 'distributor', 'retail', 'retail', 'end_user', 'agent']);
    expect(rows.map((r) => r.grade)).toEqual(['A', 'B', 'C', 'D', null, null]);
    expect(rows.map((r) => r.status)).toEqual(['active', 'active', 'paused', 'closed', 'active', 'active']);
    expect(rows.map((r) => r.paymentTermDays)).toEqual([30, 30, 30, null, 0, null]);
    const c1 = await detailByCode('C0001');
    expect(c1).toMatchObject({ name: '北京华东商贸有限公司', taxId: taxId(), importBatchId: expect.any(String) });
    expect(c1.contacts).toEqual([expect.objectContaining({ name: '张伟', mobile: '13800138000', phone: '0591-87654321', isPrimary: true })]);
    expect((await detailByCode('C0002')).contacts[0].mobile).toBe('13912345678');
    // A phone without a contact name is kept under a placeholder name.
    expect((await detailByCode('C0006')).contacts).toEqual([expect.objectContaining({ name: '未命名联系人', phone: '021-5555 6666 转 12' })]);
  };

  it('GBK CSV with a title row, full-width digits and spaces, every amount spelling', async () => {
    const bytes = gbkMessyCustomers();
    const result = await commit('客户资料.csv', bytes);
    expect(result.report).toEqual({
      kind: 'customers',
      rows: 6,
      imported: 6,
      dryRun: false,
      errors: [],
      warnings: [
        { row: null, column: '内部备注', message: '未知列“内部备注”已忽略' },
        { row: 10, column: '联系人', message: '填写了联系方式但没有联系人姓名，已记为“未命名联系人”' },
      ],
    });
    expect(result.batch).toMatchObject({ kind: 'customers', fileName: '客户资料.csv', rows: 6, user: 'tester', undoBlockedReason: null });
    await expectMessyImported();
    // One audit row per customer and per contact, plus the batch.
    expect(auditRows(t.rt, 'customer').map((r) => r.action)).toEqual(Array(6).fill('import'));
    expect(auditRows(t.rt, 'contact')).toHaveLength(3);
    expect(auditRows(t.rt, 'import_batch').map((r) => r.action)).toEqual(['import']);
  });

  it('UTF-8 CSV with a BOM', async () => {
    expect((await commit('customers.csv', utf8BomCsv(messyCustomerRows()))).report.imported).toBe(6);
    await expectMessyImported();
  });

  it('UTF-16 tab-separated "Unicode 文本"', async () => {
    expect((await commit('customers.txt', utf16Tab(messyCustomerRows()))).report.imported).toBe(6);
    await expectMessyImported();
  });

  it('.xlsx with number cells, a real date cell and a 19-digit account typed as a number', async () => {
    const rows: FixtureCell[][] = [
      ['客户编码', '客户名称', '信用额度', '账期天数', '手机', '银行账号', '备注'],
      ['C0001', '北京华东商贸有限公司', 50000, 30, 13800138000, '6222 0212 3456 7890 123', new Date(Date.UTC(2026, 2, 5))],
      ['C0002', '重庆山城食品有限公司', 1234.56, 45, null, null, 12.5],
    ];
    expect((await commit('customers.xlsx', await xlsxFile(rows))).report).toMatchObject({ rows: 2, imported: 2, errors: [] });
    const c1 = await detailByCode('C0001');
    expect(c1).toMatchObject({ creditLimitFen: 5_000_000, paymentTermDays: 30, bankAccount: '6222 0212 3456 7890 123', notes: '2026-03-05' });
    expect(c1.contacts[0].mobile).toBe('13800138000');
    expect(await detailByCode('C0002')).toMatchObject({ creditLimitFen: 123_456, notes: '12.5' });

    // Excel has already rounded a long account typed into a General cell: refuse, do not store the wrong digits.
    const lost = await refusedReport(commit('lost.xlsx', await xlsxFile([['客户编码', '客户名称', '银行账号'], ['C0009', '某公司', Number('6222021234567890123')]])));
    expect(lost.errors).toEqual([{ row: 2, column: '银行账号', message: expect.stringContaining('文本') }]);
  });

  it('refuses a legacy .xls with a message asking for .xlsx or CSV, on row 0 (the file)', async () => {
    const report = await preview('客户.xls', legacyXls());
    expect(report).toEqual({
      kind: 'customers',
      rows: 0,
      imported: 0,
      dryRun: true,
      errors: [{ row: 0, column: '文件', message: expect.stringMatching(/另存为 \.xlsx 或 CSV/) }],
      warnings: [],
    });
    expect((await refusedReport(commit('客户.xls', legacyXls()))).errors[0].message).toContain('.xlsx');
  });

  it('a file with a header and no data is refused, not recorded as an empty batch', async () => {
    const report = await refusedReport(commit('empty.csv', utf8BomCsv([['客户编码', '客户名称']])));
    expect(report.errors[0].message).toContain('没有数据行');
    expect(count(t.rt, 'import_batches')).toBe(0);
  });
});

describe('customer import: all or nothing', () => {
  it('one bad row anywhere and nothing is written; every problem is reported by row and column', async () => {
    await createCustomer(t.rt, { code: 'C0100', name: '已有客户' });
    const before = count(t.rt, 'audit_log');
    const rows: FixtureCell[][] = [
      ['客户编码', '客户名称', '信用额度', '类型', '手机', '统一社会信用代码'],
      ['C0001', '甲公司', '50000', '', '', ''],
      ['C0002', '乙公司', '5万', '', '', ''],
      ['C0003', '丙公司', '50000.123', '', '', ''],
      ['c0001', '丁公司', '', '', '', ''],
      ['C0100', '戊公司', '', '', '', ''],
      ['C0006', '', '', 'wholesale', '1380013800', ''],
      ['C0007', '甲公司', '', '', '', ''],
      ['C0008', '己公司', '', '', '', '91350100M000100Y40'],
      ['C0009', '已有客户', '', '', '', ''],
    ];
    const report = await refusedReport(commit('bad.csv', gbkCsv(rows)));
    expect(report).toMatchObject({ kind: 'customers', rows: 9, imported: 0, dryRun: false });
    const at = (row: number, column: string) => report.errors.filter((e) => e.row === row && e.column === column).map((e) => e.message);
    expect(at(3, '信用额度')[0]).toMatch(/万/);
    expect(at(4, '信用额度')[0]).toMatch(/最多两位小数/);
    expect(at(5, '客户编码')).toEqual(['客户编码“c0001”与第 2 行重复']);
    expect(at(6, '客户编码')).toEqual(['客户编码“C0100”已存在（客户“已有客户”）']);
    expect(at(7, '客户名称')).toEqual(['必填']);
    expect(at(7, '类型')[0]).toMatch(/二批\/分销、零售、终端、代理/);
    expect(at(7, '手机')[0]).toMatch(/11 位/);
    expect(at(8, '客户名称')).toEqual(['客户名称“甲公司”与第 2 行重复']);
    expect(at(9, '统一社会信用代码')[0]).toMatch(/校验位/);
    expect(at(10, '客户名称')[0]).toMatch(/已存在（编码 C0100）/);
    // Row 2 is fine and still was not written.
    expect(count(t.rt, 'customers')).toBe(1);
    expect(count(t.rt, 'contacts')).toBe(0);
    expect(count(t.rt, 'import_batches')).toBe(0);
    expect(count(t.rt, 'audit_log')).toBe(before);
  });

  it('a dry run checks everything and writes nothing', async () => {
    const report = await preview('ok.csv', gbkMessyCustomers());
    expect(report).toMatchObject({ rows: 6, imported: 0, dryRun: true, errors: [] });
    expect(count(t.rt, 'customers')).toBe(0);
    expect(count(t.rt, 'audit_log')).toBe(0);
    // A dry run reports problems without throwing (the UI preview lists them).
    const bad = await preview('bad.csv', gbkCsv([['客户编码', '客户名称', '信用额度'], ['C1', '甲', '5万']]));
    expect(bad.errors).toHaveLength(1);
  });

  // 客户编码 may be left out since issue 16 (blank codes are numbered); 客户名称 may not.
  it('a missing required column is reported against the header row', async () => {
    const report = await refusedReport(commit('noname.csv', utf8BomCsv([['客户编码', '信用额度'], ['C1', '1']])));
    expect(report.errors[0]).toMatchObject({ row: 1 });
    expect(report.errors[0].message).toContain('客户名称');
  });
});

describe('import batches and undo', () => {
  it('undoes a whole batch (its contacts go with it), with audit rows and the reason', async () => {
    const { batch } = await commit('a.csv', utf8BomCsv(messyCustomerRows()));
    await createCustomer(t.rt, { code: 'C0100', name: '手工录入客户' });
    const undone = await t.rt.invoke<ImportBatch>('imports.undo', { batchId: batch.id, reason: '导错了文件' });
    expect(undone).toMatchObject({ undoneAt: '2026-11-24T02:00:00.000Z', undoReason: '导错了文件', undoBlockedReason: '该批导入已经撤销' });
    expect((await allCustomers()).map((c) => c.code)).toEqual(['C0100']);
    expect(count(t.rt, 'contacts')).toBe(0);
    const deletes = auditRows(t.rt, 'customer').filter((r) => r.action === 'delete');
    expect(deletes).toHaveLength(6);
    expect(JSON.parse(deletes[0].after ?? '{}')).toEqual({ reason: '撤销导入“a.csv”：导错了文件' });
    expect(auditRows(t.rt, 'import_batch').map((r) => r.action)).toEqual(['import', 'undo']);
    // The same file can now be imported again.
    expect((await commit('a.csv', utf8BomCsv(messyCustomerRows()))).report.imported).toBe(6);
    const batches = await t.rt.invoke<ImportBatch[]>('imports.batches', { kind: 'customers' });
    expect(batches.map((b) => b.undoneAt === null)).toEqual([true, false]);
    expect((await refusal(t.rt.invoke('imports.undo', { batchId: batches[1].id, reason: '再撤一次' }))).message).toContain('已经撤销');
  });

  it('refuses to undo once one of the batch customers has an interaction; edits alone do not block', async () => {
    const { batch } = await commit('a.csv', utf8BomCsv(messyCustomerRows()));
    const c3 = await detailByCode('C0003');
    await t.rt.invoke('customers.update', { id: c3.id, notes: '改过' });
    await t.rt.invoke('contacts.create', { customerId: c3.id, name: '新联系人' });
    expect((await t.rt.invoke<ImportBatch[]>('imports.batches', {}))[0].undoBlockedReason).toBeNull();

    await t.rt.invoke('interactions.create', { customerId: c3.id, date: '2026-11-20', channel: 'T', summary: '电话' });
    const [listed] = await t.rt.invoke<ImportBatch[]>('imports.batches', {});
    expect(listed.undoBlockedReason).toContain('上海百顺超市');
    const e = await refusal(t.rt.invoke('imports.undo', { batchId: batch.id, reason: '撤销' }));
    expect(e.message).toContain('往来记录');
    expect(count(t.rt, 'customers')).toBe(6);
  });

  it('an undo needs a reason', async () => {
    const { batch } = await commit('a.csv', utf8BomCsv(messyCustomerRows()));
    const e = await refusal(t.rt.invoke('imports.undo', { batchId: batch.id, reason: ' ' }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.field).toBe('reason');
  });
});

describe('product import', () => {
  it('imports products with every price spelling and refuses duplicates', async () => {
    const rows: FixtureCell[][] = [
      ['产品编码', '产品名称', '规格', '单位', 'unit_price'],
      ['P0001', '华丰饮用天然水', '550ml×24瓶', '箱', '28'],
      ['P0002', '金源纯牛奶', '250ml×16盒', '箱', '￥1,280.50'],
      ['P0003', '绿野大米', '10kg', '袋', ''],
    ];
    const { report } = await commit('products.csv', gbkCsv(rows), 'products');
    expect(report).toMatchObject({ kind: 'products', rows: 3, imported: 3, errors: [] });
    const products = await t.rt.invoke<{ rows: { code: string; defaultPriceFen: number | null }[] }>('products.list', {});
    expect(products.rows.map((p) => p.defaultPriceFen)).toEqual([2800, 128_050, null]);
    const again = await refusedReport(commit('products.csv', gbkCsv([...rows, ['P0004', '饼干', '', '', '1.001']]), 'products'));
    expect(again.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '产品编码'],
      [3, '产品编码'],
      [4, '产品编码'],
      [5, '单价'],
    ]);
  });
});

