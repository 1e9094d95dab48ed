/**
 * Issue 13 in the real desktop app: the OS lock screen (Electron powerMonitor
 * 'lock-screen') locks the logged-in session in the main process and the
 * window draws the lock overlay. Skipped where no Electron binary exists.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronExecutable, REPO_ROOT, SKIP_REASON } from './electronBinary';

const executablePath = electronExecutable();
test.skip(!executablePath, SKIP_REASON);

test('the OS lock screen locks the session; the window shows the lock overlay', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.DEALERDESK_DATA_DIR = dataDir;
  env.DEALERDESK_DB = path.join(dataDir, 'dealerdesk.db');
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  const app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: REPO_ROOT, env });
  try {
    const win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
    const setup = await win.evaluate(() =>
      window.api!.call('auth.setupBoss', { username: 'laoban', displayName: '王老板', password: 'boss-pass-123', confirmPassword: 'boss-pass-123' }),
    );
    expect(setup).toMatchObject({ ok: true });
    await win.reload();
    await expect(win.getByTestId('user-menu')).toBeVisible();
    await app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen'));
    await expect(win.getByTestId('lock-overlay')).toBeVisible();
    const refused = await win.evaluate(() => window.api!.call('customers.list', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
