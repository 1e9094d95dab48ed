/**
 * The real desktop window: what only Electron can show (security flags at
 * run time, the preload's `window.api`, the menu, remembered window bounds).
 * Each test runs the built app (out/, built by globalSetup) on a fresh data
 * directory and database in a temp folder, never the user's own data.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronExecutable, REPO_ROOT, SKIP_REASON } from './electronBinary';

const executablePath = electronExecutable();
test.skip(!executablePath, SKIP_REASON);

const SHOTS = path.join(REPO_ROOT, 'test-results', 'electron-shots');

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-'));
}

async function launch(dataDir: string): Promise<{ app: ElectronApplication; win: Page }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.DEALERDESK_DATA_DIR = dataDir;
  env.DEALERDESK_DB = path.join(dataDir, 'dealerdesk.db');
  // Chromium refuses to start as root (CI containers) without disabling its OS sandbox;
  // the renderer's JavaScript sandbox (no Node, contextIsolation) is unaffected.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  const app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: REPO_ROOT, env });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  return { app, win };
}

test('the window opens sandboxed, with the settings page, window.api and the menu', async () => {
  const dir = tempDataDir();
  const { app, win } = await launch(dir);
  try {
    await expect(win).toHaveTitle('经销往来 DealerDesk');

    await win.evaluate(() => {
      window.location.hash = '/settings';
    });
    await expect(win.getByTestId('company-form')).toBeVisible();
    await win.screenshot({ path: path.join(SHOTS, 'settings.png') });

    // The page sees exactly the preload's API and nothing of Node.
    const probe = await win.evaluate(() => {
      const g = globalThis as { require?: unknown; process?: unknown; module?: unknown };
      return {
        api: typeof window.api,
        keys: Object.keys(window.api ?? {}).sort(),
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
      };
    });
    expect(probe).toEqual({ api: 'object', keys: ['call', 'onChanged'], require: 'undefined', process: 'undefined', module: 'undefined' });

    // The one IPC channel reaches the dispatcher.
    const status = await win.evaluate(() => window.api!.call('system.status', {}));
    expect(status).toMatchObject({ ok: true, data: { state: 'ready', dbFile: path.join(dir, 'dealerdesk.db') } });
    const unknown = await win.evaluate(() => window.api!.call('no.such.method', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    // window.open never makes a second window; navigation away is refused.
    expect(await win.evaluate(() => window.open('about:blank') === null)).toBe(true);
    const appUrl = win.url();
    await win.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toBe(appUrl);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? []);
    expect(menu).toEqual(['文件', '编辑', '视图', '帮助']);

    // The log file is in the data dir.
    expect(fs.existsSync(path.join(dir, 'logs', 'dealerdesk.log'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the window size and position are remembered across a relaunch', async () => {
  const dir = tempDataDir();
  try {
    const first = await launch(dir);
    await first.app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0].setBounds({ x: 40, y: 30, width: 1100, height: 700 });
    });
    // What the window manager actually granted (a small virtual screen may clamp it).
    const before = await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getNormalBounds());
    await first.app.close();
    expect(fs.existsSync(path.join(dir, 'window-state.json'))).toBe(true);

    const second = await launch(dir);
    try {
      const after = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getNormalBounds());
      expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height });
      expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(40); // some window managers offset by the title bar
    } finally {
      await second.app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
