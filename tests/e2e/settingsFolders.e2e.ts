/**
 * Issue 11, point 5, for the folders of 设置 → 备份 (second copy) and
 * 设置 → 同步 (share), in the desktop app (Chromium with the app's desktop
 * host and faked native dialogs, desktopApi.ts): 选择文件夹… opens the
 * main-process folder dialog; a cancel leaves the field as it was, a picked
 * folder fills it and is saved (and used). A typed folder the service refuses
 * shows its Chinese message under the field. Driven with the keyboard.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupSettings } from '../../shared/api/backup';
import type { SyncStatusView } from '../../shared/api/sync';
import { registerDesktopHost } from '../../electron/services/statements/desktopHost';
import { sizes } from './bothSizes';
import { asDesktop, DIALOG_TITLES, type FakeDialogs } from './desktopApi';
import { expect, test } from './fixtures';

let share = '';
test.beforeEach(() => {
  share = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-settings-share-'));
});
test.afterEach(() => {
  registerDesktopHost(null);
  fs.rmSync(share, { recursive: true, force: true });
});

const UNC = String.raw`\\server\share\dealerdesk`;

test('设置 → 备份: 选择文件夹… for the second copy — cancel keeps the typed folder, a pick is saved and used; a bad typed folder is refused', async ({ page, app }) => {
  const picked = path.join(share, '经销往来备份');
  fs.mkdirSync(picked);
  const dialogs: FakeDialogs = { folders: [{ canceled: true, filePaths: [] }, { canceled: false, filePaths: [picked] }], saves: [], shown: [] };
  await app.runtime.invoke('settings.updateCompany', { companyName: '备份测试有限公司', shortName: '备份测试' });
  await asDesktop(page, app, share, dialogs);
  await app.open('/settings');
  await page.getByRole('tab', { name: '备份' }).click();
  const field = page.getByTestId('backup-second-dir');
  const choose = page.getByTestId('backup-second-dir-choose');
  await expect(choose).toHaveText('选择文件夹…');

  // A UNC path is typed; the dialog is cancelled: the text stays.
  await field.fill(UNC);
  await field.press('Tab');
  await expect(choose).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogs.shown.length).toBe(1);
  expect(dialogs.shown[0]).toEqual({ kind: 'folder', options: { title: DIALOG_TITLES.backupFolderTitle, defaultPath: share, properties: ['openDirectory', 'createDirectory'] } });
  await expect(field).toHaveValue(UNC);
  // The cancelled dialog has answered (a press while it is open is ignored, as for a clerk).
  await expect(choose).toHaveAttribute('aria-busy', 'false');

  // Picked: the field shows it, 保存 stores it, 立即备份 copies there.
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(picked);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await app.runtime.invoke<BackupSettings>('backup.settings', {})).secondCopyDir).toBe(picked);
  await sizes(page, app.shot, 'settings-backup-folder-picked');
  await page.getByTestId('backup-now').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('备份完成并已校验')).toBeVisible();
  await expect.poll(() => fs.readdirSync(picked).filter((n) => n.endsWith('.db')).length).toBe(1);

  // Typed: a relative path is refused by the service, under the field, and nothing changes.
  await field.fill('备份');
  await field.press('Control+s');
  await expect(page.getByText('第二份备份文件夹须是完整路径')).toBeVisible();
  expect((await app.runtime.invoke<BackupSettings>('backup.settings', {})).secondCopyDir).toBe(picked);
  await sizes(page, app.shot, 'settings-backup-folder-refused');
});

test('设置 → 同步: 选择文件夹… for the share — cancel keeps the field, a pick turns sync on there', async ({ page, app }) => {
  const dialogs: FakeDialogs = { folders: [{ canceled: true, filePaths: [] }, { canceled: false, filePaths: [share] }], saves: [], shown: [] };
  await asDesktop(page, app, os.tmpdir(), dialogs);
  await app.open('/settings');
  await page.getByRole('tab', { name: '同步' }).click();
  const form = page.getByTestId('sync-settings');
  const field = form.getByTestId('sync-folder');
  const choose = form.getByTestId('sync-folder-choose');
  await expect(field).toHaveValue('');

  await field.press('Tab');
  await expect(choose).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogs.shown.length).toBe(1);
  expect(dialogs.shown[0]).toMatchObject({ kind: 'folder', options: { title: DIALOG_TITLES.shareFolderTitle, defaultPath: os.tmpdir() } });
  await expect(field).toHaveValue('');
  await expect(choose).toHaveAttribute('aria-busy', 'false');

  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(share);
  await sizes(page, app.shot, 'settings-sync-folder-picked');
  await form.getByLabel('本机名称').fill('前台电脑');
  await form.getByLabel('本机名称').press('Enter');
  await expect(page.getByTestId('sync-state')).toHaveText('已同步');
  expect(await app.runtime.invoke<SyncStatusView>('sync.status', {})).toMatchObject({ enabled: true, folder: share });
  await sizes(page, app.shot, 'settings-sync-folder-on');
});

test('设置 → 同步: a typed share that is not a full path is refused with the field named', async ({ page, app }) => {
  await asDesktop(page, app, share, { folders: [], saves: [], shown: [] });
  await app.open('/settings');
  await page.getByRole('tab', { name: '同步' }).click();
  const form = page.getByTestId('sync-settings');
  await form.getByTestId('sync-folder').fill('共享');
  await form.getByLabel('本机名称').fill('前台电脑');
  await form.getByLabel('本机名称').press('Enter');
  await expect(page.getByTestId('sync-message')).toContainText('共享文件夹须是完整路径');
  expect(await app.runtime.invoke<SyncStatusView>('sync.status', {})).toMatchObject({ enabled: false });
  await sizes(page, app.shot, 'settings-sync-folder-refused');
});
