/**
 * 设置 → 同步: the rebuild-from-log check (keyboard) says the data equals a
 * replay of the log, then names the table a write that bypassed the log
 * changed; a long job's phase and counts show under 本机 and in the header.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withoutCapture } from '../../db/sync/capture';
import { reportProgress } from '../../electron/services/sync/progress';
import { expect, test } from './fixtures';

test('从日志重建核对 passes, then names the table changed behind the log; progress of a long job', async ({ page, app }) => {
  const share = path.join(app.dir, 'share');
  fs.mkdirSync(share);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { code } = await app.runtime.invoke<{ code: string }>('customers.nextCode', {});
  const c = await app.runtime.invoke<{ id: string }>('customers.create', { code, name: '成都瑞丰商贸有限公司' });
  await app.runtime.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-02', dueOn: '2026-12-02', amountFen: 88_000 });
  await app.runtime.invoke('sync.setup', { folder: share, name: '老板电脑' });

  await app.open('/settings');
  await page.getByRole('tab', { name: '同步' }).click();
  const button = page.getByTestId('sync-verify');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sync-verify-result')).toContainText('核对通过');
  await expect(page.getByTestId('sync-progress')).toHaveCount(0);
  await expect(page.getByTestId('header-sync')).toHaveText('已同步');
  await app.shot('verify-passed');

  const sqlite = app.runtime.database().sqlite;
  withoutCapture(sqlite, () => sqlite.prepare(`UPDATE customers SET name = '绕过日志改名' WHERE id = ?`).run(c.id));
  await button.focus();
  await page.keyboard.press('Enter');
  const result = page.getByTestId('sync-verify-result');
  await expect(result).toContainText('核对发现不一致');
  await expect(result.getByRole('cell', { name: 'customers' })).toBeVisible();
  await expect(page.getByTestId('sync-progress')).toHaveCount(0);
  await app.shot('verify-differs');

  // A long apply in progress (reported as the engine does), seen under 本机 and on the header light.
  reportProgress(sqlite, { phase: 'apply', done: 120, total: 340 });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await page.getByRole('tab', { name: '同步' }).click();
  await expect(page.getByTestId('sync-progress')).toContainText('应用其他电脑的数据段：120 / 340');
  await expect(page.getByTestId('header-sync')).toContainText('120/340');
  await app.shot('progress-1920');
  reportProgress(sqlite, null);
});
