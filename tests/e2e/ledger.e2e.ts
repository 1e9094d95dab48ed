/**
 * The receivables ledger through the UI, as a clerk uses it (issue 5): post a
 * shipment invoice against an active contract, enter a partial receipt and
 * move its pre-filled allocation by hand, read the running balance and the
 * contract's outstanding amount, void the receipt with a reason and see the
 * balance restored, export the ledger to .xlsx and read it back. Then the
 * credit-limit warning (override with a reason) and block, and a demo
 * customer's ledger in Chinese and English.
 */
import type { ArDocumentDetail, CustomerArSummary, DocumentPage } from '../../shared/api/ledger';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { loadExcelJs } from '../../electron/services/import/loadExcelJs';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';

const NOW = '2026-11-24T10:00:00+08:00';
test.use({ clockAt: NOW });

/** The browser's "today" (void date, default periods) must be the runtime's. */
async function pinBrowserClock(page: Page) {
  await page.clock.setFixedTime(new Date(NOW));
}

/** Modals and drawers slide in; a screenshot taken mid-animation shows a ghost. */
async function settled(page: Page) {
  await page.waitForTimeout(350);
}

/** Enter in a customer picker takes the highlighted match: wait until the match is listed and highlighted. */
async function pickFirstMatch(page: Page, picker: Locator, name: RegExp) {
  await expect(page.getByRole('option', { name })).toHaveAttribute('data-combobox-selected', 'true');
  await picker.press('Enter');
}

async function seedCustomer(app: { runtime: { invoke<T>(m: string, p: unknown): Promise<T> } }, extra: Record<string, unknown> = {}) {
  return app.runtime.invoke<{ id: string }>('customers.create', {
    code: 'C0001',
    name: '杭州恒通商贸有限公司',
    shortName: '恒通商贸',
    region: '浙江',
    paymentTermDays: 30,
    ...extra,
  });
}

