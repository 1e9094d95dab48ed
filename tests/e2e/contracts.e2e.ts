/**
 * Contracts through the UI, as a clerk uses them: a contract with two
 * catalogue lines (one quantity with a decimal, one price typed over the
 * list price) and a 30/70 schedule from the split helper; an end date
 * before the start date refused under the field; a scan attached (a wrong
 * file refused first); activation over the credit limit with a reason; the
 * contract found again from the customer card and from the list filtered by
 * "ends within 30 days". Then the list with demo contracts, in Chinese and
 * in English.
 */
import { generateDemo } from '../../electron/services/demo/generateDemo';
import type { ContractDetail } from '../../shared/api/contracts';
import { expect, test, type Page } from './fixtures';
import { chooseFiles } from './fileChooser';

/** Modals fade in; a screenshot taken mid-fade shows a ghost. */
async function settled(page: Page) {
  await page.waitForTimeout(300);
}

/** A tiny but real PDF: the service recognises files by content (%PDF-), not by name. */
const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);


test.describe('a clerk enters a contract', () => {
  // 10:00 in Shanghai on 2026-11-24: the contract below ends on 2026-12-15, 21 days later.
  test.use({ clockAt: '2026-11-24T02:00:00Z' });

  test('two lines, a 30/70 schedule, a scan, activation over the credit limit; found from the card and by "ends within 30 days"', async ({
    page,
    app,
  }) => {
    const customer = await app.runtime.invoke<{ id: string }>('customers.create', {
      code: 'C0001',
      name: '北京华东商贸有限公司',
      salesperson: '陈立',
      creditLimitFen: 300_000,
    });
    const other = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0002', name: '上海瑞丰贸易有限公司' });
    const water = await app.runtime.invoke<{ id: string }>('products.create', {
      code: 'P001',
      name: '饮用天然水',
      spec: '550ml×24瓶',
      unit: '箱',
      defaultPriceFen: 2850,
    });
    await app.runtime.invoke('products.create', { code: 'P002', name: '桶装纯净水', spec: '18.9L', unit: '桶', defaultPriceFen: 1200 });
    // Another active contract that ends next summer: the "ends within 30 days" filter must leave it out.
    const later = await app.runtime.invoke<{ id: string }>('contracts.create', {
      customerId: other.id,
      title: '2027 年度经销协议',
      kind: 'annual',
      signedOn: '2026-11-01',
      startsOn: '2026-11-01',
      endsOn: '2027-06-30',
      lines: [{ productId: water.id, qty: '1000', unitPrice: '26' }],
    });
    await app.runtime.invoke('contracts.activate', { id: later.id });

    await app.open('/contracts');
    await expect(page.getByTestId('contract-count')).toHaveText('共 1 份');
    await page.getByTestId('contract-new').click();

    // The header: customer by pinyin initials, the number suggested for the signing month.
    const form = page.getByTestId('contract-form');
    const customerField = form.getByRole('textbox', { name: '客户', exact: true });
    await expect(customerField).toBeFocused();
    await customerField.fill('bjhd');
    await expect(page.getByRole('option', { name: /北京华东商贸有限公司/ })).toBeVisible();
    await customerField.press('Enter');
    await expect(customerField).toHaveValue('C0001 北京华东商贸有限公司');
    await expect(form.getByLabel('合同号')).toHaveValue('HT202611-0002');
    await form.getByLabel('合同名称').fill('2026 年冬季饮用水供货合同');
    await form.getByLabel('签订日期').fill('2026-11-20');
    await form.getByLabel('签订日期').press('Enter');
    await form.getByLabel('开始日期').fill('2026-12-01');
    await form.getByLabel('开始日期').press('Enter');
    // An end date before the start: refused under the field, as it is typed.
    await form.getByLabel('结束日期').fill('2026-11-30');
    await form.getByLabel('结束日期').press('Enter');
    await expect(form.getByText('不能早于开始日期 2026-12-01')).toBeVisible();
    await app.shot('end-before-start');
    await form.getByLabel('结束日期').fill('2026-12-15');
    await form.getByLabel('结束日期').press('Enter');
    await expect(form.getByText('不能早于开始日期 2026-12-01')).toHaveCount(0);
    await form.getByLabel('开始日期').fill('2026-11-20');
    await form.getByLabel('开始日期').press('Enter');

    // Line 1 from the catalogue: the name, spec, unit and list price come with it.
    await form.getByLabel('第 1 行品名').fill('yytrs');
    await page.getByRole('option', { name: /饮用天然水/ }).click();
    await expect(form.getByLabel('第 1 行规格')).toHaveValue('550ml×24瓶');
    await expect(form.getByLabel('第 1 行单价')).toHaveValue('28.50');
    await form.getByLabel('第 1 行数量').fill('120');
    await expect(form.getByTestId('line-1-amount')).toHaveText('¥3,420.00');
    // Line 2: a quantity with a decimal and a negotiated price; the amount rounds half up as the service will.
    await form.getByTestId('line-add').click();
    await form.getByLabel('第 2 行品名').fill('P002');
    await page.getByRole('option', { name: /桶装纯净水/ }).click();
    await form.getByLabel('第 2 行数量').fill('35.5');
    await form.getByLabel('第 2 行单价').fill('12.35');
    await expect(form.getByTestId('line-2-amount')).toHaveText('¥438.43');
    await expect(form.getByTestId('lines-total')).toContainText('¥3,858.43');

    // The schedule by percentages: 预付款 30%, 到货款 70%, adding up to the fen.
    await form.getByTestId('installment-split').click();
    const split = page.getByTestId('split-dialog');
    await split.getByLabel('第 1 期比例').fill('30');
    await split.getByLabel('第 2 期比例').fill('70');
    await expect(split.getByTestId('split-amount-1')).toHaveText('¥1,157.53');
    await expect(split.getByTestId('split-amount-2')).toHaveText('¥2,700.90');
    await settled(page);
    await app.shot('split-30-70');
    // Enter in the dialog fills the schedule (and stays in the dialog: it does not move the form behind it).
    await split.getByLabel('第 2 期比例').press('Enter');
    await expect(split).toHaveCount(0);
    await expect(form.getByLabel('第 1 期款项')).toHaveValue('预付款');
    await expect(form.getByLabel('第 2 期款项')).toHaveValue('到货款');
    await expect(form.getByLabel('第 1 期金额')).toHaveValue('1157.53');
    await expect(form.getByLabel('第 2 期金额')).toHaveValue('2700.90');
    await form.getByLabel('第 1 期付款日期').fill('2026-11-25');
    await form.getByLabel('第 1 期付款日期').press('Enter');
    await form.getByLabel('第 2 期付款日期').fill('2026-12-10');
    await form.getByLabel('第 2 期付款日期').press('Enter');
    await expect(form.getByTestId('installments-check')).toContainText('与合同金额一致');
    await form.getByLabel('付款条款').fill('合同签订后 5 日内付 30% 预付款，到货验收后 15 日内付清余款。');
    await form.getByLabel('返利条款').fill('年采购额满 50 万元返 2%，次年一季度以货款抵扣。');
    await app.shot('new-contract-form');

    // Saved with Ctrl+S: the contract page opens as a draft.
    await form.getByLabel('付款条款').press('Control+s');
    await expect(page.getByTestId('contract-title')).toHaveText('2026 年冬季饮用水供货合同');
    await expect(page.getByTestId('contract-status')).toHaveText('草稿');
    await expect(page.getByTestId('contract-amount')).toContainText('¥3,858.43');
    await expect(page.getByTestId('lines-table')).toContainText('¥438.43');
    await app.shot('draft-lines');
    await page.getByRole('tab', { name: /付款计划/ }).click();
    await expect(page.getByTestId('installments-table')).toContainText('¥2,700.90');
    await app.shot('draft-installments');

    // The signed scan: a Word file is refused by name; the PDF is listed with its size and date.
    await page.getByRole('tab', { name: /附件/ }).click();
    await expect(page.getByText('还没有附件')).toBeVisible();
    await chooseFiles(page, page.getByTestId('attachment-upload'), [{ name: '合同.docx', mimeType: 'application/msword', buffer: Buffer.from('PK not a scan') }]);
    await expect(page.getByTestId('attachment-problems')).toContainText('“合同.docx”不是 PDF、JPG 或 PNG 文件');
    await app.shot('attachment-wrong-type');
    await chooseFiles(page, page.getByTestId('attachment-upload'), [{ name: '合同扫描件.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF }]);
    const attachments = page.getByTestId('attachments-table');
    await expect(attachments.getByText('合同扫描件.pdf')).toBeVisible();
    await expect(attachments).toContainText(`${SCAN_PDF.length} B`);
    await expect(attachments).toContainText('2026-11-24');
    await app.shot('attachment');

    // Activation: confirm, then the ledger's credit check (limit ¥3,000) asks for a reason.
    await page.getByTestId('contract-activate').click();
    const dialog = page.getByTestId('reason-dialog');
    await expect(dialog.getByText('生效后合同开始执行', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: '生效' }).click();
    await expect(dialog.getByText('超出 ¥858.43', { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: '仍然生效' }).click();
    await expect(dialog.getByText('请填写原因')).toBeVisible();
    await dialog.getByLabel('原因').fill('老客户，春节前备货，经理已批准');
    await settled(page);
    await app.shot('credit-limit-override');
    await dialog.getByRole('button', { name: '仍然生效' }).click();
    await expect(page.getByTestId('contract-status')).toHaveText('生效');
    await expect(page.getByTestId('contract-term')).toContainText('还剩 21 天');
    await settled(page);
    await app.shot('active');
    // The ledger's progress panel: nothing invoiced yet, the whole amount still to ship.
    await page.getByRole('tab', { name: '进度' }).click();
    await expect(page.getByTestId('progress-not-invoiced')).toContainText('¥3,858.43');
    await app.shot('progress');

    // What was stored is what the screen showed.
    const saved = await app.runtime.invoke<{ rows: { id: string; contractNo: string }[] }>('contracts.list', { search: 'HT202611-0002' });
    const stored = await app.runtime.invoke<ContractDetail>('contracts.get', { id: saved.rows[0].id });
    expect(stored.status).toBe('active');
    expect(stored.customerId).toBe(customer.id);
    expect(stored.amountFen).toBe(385_843);
    expect(stored.lines.map((l) => [l.productCode, l.qtyThousandths, l.unitPriceFen, l.amountFen])).toEqual([
      ['P001', 120_000, 2850, 342_000],
      ['P002', 35_500, 1235, 43_843],
    ]);
    expect(stored.installments.map((i) => [i.label, i.dueOn, i.amountFen])).toEqual([
      ['预付款', '2026-11-25', 115_753],
      ['到货款', '2026-12-10', 270_090],
    ]);
    expect(stored.attachments.map((a) => [a.fileName, a.mime, a.size])).toEqual([['合同扫描件.pdf', 'application/pdf', SCAN_PDF.length]]);

    // The history tells the story, the override reason included.
    await page.getByRole('tab', { name: '历史' }).click();
    const history = page.getByTestId('history-timeline');
    await expect(history.getByText('老客户，春节前备货，经理已批准')).toBeVisible();
    await expect(history.getByText('添加附件')).toBeVisible();
    await app.shot('history');

    // Found again from the customer card …
    await page.getByTestId('contract-customer').click();
    await expect(page.getByTestId('customer-title')).toHaveText('北京华东商贸有限公司');
    const cardList = page.getByTestId('customer-contracts');
    await expect(cardList.getByText('HT202611-0002')).toBeVisible();
    await expect(cardList.getByText('2027 年度经销协议')).toHaveCount(0);
    await app.shot('customer-card-contracts');
    await cardList.getByText('HT202611-0002').click();
    await expect(page.getByTestId('contract-title')).toHaveText('2026 年冬季饮用水供货合同');

    // … and from the list filtered by "ends within 30 days".
    await page.locator('nav').getByText('合同', { exact: true }).click();
    await expect(page.getByTestId('contract-count')).toHaveText('共 2 份');
    await page.getByTestId('ends-within').getByText('30 天内').click();
    await expect(page.getByTestId('contract-count')).toHaveText('共 1 份');
    const table = page.getByTestId('contract-table');
    await expect(table.getByText('HT202611-0002')).toBeVisible();
    await expect(table.getByText('2027 年度经销协议')).toHaveCount(0);
    await expect(table).toContainText('还剩 21 天');
    await expect(table).toContainText('合计 1 份');
    await app.shot('list-ends-within-30');
  });
});

test('what was agreed changes only through 退回草稿: locked while active, reopened with a reason, edited, activated again', async ({
  page,
  app,
}) => {
  const customer = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '杭州恒通商贸有限公司' });
  const created = await app.runtime.invoke<ContractDetail>('contracts.create', {
    customerId: customer.id,
    title: '办公用纸供货合同',
    signedOn: '2026-10-08',
    lines: [{ description: 'A4 复印纸', spec: '70g 500张', unit: '包', qty: '200', unitPrice: '21.5' }],
    installments: [
      { label: '预付款', dueOn: '2026-10-15', amount: '1290' },
      { label: '到货款', dueOn: '2026-11-15', amount: '3010' },
    ],
  });
  await app.runtime.invoke('contracts.activate', { id: created.id });

  // Active: the form only lets the title, terms and notes change, and says why.
  await app.open(`/contracts/${created.id}`);
  await page.getByTestId('contract-edit').click();
  const form = page.getByTestId('contract-form');
  await expect(form.getByText('合同已生效：', { exact: false })).toBeVisible();
  await expect(form.getByLabel('第 1 行数量')).toBeDisabled();
  await expect(form.getByLabel('合同名称')).toBeEnabled();
  await app.shot('active-edit-locked');
  await form.getByLabel('合同名称').press('Escape');

  // Back to draft with a reason; the page says what happens next.
  await page.getByRole('button', { name: '退回草稿' }).click();
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog.getByText('退回草稿后可以修改', { exact: false })).toBeVisible();
  await dialog.getByLabel('原因').fill('客户追加 50 包');
  await dialog.getByRole('button', { name: '退回草稿' }).click();
  await expect(page.getByTestId('contract-status')).toHaveText('草稿');
  await expect(page.getByText('原因：客户追加 50 包', { exact: false })).toBeVisible();

  // The quantity changes; the schedule no longer adds up until the difference goes on the last installment.
  await page.getByTestId('contract-edit').click();
  await form.getByLabel('第 1 行数量').fill('250');
  await expect(form.getByTestId('installments-diff')).toHaveText('比合同金额少 ¥1,075.00');
  await settled(page);
  await app.shot('reopened-edit-difference');
  await form.getByRole('button', { name: '差额计入最后一期' }).click();
  await expect(form.getByLabel('第 2 期金额')).toHaveValue('4085.00');
  await form.getByLabel('第 2 期金额').press('Control+s');
  await expect(page.getByTestId('contract-amount')).toContainText('¥5,375.00');

  await page.getByTestId('contract-activate').click();
  await dialog.getByRole('button', { name: '生效' }).click();
  await expect(page.getByTestId('contract-status')).toHaveText('生效');
  await page.getByRole('tab', { name: '历史' }).click();
  const history = page.getByTestId('history-timeline');
  await expect(history.getByText('客户追加 50 包')).toBeVisible();
  await expect(history.getByText('1. A4 复印纸 70g 500张  250 包', { exact: false })).toBeVisible();
  await settled(page);
  await app.shot('reopen-history');
});

test('the contract list with demo contracts, a demo contract, and the English screens', async ({ page, app }) => {
  await generateDemo(app.runtime, { size: 'small', seed: 20261124 });
  const all = await app.runtime.invoke<{ total: number }>('contracts.list', {});
  expect(all.total).toBeGreaterThan(10);

  await app.open('/contracts');
  await expect(page.getByTestId('contract-count')).toHaveText(`共 ${all.total} 份`);
  await app.shot('demo-list');

  const table = page.getByTestId('contract-table');
  await table.getByRole('columnheader', { name: '合同金额' }).getByRole('button').click();
  await table.getByRole('columnheader', { name: '合同金额' }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: '合同金额' })).toHaveAttribute('aria-sort', 'descending');
  await app.shot('demo-list-by-amount');

  // The derived status: active contracts past their end date, in orange.
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '已到期' }).click();
  await expect(table.getByText('已到期').first()).toBeVisible();
  await app.shot('demo-list-expired');

  await table.getByRole('row').nth(1).click();
  await expect(page.getByTestId('contract-status')).toHaveText('已到期');
  await app.shot('demo-contract');
  await page.getByRole('tab', { name: /付款计划/ }).click();
  await app.shot('demo-contract-installments');
  await page.getByRole('tab', { name: '进度' }).click();
  await expect(page.getByTestId('contract-progress')).toBeVisible();
  await app.shot('demo-contract-progress');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByRole('tab', { name: /Payment schedule/ })).toBeVisible();
  await app.shot('demo-contract-english');
  await page.getByTestId('contract-back').click();
  // Choosing the chosen status again clears it: the whole list.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Expired' }).click();
  await expect(page.getByTestId('contract-count')).toHaveText(`${all.total} in total`);
  await app.shot('demo-list-english');
  await page.getByTestId('contract-new').click();
  const form = page.getByTestId('contract-form');
  await expect(form).toBeVisible();
  // The customer field has the focus and its list open; Esc closes the list (and only the list).
  await form.getByRole('textbox', { name: 'Customer', exact: true }).press('Escape');
  await expect(form).toBeVisible();
  // A framework agreement without lines: the blank line goes, the amount is typed by hand.
  await form.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Framework agreement' }).click();
  await expect(form.getByTestId('line-1')).toHaveCount(0);
  await form.getByLabel('Amount').fill('500,000');
  await expect(form.getByText('= ¥500,000.00')).toBeVisible();
  await app.shot('new-contract-english');
  await page.getByTestId('language-switch').getByText('中文').click();
});
