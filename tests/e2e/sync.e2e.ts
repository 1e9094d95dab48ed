/**
 * Two PCs in two browser windows, each on its own database, one shared
 * folder: both turn sync on in 设置 → 同步 (keyboard), a receipt entered on
 * one appears in the other's document list after 立即同步, and the header
 * indicator shows the state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, startApp, test, type Page } from './fixtures';

const SHOTS = path.resolve(__dirname, 'screenshots');

async function turnOn(page: Page, folder: string, name: string): Promise<void> {
  await page.getByRole('tab', { name: '同步' }).click();
  const form = page.getByTestId('sync-settings');
  await form.getByLabel('共享文件夹').fill(folder);
  await form.getByLabel('共享文件夹').press('Tab');
  await page.keyboard.press('Enter'); // 测试
  await expect(page.getByTestId('sync-message')).toHaveText('共享文件夹可以读写');
  await form.getByLabel('本机名称').fill(name);
  await form.getByLabel('本机名称').press('Enter');
  await expect(page.getByTestId('sync-state')).toHaveText('已同步');
}

test('two PCs see each other’s receipt after 立即同步', async ({ page, app, browser }) => {
  const share = path.join(app.dir, 'share');
  fs.mkdirSync(share);
  const other = await startApp();
  const page2 = await (await browser.newContext()).newPage();
  try {
    for (const p of [page, page2]) await p.setViewportSize({ width: 1366, height: 768 });
    await app.open('/settings');
    await turnOn(page, share, '老板电脑');
    await expect(page.getByTestId('sync-series')).toContainText('A');
    await app.shot('sync-on');

    await page2.goto(other.bridge.appUrl);
    await page2.evaluate(() => (window.location.hash = '/settings'));
    await turnOn(page2, share, '会计电脑');
    await expect(page2.getByTestId('sync-series')).toContainText('B');
    await expect(page2.getByTestId('sync-peers')).toContainText('老板电脑');
    await expect(page2.getByTestId('header-sync')).toHaveAttribute('data-state', 'synced');

    // A receipt entered on the second PC…
    const { code } = await other.runtime.invoke<{ code: string }>('customers.nextCode', {});
    const c = await other.runtime.invoke<{ id: string }>('customers.create', { code, name: '成都瑞丰商贸有限公司' });
    const r = await other.runtime.invoke<{ document: { docNo: string } }>('ledger.postReceipt', { customerId: c.id, date: '2026-11-20', amountFen: 123_456 });
    expect(r.document.docNo).toMatch(/^SK\d{6}-B0001$/);
    await page2.getByTestId('sync-now').click();
    await expect(page2.getByText('同步完成', { exact: false }).first()).toBeVisible();

    // …reaches the first after its 立即同步, and its views refresh by themselves.
    await app.open('/ledger/documents');
    await expect(page.getByText(r.document.docNo)).toHaveCount(0);
    await app.open('/settings');
    await page.getByRole('tab', { name: '同步' }).click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByText('同步完成', { exact: false }).first()).toBeVisible();
    await app.shot('synced');
    await app.open('/ledger/documents');
    await expect(page.getByText(r.document.docNo)).toBeVisible();
    await app.shot('receipt-arrived');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open('/settings');
    await page.getByRole('tab', { name: '同步' }).click();
    await expect(page.getByTestId('sync-peers')).toContainText('会计电脑');
    await app.shot('sync-settings-1920');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page2.screenshot({ path: path.join(SHOTS, 'sync-second-pc-1366.png'), fullPage: true });
  } finally {
    await page2.context().close();
    await other.bridge.close();
    other.runtime.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
});
