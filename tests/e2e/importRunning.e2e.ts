/**
 * Issue 11 point 3 through the UI: while another process imports invoices in
 * chunks, every screen carries 导入进行中：已写入 X / Y 行，报表暂未包含全部导入数据
 * with a progress bar; when the import is done the banner goes away by
 * itself and the report refreshes with the whole import.
 */
import path from 'node:path';
import type { ImportInProgress } from '../../shared/api/importProgress';
import { startChildImport, writeInvoiceCsv } from '../integration/safety/importSetup';
import { sizes } from './bothSizes';
import { expect, test } from './fixtures';

const CUSTOMERS = 200;
const ROWS = 40_000;

test('a running import is announced on every screen, with its progress, until it is done', async ({ page, app }) => {
  test.setTimeout(240_000);
  const codes = Array.from({ length: CUSTOMERS }, (_, i) => `K${String(i).padStart(4, '0')}`);
  const customers = ['客户编码,客户名称', ...codes.map((c) => `${c},导入演示客户${c}有限公司`)].join('\r\n');
  await app.runtime.invoke('imports.commit', { kind: 'customers', fileName: 'k.csv', dataBase64: Buffer.from(customers).toString('base64') });
  const csv = writeInvoiceCsv(app.dir, codes, ROWS, 'RUN');

  // Short chunks with long pauses: the import must still be running while four screenshots are taken.
  const child = startChildImport(path.join(app.dir, 'dealerdesk.db'), csv, { chunkMs: 100, gapMs: 200, idleGapMs: 200 });
  await child.started;
  // Wait until its batch exists (the file is read and checked first).
  await expect.poll(async () => (await app.runtime.invoke<ImportInProgress | null>('imports.status', {}))?.total ?? 0, { timeout: 60_000 }).toBe(ROWS);

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/aging');
  const banner = page.getByTestId('import-running-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText(/导入进行中：已写入 [\d,]+ \/ 40,000 行，报表暂未包含全部导入数据/);
  await sizes(page, app.shot, 'import-running-aging');
  // Another screen, the same banner.
  await app.open('/ledger');
  await expect(banner).toBeVisible();
  await sizes(page, app.shot, 'import-running-ledger');

  const { code } = await child.exited;
  expect(code).toBe(0);
  await expect(banner).toBeHidden({ timeout: 15_000 });
  expect(await app.runtime.invoke('imports.status', {})).toBeNull();
});
