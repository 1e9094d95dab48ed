/**
 * A clerk's day with the keyboard only (issue 16): a new customer walked with
 * Enter through every select (no list ever left open), an invoice and a
 * receipt whose method list closes on save, a call with a promise whose
 * amount lands in the amount field, the discard prompt on a half-filled
 * form, F1's shortcut sheet and the help page.
 */
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';

const NOW = '2026-11-24T10:00:00+08:00';
test.use({ clockAt: NOW });

/** No dropdown list is open anywhere in the window. */
async function noListOpen(page: Page) {
  await expect(page.locator('[role=listbox]:visible')).toHaveCount(0);
}

async function enter(field: Locator) {
  await field.press('Enter');
}

test('a new customer walked with Enter through every select leaves no list open, and Ctrl+S saves', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.open('/customers/new');
  const form = page.getByTestId('customer-form');
  const code = form.getByLabel('客户编码');
  await expect(code).toBeFocused();
  await enter(code);
  await page.keyboard.type('厦门鹭岛零售有限公司');
  await page.keyboard.press('Enter');
  await page.keyboard.type('鹭岛');
  await page.keyboard.press('Enter');

  // 类型: typing 零 jumps to 零售, Enter picks it, closes the list and moves on.
  const kind = form.getByRole('combobox', { name: '类型' });
  await expect(kind).toBeFocused();
  await page.keyboard.type('零');
  await expect(page.getByRole('option', { name: '零售' })).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(kind).toHaveValue('零售');
  await noListOpen(page);

  const grade = form.getByRole('combobox', { name: '等级' });
  await expect(grade).toBeFocused();
  await page.keyboard.type('b');
  await page.keyboard.press('Enter');
  await expect(grade).toHaveValue('B');
  await noListOpen(page);

  // 状态: Enter on a closed list keeps the value and moves on; nothing opens.
  const status = form.getByRole('combobox', { name: '状态' });
  await expect(status).toBeFocused();
  await page.keyboard.press('Enter');
  await noListOpen(page);
  await expect(status).toHaveValue('正常');

  // 客户分层 (issue 14) behaves like every select: typing 重 jumps to 重点, Enter picks and moves on.
  const layer = form.getByRole('combobox', { name: '客户分层' });
  await expect(layer).toBeFocused();
  await page.keyboard.type('重');
  await page.keyboard.press('Enter');
  await expect(layer).toHaveValue('重点');
  await noListOpen(page);
  await expect(form.getByLabel('回访周期（天）')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('地区')).toBeFocused();

  // Esc in an open list closes the list only: the form stays.
  await status.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[role=listbox]:visible')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await noListOpen(page);
  await expect(form).toBeVisible();
  // Opening a list then Tab away closes it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await noListOpen(page);
  await app.shot('customer-form-walked');

  // Enter on the option already chosen keeps it (never clears the field).
  await kind.focus();
  await page.keyboard.type('零');
  await page.keyboard.press('Enter');
  await expect(kind).toHaveValue('零售');
  await noListOpen(page);

  // Ctrl+S with a list open: saved, and the list is gone.
  await kind.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('customer-title')).toHaveText('厦门鹭岛零售有限公司');
  await noListOpen(page);
  const saved = await app.runtime.invoke<{ rows: { kind: string; grade: string; status: string }[] }>('customers.list', { search: '鹭岛' });
  expect(saved.rows[0]).toMatchObject({ kind: 'retail', grade: 'B', status: 'active' });
});

