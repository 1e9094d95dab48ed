/**
 * Statements in the real desktop window (issue 8): the preview shows the
 * stored PDF in Chromium's viewer inside the app, printing goes through the
 * main process (a hidden viewer window + webContents.print; with a printer
 * that does not exist it must fail with a clear message, not hang), and
 * opening in the system viewer is wired (its outcome depends on the desktop,
 * so only the refusal path is asserted). The decisions themselves (which
 * file, which options) are unit-tested in tests/unit/electron/statementPrint.test.ts.
 *
 * Skipped where there is no Electron binary (the project's build machine
 * cannot download it): see electronBinary.ts.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronExecutable, REPO_ROOT, SKIP_REASON } from './electronBinary';

const executablePath = electronExecutable();
test.skip(!executablePath, SKIP_REASON);

async function launch(dataDir: string): Promise<{ app: ElectronApplication; win: Page }> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.DEALERDESK_DATA_DIR = dataDir;
  env.DEALERDESK_DB = path.join(dataDir, 'dealerdesk.db');
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  const app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: REPO_ROOT, env });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  return { app, win };
}

type CallResult = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

test('preview, print and open a statement from the desktop app', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-statements-'));
  const { app, win } = await launch(dir);
  try {
    const call = (method: string, params: unknown) => win.evaluate(([m, p]) => window.api!.call(m as string, p), [method, params] as const) as Promise<CallResult>;
    const created = await call('customers.create', { code: 'C0001', name: '宁波顺达五金批发部' });
    const customerId = (created.data as { id: string }).id;
    await call('ledger.postInvoice', { customerId, date: '2026-11-03', amountFen: 1_234_567 });

    await win.evaluate((id) => {
      window.location.hash = `/customers/${id}?tab=statements`;
    }, customerId);
    await win.getByTestId('statement-from').fill('2026-11-01');
    await win.getByTestId('statement-to').fill('2026-11-30');
    await win.getByTestId('statement-generate').click();
    const drawer = win.getByTestId('statement-drawer');
    await expect(drawer.getByTestId('statement-status')).toHaveText('已生成');
    // Desktop only: the 用系统程序打开 button exists.
    await expect(drawer.getByRole('button', { name: '用系统程序打开' })).toBeVisible();

    await drawer.getByTestId('statement-preview-button').click();
    await expect(win.getByTestId('statement-preview-frame')).toHaveAttribute('src', /^blob:/);
    await win.waitForTimeout(2_000);
    await win.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'electron-shots', 'statement-preview.png') });
    await win.getByTestId('statement-preview-close').click();

    const list = (await call('statements.list', { customerId })).data as { rows: { id: string }[] };
    const id = list.rows[0].id;
    // A printer that does not exist: a clear refusal from the main process, and no window left behind.
    const printed = await call('statements.print', { id, copies: 1, printerName: 'DealerDesk-No-Such-Printer' });
    expect(printed.ok).toBe(false);
    expect(printed.error?.message).toContain('打印失败');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
