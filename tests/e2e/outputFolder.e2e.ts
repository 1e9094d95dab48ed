/**
 * Issue 11, point 5, the desktop flow in Chromium: the page gets a
 * `window.api` like the Electron preload's, wired straight to the same
 * in-process runtime, and the desktop host is the app's own
 * (electron/main/statementDesktop.ts + outputDialog.ts) with only the native
 * folder dialog faked. 选择文件夹… asks that dialog; its answer is granted and
 * the batch writes there; a cancelled dialog changes nothing. The real
 * Electron window runs the same steps in tests/electron/outputDialog.electron.ts
 * (skipped where there is no Electron binary).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderAnswer } from '../../electron/main/outputDialog';
import { statementDesktop } from '../../electron/main/statementDesktop';
import { registerDesktopHost } from '../../electron/services/statements/desktopHost';
import { sizes } from './bothSizes';
import { expect, test } from './fixtures';

test.use({ clockAt: '2026-12-05T10:00:00+08:00' });

test('desktop: 选择文件夹… picks the batch folder in the main-process dialog; cancel changes nothing', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+08:00'));
  const rt = app.runtime;
  await rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
  const c = await rt.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '宁波顺达五金批发部' });
  await rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 300_000 });

  const share = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-share-'));
  const picked = path.join(share, '十一月对账单');
  fs.mkdirSync(picked);
  const answers: FolderAnswer[] = [{ canceled: true, filePaths: [] }, { canceled: false, filePaths: [picked] }];
  const shown: unknown[] = [];
  registerDesktopHost(
    statementDesktop({
      createWindow: () => {
        throw new Error('no printing here');
      },
      openPath: async () => '',
      log: { info: () => {}, warn: () => {} },
      outputDialog: {
        showSaveDialog: async () => ({ canceled: true }),
        showOpenDialog: async (options) => (shown.push(options), answers.shift() ?? { canceled: true, filePaths: [] }),
        grant: (file) => rt.grantOutputPath(file),
        startDir: share,
        texts: { saveTitle: '对账单另存为', folderTitle: '选择保存对账单的文件夹', pdfFilter: 'PDF 文件' },
      },
    }),
  );
  // What the Electron preload exposes, answered by the same runtime (no HTTP, no token).
  await page.exposeFunction('__desktopCall', (method: string, params: unknown) => rt.call(method, params));
  await page.addInitScript(() => {
    const w = window as unknown as { api: unknown; __desktopCall(m: string, p: unknown): Promise<unknown> };
    w.api = { call: (m: string, p: unknown) => w.__desktopCall(m, p), onChanged: () => () => {} };
  });

  try {
    await page.goto(`${app.bridge.appUrl.split('#')[0]}#/statements`);
    await page.getByTestId('statement-batch-open').click();
    const dialog = page.getByTestId('statement-batch-dialog');
    const dataDirOut = path.join(app.dir, 'statements');
    await expect(dialog.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
    await expect(dialog.getByRole('textbox')).toHaveCount(2);

    // Cancelled: the folder stays the data directory, nothing is granted or written.
    await dialog.getByTestId('batch-choose-folder').click();
    await expect.poll(() => shown.length).toBe(1);
    await expect(dialog.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
    expect(fs.readdirSync(picked)).toEqual([]);
    expect(shown[0]).toMatchObject({ title: '选择保存对账单的文件夹', defaultPath: share, properties: ['openDirectory', 'createDirectory'] });

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
  } finally {
    registerDesktopHost(null);
    fs.rmSync(share, { recursive: true, force: true });
  }
});
