/**
 * Issue 11, point 5 in the real desktop app: statements.chooseOutputPath
 * shows the main-process save dialog, and only the path picked there
 * becomes writable for statements.generate; in 月结对账 the clerk clicks
 * 选择文件夹… and the batch writes into the folder picked (a cancelled dialog
 * changes nothing). Playwright cannot click a native
 * dialog, so dialog.showSaveDialog is replaced inside the main process with
 * one that answers like a clerk who typed a name; everything after it (the
 * grant, the IPC call, the policy, the file) is the app's own code. The
 * decisions are unit-tested in tests/unit/electron/outputDialog.test.ts.
 *
 * Skipped where there is no Electron binary (the project's build machine
 * cannot download it): see electronBinary.ts.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronExecutable, REPO_ROOT, SKIP_REASON } from './electronBinary';

const executablePath = electronExecutable();
test.skip(!executablePath, SKIP_REASON);

type CallResult = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

/** The desktop app on a fresh data directory, its window, and window.api.call as the page sees it. */
async function launch(dataDir: string) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.DEALERDESK_DATA_DIR = dataDir;
  env.DEALERDESK_DB = path.join(dataDir, 'dealerdesk.db');
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  const app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: REPO_ROOT, env });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  const call = (method: string, params: unknown) => win.evaluate(([m, p]) => window.api!.call(m as string, p), [method, params] as const) as Promise<CallResult>;
  return { app, win, call };
}

test('the save dialog grants exactly the path the clerk picked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-dialog-'));
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-picked-'));
  const { app, call } = await launch(dir);
  try {
    const picked = path.join(elsewhere, '宁波顺达-2026-11');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, picked);

    await call('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const customerId = ((await call('customers.create', { code: 'C0001', name: '宁波顺达五金批发部' })).data as { id: string }).id;
    const base = { customerId, from: '2026-11-01', to: '2026-11-30' };
    expect((await call('statements.generate', { ...base, outPath: `${picked}.pdf` })).error?.code).toBe('forbidden');
    const chosen = await call('statements.chooseOutputPath', { kind: 'pdf', suggestedName: '宁波顺达-2026-11' });
    expect(chosen.data).toEqual({ path: `${picked}.pdf` });
    expect((await call('statements.generate', { ...base, outPath: `${picked}.pdf` })).ok).toBe(true);
    expect(fs.readFileSync(`${picked}.pdf`).subarray(0, 4).toString()).toBe('%PDF');
    expect((await call('statements.generate', { ...base, outPath: path.join(elsewhere, 'other.pdf') })).error?.code).toBe('forbidden');
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('月结对账: 选择文件夹… picks the folder in the main-process dialog; cancel changes nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-batch-'));
  const share = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-electron-share-'));
  const { app, win, call } = await launch(dir);
  try {
    await call('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const customerId = ((await call('customers.create', { code: 'C0001', name: '宁波顺达五金批发部' })).data as { id: string }).id;
    await call('ledger.postInvoice', { customerId, date: '2026-11-03', amountFen: 300_000 });

    // The native folder dialog answers "cancel" first, then the share folder.
    const picked = path.join(share, '十一月');
    fs.mkdirSync(picked);
    await app.evaluate(({ dialog }, folder) => {
      const answers = [{ canceled: true, filePaths: [] as string[] }, { canceled: false, filePaths: [folder] }];
      dialog.showOpenDialog = (async () => answers.shift() ?? { canceled: true, filePaths: [] }) as typeof dialog.showOpenDialog;
    }, picked);

    await win.evaluate(() => {
      window.location.hash = '/statements';
    });
    await win.getByTestId('statement-batch-open').click();
    const batch = win.getByTestId('statement-batch-dialog');
    await batch.getByTestId('batch-from').fill('2026-11-01');
    await batch.getByTestId('batch-to').fill('2026-11-30');
    const dataDirOut = path.join(dir, 'statements');
    await expect(batch.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
    await batch.getByTestId('batch-choose-folder').click();
    await win.waitForTimeout(500);
    await expect(batch.getByTestId('batch-out-dir')).toHaveText(`${dataDirOut}（数据目录）`);
    await batch.getByTestId('batch-choose-folder').click();
    await expect(batch.getByTestId('batch-out-dir')).toHaveText(picked);
    await win.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'electron-shots', 'batch-folder-picked.png') });
    await batch.getByTestId('batch-start').click();
    await expect(batch.getByTestId('batch-result')).toContainText('生成 1 份');
    expect(fs.readdirSync(picked)).toEqual(['C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf']);
    expect(fs.existsSync(dataDirOut)).toBe(false);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(share, { recursive: true, force: true });
  }
});
