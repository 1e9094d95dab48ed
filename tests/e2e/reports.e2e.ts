/**
 * Issue 16 point 11 through the UI, with the keyboard: 今日催收 and a
 * customer's 往来明细 exported to Excel and printed to PDF; the files are
 * read back (exceljs, pdftotext) against the API's figures. Screenshots at
 * 1366×768 and 1920×1080.
 */
import { execFileSync } from 'node:child_process';
import { loadExcelJs } from '../../electron/services/import/loadExcelJs';
import type { CollectionList } from '../../shared/api/alerts';
import { formatFenPlain } from '../../shared/money/format';
import { expect, test, type Page } from './fixtures';
import { sizes } from './bothSizes';

const NOW = '2026-12-05T10:00:00+08:00';
test.use({ clockAt: NOW });

async function download(page: Page, testId: string): Promise<{ name: string; path: string }> {
  const waiting = page.waitForEvent('download');
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Enter');
  const d = await waiting;
  return { name: d.suggestedFilename(), path: (await d.path())! };
}

test('今日催收 and 往来明细 to Excel and PDF', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州恒通建材有限公司', shortName: '恒通建材' });
  const ids: string[] = [];
  for (const [code, name, fen] of [
    ['C0001', '杭州瑞丰建材商行', 1_234_567],
    ['C0002', '宁波永信五金有限公司', 88_800],
  ] as const) {
    const c = await app.runtime.invoke<{ id: string }>('customers.create', { code, name, paymentTermDays: 30, contact: { name: '王伟', mobile: '13900001111', isPrimary: true } });
    await app.runtime.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-09-10', amountFen: fen, memo: '螺纹钢 HRB400 3吨' });
    ids.push(c.id);
  }
  const list = await app.runtime.invoke<CollectionList>('collection.today', {});

  await app.open('/collection');
  await expect(page.getByTestId('collection-total')).toBeVisible();
  await sizes(page, app.shot, 'collection');
  const xlsx = await download(page, 'collection-export-xlsx');
  expect(xlsx.name).toBe('今日催收-2026-12-05.xlsx');
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx.path);
  const ws = wb.worksheets[0];
  expect(ws.getCell('A1').value).toBe('杭州恒通建材有限公司 今日催收');
  const totalRow = (ws.getRow(7 + list.rows.length).values as unknown[]).slice(1);
  expect(Math.round(Number(totalRow[4]) * 100)).toBe(list.overdueFen);
  const pdf = await download(page, 'collection-export-pdf');
  expect(pdf.name).toBe('今日催收-2026-12-05.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
  for (const r of list.rows) expect(text).toContain(formatFenPlain(r.overdueFen));

  await app.open(`/customers/${ids[0]}?tab=ledger`);
  await expect(page.getByTestId('customer-ledger')).toBeVisible();
  await sizes(page, app.shot, 'ledger-export-buttons');
  const ledgerPdf = await download(page, 'ledger-export-pdf');
  expect(ledgerPdf.name).toMatch(/^往来明细-C0001-2026-09-10至2026-12-05\.pdf$/);
  const ledgerText = execFileSync('pdftotext', ['-layout', ledgerPdf.path, '-'], { encoding: 'utf8' });
  expect(ledgerText).toContain('客户：C0001 杭州瑞丰建材商行');
  expect(ledgerText.split('\n').find((l) => l.includes('期末余额'))).toContain('12,345.67');
});
