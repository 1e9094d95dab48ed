/**
 * Statements through the UI, as a clerk does them (issue 8): generate last
 * month's statement from the customer card, look at it, mark it sent, later
 * confirmed (the customer signed it); the register shows it, the code typed
 * from the paper finds it; the month-end batch runs with a progress bar; the
 * statement settings show which font prints. Once the customer has confirmed
 * a month, a back-dated invoice or a void inside it asks for a reason and
 * marks the confirmation affected; 往来明细 generates a statement too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HistoryEntryDto } from '../../shared/api/history';
import type { DocumentPage } from '../../shared/api/ledger';
import type { GeneratedStatement, StatementPage, StatementRecord } from '../../shared/api/statements';
import { sizes } from './bothSizes';
import { expect, test, type Page } from './fixtures';

const NOW = '2026-12-05T10:00:00+08:00';
test.use({ clockAt: NOW });

async function settled(page: Page) {
  await page.waitForTimeout(350);
}

type Invoke = { runtime: { invoke<T>(m: string, p: unknown): Promise<T> } };

async function seed(app: Invoke) {
  await app.runtime.invoke('settings.updateCompany', {
    companyName: '杭州明远商贸有限公司',
    shortName: '明远商贸',
    address: '浙江省杭州市拱墅区湖墅南路 188 号',
    phone: '0571-88886666',
    bankName: '中国工商银行杭州湖墅支行',
    bankAccount: '1202 0210 0910 0123 456',
  });
  const c = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '宁波顺达五金批发部', paymentTermDays: 30 });
  await app.runtime.invoke('contacts.create', { customerId: c.id, name: '王建国', mobile: '13857412266' });
  await app.runtime.invoke('ledger.postOpening', { customerId: c.id, date: '2026-10-01', amountFen: 1_200_000, memo: '旧账结转' });
  await app.runtime.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 3_456_789, memo: '螺纹钢 HRB400 20 吨' });
  await app.runtime.invoke('ledger.postReceipt', { customerId: c.id, date: '2026-11-18', amountFen: 2_000_000, memo: '工行转账' });
  const other = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0002', name: '温州新光商行', paymentTermDays: 15 });
  await app.runtime.invoke('ledger.postInvoice', { customerId: other.id, date: '2026-11-20', amountFen: 88_800 });
  return c;
}

test('a clerk generates a statement from the customer card, marks it sent and later confirmed; the register shows it', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const customer = await seed(app);

  await app.open(`/customers/${customer.id}?tab=statements`);
  const tab = page.getByTestId('customer-statements');
  await expect(tab).toBeVisible();
  // Last month by default: what a clerk prints at the start of December.
  await expect(tab.getByTestId('statement-from')).toHaveValue('2026-11-01');
  await expect(tab.getByTestId('statement-to')).toHaveValue('2026-11-30');
  await app.shot('card-tab-empty');

  await tab.getByTestId('statement-generate').click();
  const drawer = page.getByTestId('statement-drawer');
  await expect(drawer.getByText('对账单 DZ202611-0001')).toBeVisible();
  await expect(drawer.getByTestId('statement-status')).toHaveText('已生成');
  await expect(drawer.getByText('¥26,567.89').first()).toBeVisible();
  await settled(page);
  await app.shot('generated');

  // Preview in the app: the stored PDF in an iframe.
  await drawer.getByTestId('statement-preview-button').click();
  const frame = page.getByTestId('statement-preview-frame');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('src', /^blob:/);
  // Give the browser's PDF viewer time to lay the page out before the picture.
  await page.waitForTimeout(2_500);
  await app.shot('preview');
  await page.getByTestId('statement-preview-close').click();
  await expect(frame).toBeHidden();

  // Save as downloads exactly the register's PDF under its file name.
  const download = page.waitForEvent('download');
  await drawer.getByTestId('statement-save').click();
  expect((await download).suggestedFilename()).toBe('C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf');

  await drawer.getByTestId('statement-mark-sent').click();
  const sent = page.getByTestId('statement-sent-dialog');
  await expect(sent.getByTestId('statement-action-date')).toHaveValue('2026-12-05');
  await sent.getByTestId('statement-action-submit').click();
  await expect(sent).toBeHidden();
  await expect(drawer.getByTestId('statement-status')).toHaveText('已发出');

  // Later: the signed copy comes back and the clerk records the confirmation.
  await drawer.getByTestId('statement-mark-confirmed').click();
  const confirmed = page.getByTestId('statement-confirmed-dialog');
  await expect(confirmed.getByText(/2026-11-30 及以前的单据/)).toBeVisible();
  await settled(page);
  await app.shot('confirm-dialog');
  await confirmed.getByTestId('statement-action-submit').click();
  await expect(confirmed).toBeHidden();
  await expect(drawer.getByTestId('statement-status')).toHaveText('已确认');
  await expect(drawer.getByTestId('history-timeline')).toContainText('标记已确认');
  await settled(page);
  await app.shot('confirmed-drawer');
  const code = (await drawer.getByTestId('statement-code').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('customer-statement-list')).toContainText('已确认');

  // The register.
  await app.open('/statements');
  const register = page.getByTestId('statement-register');
  await expect(register).toContainText('DZ202611-0001');
  await expect(register).toContainText('C0001 宁波顺达五金批发部');
  await expect(register).toContainText('已确认');
  await page.getByTestId('register-status').click();
  await page.getByRole('option', { name: '已确认' }).click();
  await expect(register).toContainText('DZ202611-0001');
  // The code as someone reads it off the paper: lower case, no dash.
  await page.getByTestId('statement-verify-input').fill(code.toLowerCase().replace('-', ''));
  await page.getByTestId('statement-verify').click();
  await expect(page.getByTestId('statement-verify-result')).toContainText('DZ202611-0001');
  await expect(page.getByTestId('statement-verify-result')).toContainText('账目与对账单一致');
  await app.shot('register');
});

test('the month-end batch runs with a progress bar; settings show the font in use', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const customer = await seed(app);
  await app.runtime.invoke<GeneratedStatement>('statements.generate', { customerId: customer.id, from: '2026-11-01', to: '2026-11-30' });

  await app.open('/statements');
  await page.getByTestId('statement-batch-open').click();
  const dialog = page.getByTestId('statement-batch-dialog');
  await expect(dialog.getByTestId('batch-from')).toHaveValue('2026-11-01');
  await dialog.getByTestId('batch-merged').check();
  // No path can be typed (issue 11, point 5): the only text boxes are the two dates; the browser has no
  // folder dialog, so the files go to the data directory, which the dialog names.
  const dataDirOut = path.join(app.dir, 'statements');
  await expect(dialog.getByRole('textbox')).toHaveCount(2);
  await expect(dialog.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
  await expect(dialog.getByTestId('batch-choose-folder')).toHaveCount(0);
  await expect(dialog).toContainText('在浏览器中只能保存到数据目录');
  await settled(page);
  await sizes(page, app.shot, 'batch-dialog');
  await dialog.getByTestId('batch-start').click();
  await expect(dialog.getByTestId('batch-result')).toContainText('生成 1 份，跳过 1 份，失败 0 份');
  await expect(dialog.getByTestId('batch-progress-text')).toHaveText('已处理 2 / 2 位客户');
  await expect(dialog.getByTestId('batch-result')).toContainText(`文件保存在：${dataDirOut}`);
  expect(fs.readdirSync(dataDirOut).sort()).toEqual([
    'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf',
    'C0002_温州新光商行_2026-11-01_2026-11-30.pdf',
    '对账单合并打印_2026-11-01_2026-11-30.pdf',
  ]);
  await settled(page);
  await sizes(page, app.shot, 'batch-done');
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('statement-register')).toContainText('温州新光商行');

  await app.open('/settings');
  await page.getByRole('tab', { name: '对账单' }).click();
  await expect(page.getByTestId('statement-font-in-use')).toContainText('Noto Sans SC');
  await expect(page.getByTestId('statement-confirmation-preview')).toContainText('10 日内');
  await app.shot('settings');
});

test('a back-dated invoice or a void inside a confirmed period asks for a reason and marks the statement affected; 往来明细 generates a statement', async ({
  page,
  app,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  const customer = await seed(app);
  // November is signed and back: the customer agreed to ¥26,567.89 at 2026-11-30.
  const g = await app.runtime.invoke<GeneratedStatement>('statements.generate', { customerId: customer.id, from: '2026-11-01', to: '2026-11-30' });
  await app.runtime.invoke('statements.markConfirmed', { id: g.statement.id, date: '2026-12-05' });

  // ---- A forgotten November shipment, entered in December.
  await app.open(`/ledger/entry?customer=${customer.id}&kind=invoice`);
  const form = page.getByTestId('invoice-form');
  await expect(form.getByTestId('entry-customer')).toHaveValue('C0001 宁波顺达五金批发部');
  const date = form.getByRole('textbox', { name: '日期', exact: true });
  await date.fill('2026-11-28');
  await date.press('Enter');
  await expect(form.getByLabel('单号')).toHaveValue('YS202611-0003');
  await form.getByLabel('金额').fill('5,000');
  const memo = form.getByLabel('摘要');
  await memo.fill('补录 11 月 28 日发货 角钢 2 吨');
  await memo.press('Control+s');

  const lock = page.getByRole('dialog', { name: '该期间的对账单已确认' });
  await expect(lock).toBeVisible();
  const facts = lock.getByTestId('period-lock-facts');
  await expect(facts).toContainText('客户已于 2026-12-05 确认对账单 DZ202611-0001（截至 2026-11-30）');
  await expect(facts).toContainText('这张单据的日期 2026-11-28 在已确认的期间内');
  await expect(facts).toContainText('对账单 DZ202611-0001 将标记为“确认后有变动”');
  await settled(page);
  await app.shot('lock-dialog-invoice');

  // Cancel: back to the slip as typed, nothing posted.
  await lock.getByRole('button', { name: '取消' }).click();
  await expect(lock).toBeHidden();
  await expect(memo).toHaveValue('补录 11 月 28 日发货 角钢 2 吨');
  await expect(form.getByLabel('金额')).toHaveValue('5,000');
  await expect(date).toHaveValue('2026-11-28');
  await expect(page.getByText('应收单 YS202611-0003 已保存')).toHaveCount(0);

  // The reason is required; with it, the invoice is saved.
  await memo.press('Control+s');
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: '仍然保存' }).click();
  await expect(lock.getByText('请填写原因', { exact: true })).toBeVisible();
  const reason = '客户补寄 11 月 28 日送货单，当月漏记';
  await lock.getByLabel('原因').fill(reason);
  await settled(page);
  await app.shot('lock-dialog-reason');
  await lock.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByText('应收单 YS202611-0003 已保存')).toBeVisible();
  await expect(lock).toBeHidden();
  await expect(memo).toHaveValue('');
  await settled(page);
  await app.shot('invoice-saved-with-override');

  // The register: the confirmation is marked affected, with the reason, in the statement's and the document's history.
  const statement = await app.runtime.invoke<StatementRecord>('statements.get', { id: g.statement.id });
  expect(statement.status).toBe('confirmed');
  expect(statement.affectedAt).not.toBeNull();
  expect(statement.affectedReason).toContain('YS202611-0003');
  expect(statement.affectedReason).toContain(reason);
  const listed = await app.runtime.invoke<StatementPage>('statements.list', { customerId: customer.id });
  expect(listed.rows.find((r) => r.id === g.statement.id)?.affectedAt).toBe(statement.affectedAt);
  const statementHistory = await app.runtime.invoke<HistoryEntryDto[]>('system.history', { entity: 'statement', entityId: g.statement.id });
  const affected = statementHistory.filter((h) => h.action === 'affected');
  expect(affected).toHaveLength(1);
  expect(affected[0].changes.find((c) => c.field === 'reason')?.after).toBe(reason);
  const docs = await app.runtime.invoke<DocumentPage>('ledger.documents', { customerId: customer.id });
  const invoiceId = docs.rows.find((d) => d.docNo === 'YS202611-0003')!.id;
  const docHistory = await app.runtime.invoke<HistoryEntryDto[]>('system.history', { entity: 'ar_document', entityId: invoiceId });
  expect(docHistory[0].changes.find((c) => c.field === 'periodLockOverride')?.after).toEqual({ reason, statements: ['DZ202611-0001'] });

  // ---- Voiding a November receipt in December touches the confirmed month too.
  await app.open(`/ledger/accounts?customer=${customer.id}`);
  const ledger = page.getByTestId('ledger-table');
  await ledger.getByRole('row').filter({ hasText: 'SK202611-0001' }).click();
  const drawer = page.getByTestId('document-drawer');
  await expect(drawer.getByTestId('drawer-doc-no')).toHaveText('SK202611-0001');
  await drawer.getByTestId('drawer-void').click();
  const voidDialog = page.getByRole('dialog', { name: '作废 回款 SK202611-0001' });
  await voidDialog.getByLabel('原因').fill('重复录入');
  await voidDialog.getByRole('button', { name: '作废' }).click();
  await expect(lock).toBeVisible();
  await expect(lock.getByTestId('period-lock-facts')).toContainText('被作废的单据日期 2026-11-18 在已确认的期间内');
  await settled(page);
  await app.shot('lock-dialog-void');
  // Cancel goes back to the void dialog as filled in.
  await lock.getByRole('button', { name: '取消' }).click();
  await expect(lock).toBeHidden();
  await expect(voidDialog.getByLabel('原因')).toHaveValue('重复录入');
  await voidDialog.getByRole('button', { name: '作废' }).click();
  await lock.getByLabel('原因').fill('银行回单重复，客户确认只付一次');
  await lock.getByRole('button', { name: '仍然作废' }).click();
  await expect(page.getByText(/回款 SK202611-0001 已作废（冲销单 CX202612-0001）/)).toBeVisible();
  await expect(voidDialog).toBeHidden();
  await expect(drawer.getByTestId('drawer-voided')).toBeVisible();
  const afterVoid = await app.runtime.invoke<HistoryEntryDto[]>('system.history', { entity: 'statement', entityId: g.statement.id });
  expect(afterVoid.filter((h) => h.action === 'affected')).toHaveLength(2);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ---- 生成对账单 from 往来明细 asks for the period first: none chosen on screen, so last month.
  const button = page.getByTestId('ledger-statement');
  await button.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByTestId('generate-statement-dialog');
  await expect(ask.getByTestId('generate-from')).toHaveValue('2026-11-01');
  await expect(ask.getByTestId('generate-to')).toHaveValue('2026-11-30');
  await settled(page);
  await app.shot('ledger-statement-period');
  // Esc asks nothing more and numbers nothing.
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect((await app.runtime.invoke<{ total: number }>('statements.list', { search: 'DZ202611-0002' })).total).toBe(0);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(ask.getByTestId('generate-from')).toBeFocused();
  await page.keyboard.press('Control+s');
  const statementDrawer = page.getByTestId('statement-drawer');
  await expect(statementDrawer.getByText('对账单 DZ202611-0002')).toBeVisible();
  await expect(statementDrawer).toContainText('对账期间：2026-11-01 — 2026-11-30');
  await expect(statementDrawer.getByTestId('statement-status')).toHaveText('已生成');
  await settled(page);
  await app.shot('ledger-statement-drawer');
  await statementDrawer.getByTestId('statement-preview-button').click();
  const frame = page.getByTestId('statement-preview-frame');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await page.waitForTimeout(2_500);
  await app.shot('ledger-statement-preview');
  await page.getByTestId('statement-preview-close').click();
  await expect(frame).toBeHidden();
  // Printing in the browser harness is a download of the same PDF.
  const download = page.waitForEvent('download');
  await statementDrawer.getByTestId('statement-print').click();
  expect((await download).suggestedFilename()).toBe('C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf');
});