test('a clerk posts a shipment against a contract, allocates a partial receipt by hand, voids it and exports the ledger', async ({
  page,
  app,
}) => {
  await pinBrowserClock(page);
  const customer = await seedCustomer(app);
  // Owed from the old books: FIFO would pay this first (it is due earliest).
  await app.runtime.invoke('ledger.postOpening', { customerId: customer.id, date: '2026-10-01', amountFen: 2_000_000, memo: '旧账结转' });
  const contract = await app.runtime.invoke<{ id: string; contractNo: string }>('contracts.create', {
    customerId: customer.id,
    title: '2026年度空调供货合同',
    kind: 'sales',
    signedOn: '2026-10-15',
    startsOn: '2026-10-15',
    endsOn: '2027-10-14',
    lines: [{ description: '变频空调外机', spec: 'KFR-72W', unit: '台', qty: '10', unitPrice: '20000' }],
    installments: [
      { label: '到货款', dueOn: '2026-11-30', amount: '80000' },
      { label: '验收款', dueOn: '2027-01-31', amount: '120000' },
    ],
  });
  await app.runtime.invoke('contracts.activate', { id: contract.id });

  // ---- 应收单: keyboard only, from the customer picker (pinyin) to Ctrl+S.
  await app.open('/ledger/entry');
  const invoiceForm = page.getByTestId('invoice-form');
  const picker = invoiceForm.getByTestId('entry-customer');
  await expect(picker).toBeFocused();
  // 杭州恒通 → hzht (pinyin initials; the list answers exactly what is typed)
  await picker.fill('hzht');
  await pickFirstMatch(page, picker, /杭州恒通商贸有限公司/);
  await expect(picker).toHaveValue('C0001 杭州恒通商贸有限公司');
  const date = invoiceForm.getByRole('textbox', { name: '日期', exact: true });
  await expect(date).toBeFocused();
  await date.fill('2026-11-02');
  await date.press('Enter');
  const docNo = invoiceForm.getByLabel('单号');
  await expect(docNo).toBeFocused();
  await expect(docNo).toHaveValue('YS202611-0001');
  await docNo.press('Enter');
  const amount = invoiceForm.getByLabel('金额');
  await expect(amount).toBeFocused();
  await amount.fill('８０，０００');
  await expect(invoiceForm.getByText('= ¥80,000.00')).toBeVisible();
  // The due date left blank shows the default from the customer's 30-day term.
  await expect(invoiceForm.getByText('留空则为 2026-12-02（账期 30 天）')).toBeVisible();
  await invoiceForm.getByTestId('entry-contract').click();
  await page.getByRole('option', { name: new RegExp(contract.contractNo) }).click();
  await invoiceForm.getByTestId('entry-installment').click();
  await page.getByRole('option', { name: /第 1 期 到货款/ }).click();
  await expect(invoiceForm.getByTestId('entry-contract-progress')).toContainText('未开票 ¥200,000.00');
  await invoiceForm.getByLabel('摘要').fill('11月发货 空调外机4台');
  await app.shot('invoice-filled');
  await invoiceForm.getByLabel('摘要').press('Control+s');
  await expect(page.getByText('应收单 YS202611-0001 已保存')).toBeVisible();
  // Ready for the next slip of the same customer: customer and date kept, the rest cleared, next number.
  await expect(picker).toHaveValue('C0001 杭州恒通商贸有限公司');
  await expect(amount).toHaveValue('');
  await expect(docNo).toHaveValue('YS202611-0002');
  await expect(page.getByTestId('entry-recent')).toContainText('YS202611-0001');
  await app.shot('invoice-saved');

  // ---- 回款: partial; the FIFO suggestion goes to the opening balance, the clerk moves it to the invoice.
  await page.getByTestId('entry-kind').getByText('回款', { exact: true }).click();
  const receiptForm = page.getByTestId('receipt-form');
  await expect(receiptForm.getByTestId('entry-customer')).toHaveValue('C0001 杭州恒通商贸有限公司');
  await receiptForm.getByRole('textbox', { name: '日期', exact: true }).fill('2026-11-20');
  await receiptForm.getByLabel('金额').fill('30,000');
  await receiptForm.getByLabel('流水号/凭证号').fill('BOC20261120-0088');
  const alloc = page.getByTestId('allocation-editor');
  const onOpening = alloc.getByLabel('QC202610-0001 本次核销金额');
  const onInvoice = alloc.getByLabel('YS202611-0001 本次核销金额');
  await expect(onOpening).toHaveValue('20,000.00');
  await expect(onInvoice).toHaveValue('10,000.00');
  await expect(page.getByTestId('allocation-mode')).toHaveText('自动核销（先到期先核销）');
  await app.shot('receipt-suggestion');

  // More than is open on a line, and more than the receipt, are refused with a message.
  await onInvoice.fill('90000');
  await expect(alloc.getByText('超过未收金额 ¥80,000.00')).toBeVisible();
  await expect(page.getByTestId('allocation-error')).toContainText('核销合计 ¥110,000.00 超过本单金额 ¥30,000.00');
  await app.shot('receipt-allocation-refused');
  await page.getByTestId('entry-save').click();
  await expect(page.getByText(/回款 SK\d+-\d+ 已保存/)).toHaveCount(0);

  await onOpening.fill('0');
  await onInvoice.fill('30000');
  await expect(page.getByTestId('allocation-mode')).toHaveText('手工核销');
  await expect(page.getByTestId('allocation-error')).toHaveCount(0);
  await app.shot('receipt-allocated-by-hand');
  await onInvoice.press('Control+s');
  await expect(page.getByText('回款 SK202611-0001 已保存')).toBeVisible();

  // The stored choice is explicit: the whole receipt on the invoice, nothing on the opening.
  const docs = await app.runtime.invoke<DocumentPage>('ledger.documents', { customerId: customer.id });
  const receiptId = docs.rows.find((d) => d.docNo === 'SK202611-0001')!.id;
  const invoiceId = docs.rows.find((d) => d.docNo === 'YS202611-0001')!.id;
  const receipt = await app.runtime.invoke<ArDocumentDetail>('ledger.document', { id: receiptId });
  expect(receipt.explicitTargets).toEqual([{ debitId: invoiceId, debitDocNo: 'YS202611-0001', amountFen: 3_000_000 }]);
  expect(receipt.allocations.map((a) => [a.debitDocNo, a.amountFen, a.explicit])).toEqual([['YS202611-0001', 3_000_000, true]]);
  expect(receipt.reference).toBe('BOC20261120-0088');

  // ---- 往来明细: opening, the three documents in order, running balance.
  await page.getByRole('tab', { name: '往来明细' }).click();
  await page.getByTestId('accounts-customer').fill('C0001');
  await pickFirstMatch(page, page.getByTestId('accounts-customer'), /杭州恒通商贸有限公司/);
  const ledger = page.getByTestId('ledger-table');
  const row = (docNo: string) => ledger.getByRole('row').filter({ hasText: docNo });
  await expect(row('QC202610-0001')).toContainText('¥20,000.00');
  await expect(row('YS202611-0001')).toContainText('¥100,000.00');
  await expect(row('SK202611-0001')).toContainText('¥30,000.00');
  await expect(row('SK202611-0001').getByRole('cell').last()).toHaveText('¥70,000.00');
  await expect(page.getByTestId('ledger-closing')).toHaveText('¥70,000.00');
  await expect(page.getByTestId('summary-balance')).toContainText('¥70,000.00');
  await expect(page.getByTestId('summary-overdue')).toContainText('¥20,000.00');
  await app.shot('ledger-after-receipt');

  // The invoice's drawer: allocated by hand from the receipt, and the contract's outstanding amount.
  await row('YS202611-0001').click();
  const drawer = page.getByTestId('document-drawer');
  await expect(drawer.getByTestId('drawer-doc-no')).toHaveText('YS202611-0001');
  await expect(drawer.getByTestId('document-allocations')).toContainText('SK202611-0001');
  await expect(drawer.getByTestId('document-allocations')).toContainText('手工');
  const progress = drawer.getByTestId('contract-progress');
  await expect(progress.getByTestId('progress-invoiced')).toContainText('¥80,000.00');
  await expect(progress.getByTestId('progress-received')).toContainText('¥30,000.00');
  await expect(progress.getByTestId('progress-outstanding')).toContainText('¥50,000.00');
  await expect(progress.getByTestId('progress-not-invoiced')).toContainText('¥120,000.00');
  await settled(page);
  await app.shot('invoice-drawer-contract-progress');

  // ---- Void the receipt from its drawer: what will happen, the date (today), a reason.
  await drawer.getByTestId('document-allocations').getByText('SK202611-0001').click();
  await expect(drawer.getByTestId('drawer-doc-no')).toHaveText('SK202611-0001');
  await drawer.getByTestId('drawer-void').click();
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog).toContainText('客户应收余额将增加 ¥30,000.00');
  await expect(dialog.getByTestId('void-date')).toHaveValue('2026-11-24');
  await dialog.getByLabel('原因').fill('银行退票，款项未到账');
  await settled(page);
  await app.shot('void-dialog');
  await dialog.getByRole('button', { name: '作废' }).click();
  await expect(page.getByText(/回款 SK202611-0001 已作废（冲销单 CX202611-0001）/)).toBeVisible();
  await expect(drawer.getByTestId('drawer-voided')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await settled(page);

  await expect(page.getByTestId('ledger-closing')).toHaveText('¥100,000.00');
  await expect(row('SK202611-0001').getByTestId('voided-badge')).toBeVisible();
  await expect(row('CX202611-0001')).toContainText('冲销回款 SK202611-0001：银行退票，款项未到账');
  await expect(row('CX202611-0001').getByRole('cell').last()).toHaveText('¥100,000.00');
  await app.shot('ledger-after-void');

  // The contract's outstanding amount is the whole invoice again.
  const progressAfter = await app.runtime.invoke<{ outstandingFen: number; receivedFen: number }>('ledger.contractProgress', {
    contractId: contract.id,
  });
  expect(progressAfter).toMatchObject({ outstandingFen: 8_000_000, receivedFen: 0 });

  // ---- Export: the .xlsx the customer gets, read back.
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('往来明细-C0001-2026-10-01至2026-11-24.xlsx');
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const sheet = wb.worksheets[0];
  const values: unknown[][] = [];
  sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
  // eachRow skips the empty row between the title block (report, customer, period, generated at) and the header.
  expect(values[4]).toEqual(['日期', '单号', '类型', '摘要', '应收增加', '收款/减少', '余额']);
  expect(values[1][0]).toBe('客户：C0001 杭州恒通商贸有限公司');
  const last = values[values.length - 1];
  expect(last[3]).toBe('本期合计 / 期末余额');
  expect(last[6]).toBe(100000);
  expect(values.find((v) => v[1] === 'SK202611-0001')?.[2]).toBe('回款（已冲销）');

  // The same ledger on the customer card's tab.
  await app.open(`/customers/${customer.id}?tab=ledger`);
  await expect(page.getByTestId('ledger-closing')).toHaveText('¥100,000.00');
  await app.shot('customer-card-ledger-tab');

  // 已发货未开票: the invoice is listed until its VAT invoice is recorded.
  await app.open('/ledger/uninvoiced');
  await expect(page.getByTestId('uninvoiced-count')).toHaveText('共 1 条');
  await app.shot('uninvoiced');
  await page.getByTestId('vat-YS202611-0001').click();
  const vat = page.getByTestId('vat-dialog');
  await vat.getByLabel('发票号码').fill('33012600081234');
  await vat.getByLabel('发票号码').press('Enter');
  await vat.getByLabel('开票日期').press('Enter');
  await expect(page.getByText('YS202611-0001 的发票已登记')).toBeVisible();
  await expect(page.getByTestId('uninvoiced-count')).toHaveText('共 0 条');

  // 往来单据: every document, the voided receipt and its void marked.
  await page.getByRole('tab', { name: '往来单据' }).click();
  await expect(page.getByTestId('documents-count')).toHaveText('共 4 条');
  await app.shot('documents');
  // Imports start here: the wizard lists the columns an opening-balance sheet may have.
  await page.getByTestId('ledger-import').click();
  await page.getByRole('menuitem', { name: '期初余额' }).click();
  await expect(page.getByText('导入期初余额')).toBeVisible();
  await expect(page.getByText(/金额\*（负数为预收）/)).toBeVisible();
  await settled(page);
  await app.shot('import-opening');
});

