/**
 * Issue 11, point 3 through the UI: while another process holds the
 * database's write lock longer than the busy timeout, a save is answered
 * 数据库正忙，请稍后重试 (never an English SQLite message), the form stays open
 * with everything typed, and the same click saves once the lock is released.
 * The other writer is a real second process (tests/integration/safety/lockHolder.ts).
 */
import path from 'node:path';
import { holdWriteLock } from '../integration/safety/lockHolder';
import { expect, test } from './fixtures';

test('a save refused as busy keeps the form and its input; the same save goes through later', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/customers');
  await page.getByTestId('customer-new').click();
  const form = page.getByTestId('customer-form');
  const code = form.getByLabel('客户编码');
  await expect(code).toBeFocused();
  await code.press('Control+A');
  await code.pressSequentially('C0777');
  await code.press('Enter');
  await expect(form.getByLabel('客户名称')).toBeFocused();
  await form.getByLabel('客户名称').pressSequentially('杭州忙时贸易有限公司');
  await form.getByLabel('地区').fill('杭州');
  await form.getByLabel('联系人姓名').fill('王芳');

  // Longer than the 5 s busy timeout: the save has to give up.
  const lock = await holdWriteLock(path.join(app.dir, 'dealerdesk.db'), 8_000);
  await form.getByTestId('customer-save').click();
  await expect(page.getByText('数据库正忙，请稍后重试').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/database is locked|SQLITE_BUSY/i)).toHaveCount(0);
  await expect(form).toBeVisible();
  await expect(code).toHaveValue('C0777');
  await expect(form.getByLabel('客户名称')).toHaveValue('杭州忙时贸易有限公司');
  await expect(form.getByLabel('联系人姓名')).toHaveValue('王芳');
  await app.shot('busy-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.shot('busy-1920');
  expect(await app.runtime.invoke('customers.list', {})).toMatchObject({ total: 0 });

  expect(await lock.done).toBe(0);
  await form.getByTestId('customer-save').click();
  await expect(form).toBeHidden();
  expect(await app.runtime.invoke('customers.list', {})).toMatchObject({ total: 1, rows: [{ code: 'C0777', name: '杭州忙时贸易有限公司' }] });
});
