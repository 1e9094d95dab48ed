/**
 * The page as the desktop app's, in Chromium: a `window.api` like the
 * Electron preload's, wired straight to the same in-process runtime, and the
 * app's own desktop host (electron/main/statementDesktop.ts + outputDialog.ts)
 * with only the native dialogs faked. Used by the e2e tests of 选择文件夹… /
 * 另存为… (statements, 设置 → 备份, 设置 → 同步).
 */
import type { FolderAnswer, SaveAnswer } from '../../electron/main/outputDialog';
import { statementDesktop } from '../../electron/main/statementDesktop';
import { registerDesktopHost } from '../../electron/services/statements/desktopHost';
import type { AppFixture, Page } from './fixtures';

export interface FakeDialogs {
  folders: FolderAnswer[];
  saves: SaveAnswer[];
  /** The options each dialog was shown with, in order. */
  shown: { kind: 'folder' | 'save'; options: unknown }[];
}

export const DIALOG_TITLES = {
  saveTitle: '对账单另存为',
  folderTitle: '选择保存对账单的文件夹',
  pdfFilter: 'PDF 文件',
  backupFolderTitle: '选择第二份备份的文件夹',
  shareFolderTitle: '选择同步用的共享文件夹',
};

/** Answers the queued dialogs in order (then cancels), starting in `startDir`. Call registerDesktopHost(null) after the test. */
export async function asDesktop(page: Page, app: AppFixture, startDir: string, dialogs: FakeDialogs): Promise<void> {
  const rt = app.runtime;
  registerDesktopHost(
    statementDesktop({
      createWindow: () => {
        throw new Error('no printing here');
      },
      openPath: async () => '',
      log: { info: () => {}, warn: () => {} },
      outputDialog: {
        showSaveDialog: async (options) => (dialogs.shown.push({ kind: 'save', options }), dialogs.saves.shift() ?? { canceled: true }),
        showOpenDialog: async (options) => (dialogs.shown.push({ kind: 'folder', options }), dialogs.folders.shift() ?? { canceled: true, filePaths: [] }),
        grant: (file) => rt.grantOutputPath(file),
        startDir,
        texts: DIALOG_TITLES,
      },
    }),
  );
  await page.exposeFunction('__desktopCall', (method: string, params: unknown) => rt.call(method, params));
  await page.addInitScript(() => {
    type Listener = (e: unknown) => void;
    const w = window as unknown as { api: unknown; __desktopCall(m: string, p: unknown): Promise<unknown>; __desktopChanged(e: unknown): void };
    const listeners = new Set<Listener>();
    w.__desktopChanged = (e) => listeners.forEach((cb) => cb(e));
    w.api = {
      call: (m: string, p: unknown) => w.__desktopCall(m, p),
      onChanged: (cb: Listener) => (listeners.add(cb), () => listeners.delete(cb)),
    };
  });
  // db:changed as the main process sends it to the window (electron/main/index.ts), so views refresh.
  const forward = (e: unknown) => void page.evaluate((ev) => (window as unknown as { __desktopChanged?(x: unknown): void }).__desktopChanged?.(ev), e).catch(() => {});
  rt.events.on('changed', forward);
  page.once('close', () => rt.events.off('changed', forward));
}