test('an invoice over the credit limit asks for a reason (warn) and is refused when the setting blocks', async ({ page, app }) => {
  await pinBrowserClock(page);
  const customer = await seedCustomer(app, { creditLimitFen: 4_000_000 });
  // A prepayment from the old books: the ledger opens negative (预收), shown with a minus sign.
  await app.runtime.invoke('ledger.postOpening', { customerId: customer.id, date: '2026-10-01', amountFen: -1_000_000, memo: '预收货款' });

  await app.open(`/ledger/entry?customer=${customer.id}&kind=invoice`);
  const form = page.getByTestId('invoice-form');
  await expect(form.getByTestId('entry-customer')).toHaveValue('C0001 杭州恒通商贸有限公司');
  await expect(form.getByLabel('金额')).toBeFocused();
  await expect(page.getByTestId('summary-balance')).toContainText('-¥10,000.00');
  await form.getByLabel('金额').fill('60000');
  await form.getByLabel('金额').press('Control+s');

  const dialog = page.getByTestId('reason-dialog');
  const figures = dialog.getByTestId('credit-limit-figures');
  await expect(figures).toContainText('-¥10,000.00');
  await expect(figures).toContainText('¥50,000.00');
  await expect(figures).toContainText('¥40,000.00');
  await settled(page);
  await app.shot('credit-limit-warning');
  await dialog.getByLabel('原因').fill('老客户，经理同意本月放行');
  await dialog.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByText('应收单 YS202611-0001 已保存')).toBeVisible();
  const summary = await app.runtime.invoke<CustomerArSummary>('ledger.summary', { customerId: customer.id });
  expect(summary.balanceFen).toBe(5_000_000);

  // Blocked: no reason is asked, nothing is written.
  await app.runtime.invoke('ledger.updateSettings', { creditLimitMode: 'block' });
  await form.getByLabel('金额').fill('1000');
  await form.getByLabel('金额').press('Control+s');
  const blocked = page.getByTestId('credit-limit-blocked');
  await expect(blocked).toContainText('系统设置为禁止超额');
  await settled(page);
  await app.shot('credit-limit-blocked');
  await blocked.getByRole('button', { name: '返回修改' }).click();
  await expect(form.getByLabel('金额')).toHaveValue('1000');
  expect((await app.runtime.invoke<CustomerArSummary>('ledger.summary', { customerId: customer.id })).docCount).toBe(2);

  // The slip still holds the refused ¥1,000: leaving asks 放弃未保存的修改？ (issue 16), and the clerk agrees.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await page.getByText('往来明细 →').click();
  await expect(page.getByTestId('ledger-closing')).toHaveText('¥50,000.00');
  expect(asked).toEqual(['放弃未保存的修改？']);
  await app.shot('ledger-prepayment-then-invoice');

  // The setting on its screen: back to 提醒 from 设置 › 往来账.
  await app.open('/settings');
  await page.getByRole('tab', { name: '往来账' }).click();
  const settings = page.getByTestId('ledger-settings');
  await expect(settings.getByLabel('禁止')).toBeChecked();
  await settings.getByLabel('提醒').check();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  expect((await app.runtime.invoke<{ creditLimitMode: string }>('ledger.settings', {})).creditLimitMode).toBe('warn');
  await app.shot('ledger-settings');
});