test('an invoice and a receipt by keyboard, a call with a promise, the discard prompt and the shortcut sheet', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  // 新星 (initials xx) among customers whose initials merely contain xx: Enter must take 新星.
  for (const [i, name] of ['厦门新象贸易', '湘乡新兴商行', '徐州小学食堂'].entries()) {
    await app.runtime.invoke('customers.create', { code: `C000${i + 1}`, name });
  }
  const xx = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0009', name: '新星', paymentTermDays: 30 });
  await app.runtime.invoke('ledger.postInvoice', { customerId: xx.id, date: '2026-09-01', amountFen: 500_000 });

  await app.open('/ledger/entry');
  const invoice = page.getByTestId('invoice-form');
  const picker = invoice.getByTestId('entry-customer');
  await expect(picker).toBeFocused();
  await page.keyboard.type('xx');
  await expect(page.getByRole('option').first()).toContainText('新星');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('C0009 新星');
  await page.keyboard.type('2026-11-20');
  await page.keyboard.press('Enter'); // date → 单号
  await page.keyboard.press('Enter'); // 单号 → 金额
  await page.keyboard.type('12,000');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/应收单 YS202611-0001 已保存/)).toBeVisible();
  await noListOpen(page);

  // 回款: the method list opened and left by saving is closed after the save.
  await page.keyboard.press('Alt+2');
  const receipt = page.getByTestId('receipt-form');
  await expect(receipt.getByTestId('entry-customer')).toHaveValue('C0009 新星');
  await receipt.getByLabel('金额').focus();
  await page.keyboard.type('3000');
  await page.keyboard.press('Enter');
  const method = receipt.getByTestId('entry-method');
  await expect(method).toBeFocused();
  await page.keyboard.type('现金');
  await expect(page.locator('[role=listbox]:visible')).toHaveCount(1);
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/回款 SK202611-0001 已保存/)).toBeVisible();
  await noListOpen(page);
  const summary = await app.runtime.invoke<{ balanceFen: number }>('ledger.summary', { customerId: xx.id });
  expect(summary.balanceFen).toBe(500_000 + 1_200_000 - 300_000);

  // A half-filled slip: leaving through the navigation asks 放弃未保存的修改？; staying keeps it.
  await page.keyboard.press('Alt+1');
  await invoice.getByLabel('金额').focus();
  await page.keyboard.type('888');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.locator('nav').getByText('今日催收').click();
  expect(asked).toEqual(['放弃未保存的修改？']);
  await expect(invoice.getByLabel('金额')).toHaveValue('888');
  page.once('dialog', (d) => void d.accept());
  await page.locator('nav').getByText('今日催收').click();

  // 记录电话 by keyboard: Tab from the promise date goes to the amount (not to the date's ×).
  const table = page.getByTestId('collection-table');
  await table.getByRole('row').filter({ hasText: '新星' }).getByTestId('collection-log-call').click();
  const modal = page.getByTestId('log-call-modal');
  await expect(modal.getByLabel('通话内容')).toBeFocused();
  await page.keyboard.type('王经理说周五付一部分');
  await page.keyboard.press('Tab');
  await expect(modal.getByLabel('承诺付款日期')).toBeFocused();
  await page.keyboard.type('2026-11-27');
  await page.keyboard.press('Tab');
  await expect(modal.getByLabel('承诺付款金额')).toBeFocused();
  await page.keyboard.type('2000');
  await expect(modal.getByLabel('承诺付款金额')).toHaveValue('2000');
  await expect(modal.getByLabel('承诺付款日期')).toHaveValue('2026-11-27');
  await app.shot('log-call-keyboard');
  // Esc with typed input asks first; staying keeps the dialog.
  const escAsked: string[] = [];
  page.once('dialog', (d) => {
    escAsked.push(d.message());
    void d.dismiss();
  });
  await page.keyboard.press('Escape');
  await expect.poll(() => escAsked).toEqual(['放弃未保存的修改？']);
  await expect(modal.getByLabel('承诺付款金额')).toHaveValue('2000');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已记录电话')).toBeVisible();
  const calls = await app.runtime.invoke<{ promiseAmountFen: number | null; promiseDate: string | null }[]>('interactions.list', {
    customerId: xx.id,
  });
  expect(calls[0]).toMatchObject({ promiseAmountFen: 200_000, promiseDate: '2026-11-27' });

  // F1: the sheet of this screen's keys, and from it the rules page.
  await page.keyboard.press('F1');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(page.getByText('键盘快捷键')).toBeVisible();
  await expect(page.getByText('从搜索框进入列表')).toBeVisible();
  await app.shot('shortcut-sheet');
  await page.getByTestId('shortcut-help-link').click();
  await expect(page.getByTestId('help-page')).toContainText('先到期先核销');
  await expect(sheet.getByText('键盘快捷键')).toHaveCount(0);
  await app.shot('help-page');
});
