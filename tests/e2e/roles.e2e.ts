/**
 * Issue 13 end to end: the boss wizard behind the banner; a clerk's write-off
 * authorized on the spot by the boss's password, and the audit log showing
 * both names; the idle lock drawn over a half-filled slip that survives the
 * unlock. Keyboard-driven; screenshots at 1366×768 and 1920×1080.
 */
import type { Page } from '@playwright/test';
import type { CallVia } from '../../electron/api/sessions';
import { expect, test } from './fixtures';

const NOW = '2026-11-24T02:00:00Z';
test.use({ clockAt: NOW });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const seed: CallVia = { session: 'seed', channel: 'ipc' };
const clerkSeed: CallVia = { session: 'seed-clerk', channel: 'ipc' };

async function shots(page: Page, shot: (n: string) => Promise<void>, name: string) {
  for (const s of SIZES) {
    await page.setViewportSize(s);
    await page.waitForTimeout(300);
    await shot(`${name}-${s.width}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

async function officeWithClerk(app: { runtime: import('../../electron/api/runtime').AppRuntime }) {
  const rt = app.runtime;
  await rt.invoke('auth.setupBoss', { username: 'laoban', displayName: '王老板', password: 'boss-pass-123', confirmPassword: 'boss-pass-123' }, seed);
  await rt.invoke('users.create', { username: 'wenyuan', displayName: '李文员', role: 'clerk', password: 'temp-pass-123' }, seed);
  await rt.invoke('auth.login', { username: 'wenyuan', password: 'temp-pass-123' }, clerkSeed);
  await rt.invoke('auth.changePassword', { oldPassword: 'temp-pass-123', newPassword: 'clerk-pass-123' }, clerkSeed);
  const customer = await rt.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '杭州恒通商贸有限公司', shortName: '恒通商贸' }, seed);
  await rt.invoke('ledger.postInvoice', { customerId: customer.id, date: '2026-09-01', amountFen: 1_200_000, docNo: 'YS202609-0001' }, seed);
  return customer;
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

test('no users: the banner offers the boss wizard; it shows the recovery code once, then the boss is logged in', async ({ page, app }) => {
  await app.open('/');
  const banner = page.getByTestId('no-users-banner');
  await expect(banner).toContainText('尚未设置老板账户');
  await shots(page, app.shot, 'banner');
  await banner.getByTestId('create-boss').click();
  const wizard = page.getByTestId('boss-setup');
  await wizard.getByLabel('登录名').fill('laoban');
  await page.keyboard.press('Tab');
  await page.keyboard.type('王老板');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  await expect(wizard).toContainText('至少 8 个字符');
  await wizard.getByLabel('密码（至少 8 位）').fill('boss-pass-123');
  await wizard.getByLabel('再次输入密码').fill('boss-pass-123');
  await wizard.getByLabel('再次输入密码').press('Enter');
  await expect(page.getByTestId('recovery-code')).toContainText(/[A-Z2-9]{4}-[A-Z2-9]{4}/);
  await shots(page, app.shot, 'recovery-sheet');
  await page.getByTestId('recovery-done').click();
  await expect(page.getByTestId('user-menu')).toContainText('王老板（老板）');
  await expect(page.getByTestId('no-users-banner')).toHaveCount(0);
});

test('a clerk write-off is authorized on the spot by the boss; the audit log shows both names', async ({ page, app }) => {
  const customer = await officeWithClerk(app);
  // The browser's "today" (the slip's default date) is the runtime's.
  await page.clock.install({ time: new Date(NOW) });
  await app.open('/');
  await shots(page, app.shot, 'login');
  await logIn(page, 'wenyuan', 'clerk-pass-123');

  await app.open(`/ledger/entry?customer=${customer.id}&kind=write_off`);
  const form = page.getByTestId('write-off-form');
  await form.getByLabel('核销的应收单').click();
  await page.getByRole('option', { name: /YS202609-0001/ }).click();
  await form.getByLabel('核销金额').fill('3000');
  await form.getByLabel('核销原因').fill('客户已注销，无法收回');
  await form.getByLabel('核销原因').press('Control+s');

  const dialog = page.getByTestId('authorize-dialog');
  await expect(page.getByTestId('authorize-summary')).toContainText('坏账核销 ¥3,000.00');
  await dialog.getByLabel('授权人', { exact: true }).fill('laoban');
  await dialog.getByLabel('授权人', { exact: true }).press('Tab');
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('授权人或密码不正确');
  await shots(page, app.shot, 'authorize-dialog');
  await dialog.getByLabel('授权人密码').fill('boss-pass-123');
  await dialog.getByLabel('授权人密码').press('Enter');
  await expect(page.getByText(/坏账核销单? .* 已保存/)).toBeVisible();
  const summary = await app.runtime.invoke<{ balanceFen: number }>('ledger.summary', { customerId: customer.id }, seed);
  expect(summary.balanceFen).toBe(900_000);

  // The boss opens the audit log: the write-off is the clerk's, authorized by the boss.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await logIn(page, 'laoban', 'boss-pass-123');
  await app.open('/audit');
  await page.getByTestId('audit-filter-entity').fill('ar_document');
  const row = page.getByTestId('audit-row').filter({ hasText: '李文员（wenyuan）' });
  await expect(row).toHaveCount(1);
  // Both names on the one row: the clerk who did it and the boss who authorized it.
  await expect(row.getByTestId('audit-authorized-by')).toHaveText('王老板');
  await row.click();
  await expect(page.getByTestId('audit-changes')).toContainText('write_off');
  await shots(page, app.shot, 'audit-log');
  await app.open('/exceptions');
  await expect(page.getByTestId('exceptions-table')).toContainText('坏账核销');
  await shots(page, app.shot, 'exceptions');
});

test('the idle lock covers a half-filled slip; unlocking as the same user keeps it', async ({ page, app }) => {
  const customer = await officeWithClerk(app);
  await page.clock.install({ time: new Date(NOW) });
  await app.open('/');
  await logIn(page, 'wenyuan', 'clerk-pass-123');
  await app.open(`/ledger/entry?customer=${customer.id}&kind=invoice`);
  const form = page.getByTestId('invoice-form');
  await form.getByLabel('金额').fill('4321.50');
  await page.clock.fastForward('11:00');
  const overlay = page.getByTestId('lock-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('李文员（文员）的录入都还在');
  // While locked the main process refuses the clerk's calls, whatever the page does.
  const refused = await app.runtime.call('customers.list', {}, { session: `http:${'x'}`, channel: 'http' });
  expect(refused.ok).toBe(false);
  await shots(page, app.shot, 'locked');
  await overlay.getByLabel('密码').fill('clerk-pass-123');
  await overlay.getByLabel('密码').press('Enter');
  await expect(overlay).toHaveCount(0);
  await expect(form.getByLabel('金额')).toHaveValue('4321.50');
});

test('the boss approves a pending request from his inbox; users and period close live in 设置', async ({ page, app }) => {
  const customer = await officeWithClerk(app);
  const invoice = await app.runtime.invoke<{ rows: { id: string }[] }>('ledger.documents', { customerId: customer.id }, seed);
  const request = { method: 'ledger.postWriteOff', params: { debitId: invoice.rows[0].id, date: '2026-11-24', amountFen: 50_000, memo: '客户破产' }, reason: '法院已裁定破产' };
  await app.runtime.invoke('approvals.request', request, clerkSeed);
  await page.clock.install({ time: new Date(NOW) });
  await app.open('/');
  await logIn(page, 'laoban', 'boss-pass-123');
  await app.open('/approvals');
  const table = page.getByTestId('approvals-table');
  await expect(table).toContainText('坏账核销 ¥500.00');
  await expect(table).toContainText('法院已裁定破产');
  await shots(page, app.shot, 'approvals-inbox');
  await table.getByRole('button', { name: '批准' }).click();
  await expect(table).toContainText('已批准');
  const summary = await app.runtime.invoke<{ balanceFen: number }>('ledger.summary', { customerId: customer.id }, seed);
  expect(summary.balanceFen).toBe(1_150_000);

  await app.open('/settings');
  await page.getByRole('tab', { name: '用户与权限' }).click();
  await expect(page.getByTestId('users-tab')).toContainText('李文员');
  await shots(page, app.shot, 'settings-users');
  await page.getByRole('tab', { name: '结账' }).click();
  await page.getByLabel('结账日期').fill('2026-10-31');
  await page.getByRole('button', { name: '结账', exact: true }).click();
  await expect(page.getByTestId('closed-through')).toHaveText('已结账至 2026-10-31');
  await shots(page, app.shot, 'settings-period');
});
