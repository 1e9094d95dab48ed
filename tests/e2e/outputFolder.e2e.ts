/**
 * Issue 11, point 5, the desktop flows in Chromium (the page as the desktop
 * app's, desktopApi.ts). 选择文件夹… (月结对账) and 另存为… (one statement) ask
 * the main-process dialogs; the answer is granted and written to; a cancelled
 * dialog writes nothing. The real Electron window runs the batch steps in
 * tests/electron/outputDialog.electron.ts (skipped without an Electron binary).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerDesktopHost } from '../../electron/services/statements/desktopHost';
import { sizes } from './bothSizes';
import { asDesktop, type FakeDialogs } from './desktopApi';
import { expect, test, type AppFixture, type Page } from './fixtures';

const NOW = '2026-12-05T10:00:00+08:00';
test.use({ clockAt: NOW });

async function seed(app: AppFixture): Promise<string> {
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
  const c = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '宁波顺达五金批发部' });
  await app.runtime.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 300_000 });
  return c.id;
}

const openAt = (page: Page, app: AppFixture, route: string) => page.goto(`${app.bridge.appUrl.split('#')[0]}#${route}`);

let share = '';
test.beforeEach(() => {
  share = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-share-'));
});
test.afterEach(() => {
  registerDesktopHost(null);
  fs.rmSync(share, { recursive: true, force: true });
});

test('desktop: 选择文件夹… picks the batch folder in the main-process dialog; cancel changes nothing', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await seed(app);
  const picked = path.join(share, '十一月对账单');
  fs.mkdirSync(picked);
  const dialogs: FakeDialogs = { folders: [{ canceled: true, filePaths: [] }, { canceled: false, filePaths: [picked] }], saves: [], shown: [] };
  await asDesktop(page, app, share, dialogs);

  await openAt(page, app, '/statements');
  await page.getByTestId('statement-batch-open').click();
  const dialog = page.getByTestId('statement-batch-dialog');
  const dataDirOut = path.join(app.dir, 'statements');
  await expect(dialog.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
  await expect(dialog.getByRole('textbox')).toHaveCount(2);

  // Cancelled: the folder stays the data directory, nothing is granted or written.
  await dialog.getByTestId('batch-choose-folder').click();
  await expect.poll(() => dialogs.shown.length).toBe(1);
  await expect(dialog.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
  expect(fs.readdirSync(picked)).toEqual([]);
  expect(dialogs.shown[0]).toMatchObject({ kind: 'folder', options: { title: '选择保存对账单的文件夹', defaultPath: share, properties: ['openDirectory', 'createDirectory'] } });

  // Picked: shown, and the batch writes there (and not into the data directory).
  await dialog.getByTestId('batch-choose-folder').click();
  await expect(dialog.getByTestId('batch-out-dir')).toHaveText(picked);
  await expect(dialog.getByTestId('batch-default-folder')).toBeVisible();
  await page.waitForTimeout(300);
  await sizes(page, app.shot, 'batch-desktop-folder');
  await dialog.getByTestId('batch-start').focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('batch-result')).toContainText('生成 1 份，跳过 0 份，失败 0 份');
  await expect(dialog.getByTestId('batch-result')).toContainText(`文件保存在：${picked}`);
  expect(fs.readdirSync(picked)).toEqual(['C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf']);
  expect(fs.existsSync(dataDirOut)).toBe(false);
  await sizes(page, app.shot, 'batch-desktop-done');
});

test('desktop: 另存为… writes the statement where the save dialog says; cancel writes nothing', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const customerId = await seed(app);
  const target = path.join(share, '宁波顺达-11月.pdf');
  const dialogs: FakeDialogs = { folders: [], saves: [{ canceled: true }, { canceled: false, filePath: target }], shown: [] };
  await asDesktop(page, app, share, dialogs);

  await openAt(page, app, `/customers/${customerId}?tab=statements`);
  await page.getByTestId('customer-statements').getByTestId('statement-generate').click();
  const drawer = page.getByTestId('statement-drawer');
  await expect(drawer.getByTestId('statement-status')).toHaveText('已生成');
  const save = drawer.getByTestId('statement-save');
  await expect(save).toHaveText('另存为…');

  await save.click();
  await expect.poll(() => dialogs.shown.length).toBe(1);
  expect(dialogs.shown[0]).toMatchObject({
    kind: 'save',
    options: { title: '对账单另存为', defaultPath: path.join(share, 'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf'), properties: ['showOverwriteConfirmation', 'createDirectory'] },
  });
  await page.waitForTimeout(300);
  expect(fs.readdirSync(share)).toEqual([]);

  await save.click();
  await expect(page.getByText(`已保存 ${target}`)).toBeVisible();
  expect(fs.readFileSync(target).subarray(0, 4).toString()).toBe('%PDF');
  await sizes(page, app.shot, 'statement-saved-desktop');
});
