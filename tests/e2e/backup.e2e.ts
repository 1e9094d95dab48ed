/**
 * Issue 11: 设置 → 备份 (back up now with progress, the list with size/date/
 * verification, restore asking twice) and the recovery screen for a database
 * emptied to 0 bytes, each photographed at 1366×768 and 1920×1080.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { writeVerifiedBackup } from '../../db/backup';
import { startApp, test } from './fixtures';

const SHOTS = path.resolve(__dirname, 'screenshots');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function shootBoth(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SHOTS, `backup-${name}-${size.width}.png`) });
  }
}

test('设置 → 备份: back up now, see it verified, restore a healthy database only after two confirmations', async ({ app, page }) => {
  await app.runtime.invoke('settings.updateCompany', { companyName: '备份测试有限公司', shortName: '备份测试' });
  await app.open('/settings');
  await page.getByRole('tab', { name: '备份' }).click();
  const tab = page.getByTestId('backup-tab');
  await expect(tab.getByText('还没有备份')).toBeVisible();
  await tab.getByTestId('backup-now').focus();
  await page.keyboard.press('Enter');
  await expect(tab.getByText('备份完成并已校验')).toBeVisible();
  await expect(tab.getByRole('cell', { name: '通过' })).toBeVisible();
  await expect(tab.getByRole('cell', { name: '手动' })).toBeVisible();
  await shootBoth(page, 'tab');

  // A change after the backup: the restore must say it will be lost.
  await app.runtime.invoke('settings.updateCompany', { companyName: '备份之后改的名字', shortName: '改后' });
  await tab.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByText(/此后记录的 \d+ 项改动/)).toBeVisible();
  await shootBoth(page, 'restore-1');
  await dialog.getByRole('button', { name: '继续' }).click();
  await expect(page.getByText('再次确认')).toBeVisible();
  await shootBoth(page, 'restore-2');
  await page.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText('已恢复备份')).toBeVisible();
  expect((await app.runtime.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('备份测试有限公司');
  expect(fs.readdirSync(app.dir).some((n) => n.startsWith('dealerdesk.db.replaced-'))).toBe(true);
});

base('a database emptied to 0 bytes opens the recovery screen with the verified backups', async ({ page }) => {
  const first = await startApp();
  const dbFile = path.join(first.dir, 'dealerdesk.db');
  await first.runtime.invoke('settings.updateCompany', { companyName: '清空测试有限公司', shortName: '清空测试' });
  await writeVerifiedBackup(first.runtime.database().sqlite, dbFile, { reason: 'daily' });
  await first.bridge.close();
  first.runtime.close();
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.writeFileSync(dbFile, '');

  const second = await startApp({ dbFile });
  try {
    await page.goto(second.bridge.appUrl);
    const screen = page.getByTestId('db-error');
    await expect(screen.getByText('0 字节', { exact: false })).toBeVisible();
    await expect(screen.getByText('通过')).toBeVisible();
    await shootBoth(page, 'recovery-empty');
    await screen.getByRole('button', { name: '从此备份恢复' }).click();
    await expect(page.getByTestId('header-company')).toHaveText('清空测试');
    expect(fs.statSync(dbFile).size).toBeGreaterThan(0);
  } finally {
    await second.bridge.close();
    second.runtime.close();
    fs.rmSync(first.dir, { recursive: true, force: true });
    fs.rmSync(second.dir, { recursive: true, force: true });
  }
});
