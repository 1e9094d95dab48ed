/**
 * Statements through the UI, as a clerk does them (issue 8): generate last
 * month's statement from the customer card, look at it, mark it sent, later
 * confirmed (the customer signed it); the register shows it, the code typed
 * from the paper finds it; the month-end batch runs with a progress bar; the
 * statement settings show which font prints.
 */
import type { GeneratedStatement } from '../../shared/api/statements';
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
  await settled(page);
  await app.shot('batch-dialog');
  await dialog.getByTestId('batch-start').click();
  await expect(dialog.getByTestId('batch-result')).toContainText('生成 1 份，跳过 1 份，失败 0 份');
  await expect(dialog.getByTestId('batch-progress-text')).toHaveText('已处理 2 / 2 位客户');
  await settled(page);
  await app.shot('batch-done');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('statement-register')).toContainText('温州新光商行');

  await app.open('/settings');
  await page.getByRole('tab', { name: '对账单' }).click();
  await expect(page.getByTestId('statement-font-in-use')).toContainText('Noto Sans SC');
  await expect(page.getByTestId('statement-confirmation-preview')).toContainText('10 日内');
  await app.shot('settings');
});