test('the ledger of a demo customer, in Chinese and in English', async ({ page, app }) => {
  await pinBrowserClock(page);
  await generateDemo(app.runtime, { size: 'small', seed: 20261124 });
  // The customer with the richest history makes the most telling screenshot.
  const list = await app.runtime.invoke<{ rows: { id: string; code: string }[] }>('customers.list', { limit: 60 });
  let best = { id: '', count: -1 };
  for (const c of list.rows) {
    const s = await app.runtime.invoke<CustomerArSummary>('ledger.summary', { customerId: c.id });
    if (s.docCount > best.count) best = { id: c.id, count: s.docCount };
  }
  expect(best.count).toBeGreaterThan(5);

  await app.open(`/ledger/accounts?customer=${best.id}`);
  const ledger = page.getByTestId('ledger-table');
  await expect(ledger.getByText('期初余额')).toBeVisible();
  await expect(page.getByTestId('ledger-closing')).toHaveText(/¥[\d,]+\.\d\d/);
  await app.shot('demo-ledger');
  await page.getByTestId('ledger-view-switch').getByText('未核销明细').click();
  await expect(page.getByTestId('open-items')).toBeVisible();
  await app.shot('demo-open-items');
  await page.getByTestId('ledger-view-switch').getByText('往来明细').click();

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(ledger.getByText('Opening balance')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Customer ledger' })).toBeVisible();
  await app.shot('demo-ledger-english');
  await page.getByRole('tab', { name: 'Enter documents' }).click();
  await page.getByTestId('entry-kind').getByText('Receipt', { exact: true }).click();
  await page.getByTestId('receipt-form').getByLabel('Amount').fill('12345.6');
  await expect(page.getByTestId('receipt-form').getByText('= ¥12,345.60')).toBeVisible();
  await app.shot('entry-receipt-english');
});
