/**
 * Issue 13 point 5, the dashboard half: the boss sees how many exceptions-report
 * lines are not yet reviewed (the report's default period), the card opens the
 * report, and ticking a line there lowers the count; a clerk never sees the card.
 * Screenshots at 1366×768 and 1920×1080.
 */
import type { Page } from '@playwright/test';
import type { CallVia } from '../../electron/api/sessions';
import { expect, test } from './fixtures';

const NOW = '2026-11-24T02:00:00Z';
test.use({ clockAt: NOW });

const seed: CallVia = { session: 'seed', channel: 'ipc' };
const clerkSeed: CallVia = { session: 'seed-clerk', channel: 'ipc' };

async function shots(page: Page, shot: (n: string) => Promise<void>, name: string) {
  for (const width of [1366, 1920]) {
    await page.setViewportSize(width === 1366 ? { width, height: 768 } : { width, height: 1080 });
    await page.waitForTimeout(300);
    await shot(`${name}-${width}`);
  }
}

async function logIn(page: Page, username: string, password: string) {
  const form = page.getByTestId('login-form');
  await expect(form).toBeVisible();
  await form.getByLabel('登录名').fill(username);
  await form.getByLabel('登录名').press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

test('the boss sees the unreviewed exceptions on the dashboard and opens them; a clerk does not see the card', async ({ page, app }) => {
  const rt = app.runtime;
  await rt.invoke('auth.setupBoss', { username: 'laoban', displayName: '王老板', password: 'boss-pass-123', confirmPassword: 'boss-pass-123' }, seed);
  await rt.invoke('users.create', { username: 'wenyuan', displayName: '李文员', role: 'clerk', password: 'temp-pass-123' }, seed);
  await rt.invoke('auth.login', { username: 'wenyuan', password: 'temp-pass-123' }, clerkSeed);
  await rt.invoke('auth.changePassword', { oldPassword: 'temp-pass-123', newPassword: 'clerk-pass-123' }, clerkSeed);
  const customer = await rt.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '杭州恒通商贸有限公司', shortName: '恒通商贸' }, seed);
  // Dated within the back-date allowance: ordinary invoices, not exceptions.
  const kept = await rt.invoke<{ document: { id: string } }>('ledger.postInvoice', { customerId: customer.id, date: '2026-11-20', amountFen: 123_456_789, docNo: 'YS202611-0001' }, seed);
  const wrong = await rt.invoke<{ document: { id: string } }>('ledger.postInvoice', { customerId: customer.id, date: '2026-11-21', amountFen: 300_000, docNo: 'YS202611-0002' }, seed);
  await page.clock.install({ time: new Date(NOW) });
  await app.open('/');
  await logIn(page, 'laoban', 'boss-pass-123');
  const card = page.getByTestId('dash-exceptions');
  await expect(card).toContainText('例外事项未复核');
  await expect(card).toContainText('0 条');

  // Two exceptions: a void and a write-off; the card follows without a reload (db:changed).
  await rt.invoke('ledger.void', { docId: wrong.document.id, reason: '开错客户' }, seed);
  await rt.invoke('ledger.postWriteOff', { debitId: kept.document.id, date: '2026-11-24', amountFen: 50_000, memo: '客户已注销' }, seed);
  await expect(card).toContainText('2 条');
  await shots(page, app.shot, 'dash-exceptions');

  // The card opens the report over the same period: the same two lines unreviewed.
  await page.setViewportSize({ width: 1360, height: 860 });
  await card.click();
  await expect(page).toHaveURL(/\/exceptions/);
  await expect(page.getByTestId('exceptions-unreviewed')).toHaveText('未复核 2 条');
  const table = page.getByTestId('exceptions-table');
  await expect(table).toContainText('冲销');
  await expect(table).toContainText('坏账核销');
  // Tick the void as reviewed: the dashboard counts one.
  await table.getByRole('row').filter({ hasText: '开错客户' }).getByRole('checkbox').check();
  await page.getByTestId('exceptions-review').click();
  await expect(page.getByTestId('exceptions-unreviewed')).toHaveText('未复核 1 条');
  await app.open('/');
  await expect(page.getByTestId('dash-receivables')).toBeVisible();
  await expect(page.getByTestId('dash-exceptions')).toContainText('1 条');

  // The clerk's dashboard has the headline figures but no exceptions card.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await logIn(page, 'wenyuan', 'clerk-pass-123');
  await app.open('/');
  await expect(page.getByTestId('dash-receivables')).toBeVisible();
  await expect(page.getByTestId('dash-dso')).toBeVisible();
  await expect(page.getByTestId('dash-exceptions')).toHaveCount(0);
  await shots(page, app.shot, 'dash-clerk');
});
