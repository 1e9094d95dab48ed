import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { writeBackup } from '../../db/backup';
import { startApp } from './fixtures';

base('a damaged database shows the recovery screen and restores the latest backup', async ({ page }) => {
  // Yesterday's good database, with its backup.
  const first = await startApp();
  const dbFile = path.join(first.dir, 'dealerdesk.db');
  await first.runtime.invoke('settings.updateCompany', { companyName: '恢复测试有限公司', shortName: '恢复测试' });
  await writeBackup(first.runtime.database().sqlite, dbFile, 'daily');
  await first.bridge.close();
  first.runtime.close();
  // Then the file gets overwritten with garbage.
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.writeFileSync(dbFile, Buffer.alloc(64 * 1024, 0x41));

  const second = await startApp({ dbFile });
  try {
    await page.goto(second.bridge.appUrl);
    const screen = page.getByTestId('db-error');
    await expect(screen).toBeVisible();
    await expect(screen.getByText('无法打开数据库')).toBeVisible();
    await expect(screen.getByText('不是有效的 SQLite')).toBeVisible();
    fs.mkdirSync(path.resolve(__dirname, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.resolve(__dirname, 'screenshots/database-recovery-01-error.png'), fullPage: true });

    await screen.getByRole('button', { name: '从此备份恢复' }).click();
    await expect(page.getByTestId('header-company')).toHaveText('恢复测试');
    await page.screenshot({ path: path.resolve(__dirname, 'screenshots/database-recovery-02-restored.png'), fullPage: true });
    // The damaged file was kept aside, not deleted.
    expect(fs.readdirSync(path.dirname(dbFile)).some((n) => n.startsWith('dealerdesk.db.damaged-'))).toBe(true);
  } finally {
    await second.bridge.close();
    second.runtime.close();
    fs.rmSync(first.dir, { recursive: true, force: true });
    fs.rmSync(second.dir, { recursive: true, force: true });
  }
});
