import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail, CustomerListRow, Page } from '../../../shared/api/customers';
import type { ExportFile, ImportCommitResult } from '../../../shared/api/imports';
import { seededRng } from '../../../shared/random';
import { generateDemoCustomers } from '../../../electron/services/demo/demoCustomers';
import { CUSTOMER_COLUMNS } from '../../../electron/services/imports/customerImport';
import type { AppRuntime } from '../../../electron/api/runtime';
import { createCustomer, taxId, tempRuntime } from './helpers';
import { importInput, readXlsxRows } from './fixtures';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let source: T;
let target: T;
beforeEach(async () => {
  source = await tempRuntime();
  target = await tempRuntime();
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** What the export carries of a customer: the import columns, from the database's point of view. */
async function exportedFields(rt: AppRuntime): Promise<Record<string, unknown>[]> {
  const page = await rt.invoke<Page<CustomerListRow>>('customers.list', { limit: 1000 });
  const out: Record<string, unknown>[] = [];
  for (const row of page.rows) {
    const c = await rt.invoke<CustomerDetail>('customers.get', { id: row.id });
    const primary = c.contacts.find((x) => x.isPrimary);
    out.push({
      code: c.code,
      name: c.name,
      shortName: c.shortName,
      kind: c.kind,
      grade: c.grade,
      region: c.region,
      address: c.address,
      taxId: c.taxId,
      bankName: c.bankName,
      bankAccount: c.bankAccount,
      creditLimitFen: c.creditLimitFen,
      paymentTermDays: c.paymentTermDays,
      salesperson: c.salesperson,
      status: c.status,
      contact: primary ? { name: primary.name, mobile: primary.mobile, phone: primary.phone, email: primary.email } : null,
      notes: c.notes,
    });
  }
  return out;
}

describe('export -> import round trip', () => {
  it('re-imports every exported column exactly into an empty database', async () => {
    await generateDemoCustomers(source.rt.context(), seededRng(3), 'small');
    // Edge cases the demo does not produce.
    await createCustomer(source.rt, { code: '00123', name: 'ABC  贸易（集团）有限公司', creditLimitFen: 0, paymentTermDays: 0, grade: 'D', kind: 'agent' });
    await createCustomer(source.rt, { code: 'X-1', name: '最大额度客户', creditLimitFen: 99_999_999_999_999, status: 'closed', notes: '第一行\n第二行' });
    await createCustomer(source.rt, {
      code: 'X-2',
      name: '一分钱客户',
      creditLimitFen: 1,
      taxId: taxId(),
      bankAccount: '6222 0212 3456 7890 123',
      contact: { name: '王五', phone: '0591-87654321 转 8001', email: 'wang@Example.com' },
    });

    const first = await source.rt.invoke<ExportFile>('customers.exportXlsx', {});
    expect(first.rows).toBe(53);
    expect(first.fileName).toBe('客户档案-2026-11-24.xlsx');
    const bytes = Buffer.from(first.dataBase64, 'base64');
    const sheet = await readXlsxRows(bytes);
    // The export carries exactly the import columns, with the Chinese headers.
    expect(sheet[0]).toEqual(CUSTOMER_COLUMNS.map((c) => c.header));

    const imported = await target.rt.invoke<ImportCommitResult>('imports.commit', importInput('customers', first.fileName, bytes));
    expect(imported.report).toMatchObject({ rows: 53, imported: 53, errors: [], warnings: [] });

    expect(await exportedFields(target.rt)).toEqual(await exportedFields(source.rt));
    const second = await target.rt.invoke<ExportFile>('customers.exportXlsx', {});
    expect(await readXlsxRows(Buffer.from(second.dataBase64, 'base64'))).toEqual(sheet);
  });

  it('products round trip too', async () => {
    await generateDemoCustomers(source.rt.context(), seededRng(4), 'small');
    const first = await source.rt.invoke<ExportFile>('products.exportXlsx', {});
    const bytes = Buffer.from(first.dataBase64, 'base64');
    const imported = await target.rt.invoke<ImportCommitResult>('imports.commit', importInput('products', first.fileName, bytes));
    expect(imported.report).toMatchObject({ rows: 30, imported: 30, errors: [] });
    const second = await target.rt.invoke<ExportFile>('products.exportXlsx', {});
    expect(await readXlsxRows(Buffer.from(second.dataBase64, 'base64'))).toEqual(await readXlsxRows(bytes));
  });

  it('the template is an empty sheet with the import headers', async () => {
    const tpl = await source.rt.invoke<ExportFile>('imports.template', { kind: 'customers' });
    expect(tpl.rows).toBe(0);
    expect(await readXlsxRows(Buffer.from(tpl.dataBase64, 'base64'))).toEqual([CUSTOMER_COLUMNS.map((c) => c.header)]);
  });
});
