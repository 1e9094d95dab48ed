/**
 * Issue 16 point 11: 今日催收 and 往来明细 print (PDF) and export (.xlsx), and
 * the aging .xlsx carries a title block. Every file is read back with the
 * tools a person would use — exceljs for the workbook, poppler's pdftotext
 * for the PDF — and its figures are checked against the API's own data
 * (collection.today, ledger.customerLedger, aging.report), row by row.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worksheet } from 'exceljs';
import type { AgingReport } from '../../../shared/api/aging';
import type { CollectionList } from '../../../shared/api/alerts';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { ExportFile } from '../../../shared/api/imports';
import type { CustomerLedger } from '../../../shared/api/ledger';
import { formatFenPlain } from '../../../shared/money/format';
import { loadExcelJs } from '../../../electron/services/import/loadExcelJs';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
let a: CustomerDetail;
const COMPANY = '杭州恒通建材有限公司';

async function sheetOf(file: ExportFile): Promise<Worksheet> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const rowValues = (ws: Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
/** Yuan as exceljs reads the cell back, to fen without floating-point drift. */
const fenOf = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100));

function pdfText(file: ExportFile): string {
  const p = path.join(t.dir, file.fileName);
  fs.writeFileSync(p, Buffer.from(file.dataBase64, 'base64'));
  if (process.env.REPORT_PNG_DIR) execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', p, path.join(process.env.REPORT_PNG_DIR, path.basename(p, '.pdf'))]);
  return execFileSync('pdftotext', ['-layout', p, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  t = await tempRuntime();
  await t.rt.invoke('settings.updateCompany', { companyName: COMPANY });
  const make = (code: string, name: string, mobile: string) =>
    t.rt.invoke<CustomerDetail>('customers.create', { code, name, paymentTermDays: 30, contact: { name: '王伟', mobile, isPrimary: true } });
  a = await make('C0001', '杭州瑞丰建材商行', '13900001111');
  const b = await make('C0002', '宁波永信五金有限公司', '13800002222');
  const c = await make('C0003', '绍兴嘉禾装饰材料有限公司', '13700003333');
  const inv = (customerId: string, date: string, amountFen: number) =>
    t.rt.invoke('ledger.postInvoice', { customerId, date, amountFen, memo: '螺纹钢 HRB400 3吨', override: { reason: '测试' } });
  await inv(a.id, '2026-06-10', 1_234_567);
  await inv(a.id, '2026-10-01', 88_800);
  await t.rt.invoke('ledger.postReceipt', { customerId: a.id, date: '2026-10-15', amountFen: 200_000 });
  await inv(b.id, '2026-09-01', 5_000_050);
  await inv(c.id, '2026-11-20', 10_000);
  await t.rt.invoke('collection.logCall', { customerId: b.id, summary: '答应月底付', promiseDate: '2026-11-30', promiseAmountFen: 1_000_000 });
});
afterAll(() => t.cleanup());

describe('今日催收 export and print', () => {
  it('the .xlsx has the title block, every row of the list and the overdue total, figure for figure', async () => {
    const list = await t.rt.invoke<CollectionList>('collection.today', {});
    expect(list.rows.length).toBe(2);
    const file = await t.rt.invoke<ExportFile>('collection.exportXlsx', {});
    expect(file.fileName).toBe('今日催收-2026-11-24.xlsx');
    const ws = await sheetOf(file);
    expect(ws.getCell('A1').value).toBe(`${COMPANY} 今日催收`);
    expect(ws.getCell('A2').value).toBe('日期：2026-11-24');
    expect(ws.getCell('A3').value).toBe('共 2 户（逾期 2 户，仅违约承诺 0 户）');
    expect(ws.getCell('A4').value).toBe('生成时间：2026-11-24 10:00');
    const header = rowValues(ws, 6);
    expect(header.slice(0, 8)).toEqual(['序号', '分组', '客户编码', '客户名称', '逾期金额', '逾期笔数', '最长逾期天数', '余额']);
    list.rows.forEach((r, i) => {
      const v = rowValues(ws, 7 + i);
      expect(v[0]).toBe(r.rank);
      expect(v[2]).toBe(r.customerCode);
      expect(fenOf(v[4])).toBe(r.overdueFen);
      expect(v[5]).toBe(r.overdueCount);
      expect(v[6]).toBe(r.oldestDays);
      expect(fenOf(v[7])).toBe(r.balanceFen);
    });
    const totals = rowValues(ws, 7 + list.rows.length);
    expect(totals[3]).toBe('合计（2 户）');
    expect(fenOf(totals[4])).toBe(list.overdueFen);
    // The oracle: overdue of each row summed independently of the service's total.
    expect(list.overdueFen).toBe(list.rows.reduce((s, r) => s + r.overdueFen, 0));
    // The promise travels with its row.
    const bRow = list.rows.findIndex((r) => r.customerCode === 'C0002');
    expect(rowValues(ws, 7 + bRow)[8]).toBe('2026-11-30 ¥10,000.00 待兑现');
  });

  it('the PDF prints the same rows and total', async () => {
    const list = await t.rt.invoke<CollectionList>('collection.today', {});
    const text = pdfText(await t.rt.invoke<ExportFile>('collection.exportPdf', {}));
    expect(text).toContain('今日催收');
    expect(text).toContain(COMPANY);
    expect(text).toContain('日期：2026-11-24');
    for (const r of list.rows) {
      const line = text.split('\n').find((l) => l.includes(r.customerCode));
      expect(line, r.customerCode).toBeDefined();
      expect(line).toContain(formatFenPlain(r.overdueFen));
      expect(line).toContain(formatFenPlain(r.balanceFen));
    }
    const totalsLine = text.split('\n').find((l) => l.includes('合计'));
    expect(totalsLine).toContain(formatFenPlain(list.overdueFen));
    expect(text.replace(/\s+/g, '')).toContain('第1页/共1页');
  });
});

describe('往来明细 export and print', () => {
  const period = { from: '2026-10-01', to: '2026-11-30' };
  it('the .xlsx names customer and period and reads back the running balance of the ledger', async () => {
    const ledger = await t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId: a.id, ...period });
    const ws = await sheetOf(await t.rt.invoke<ExportFile>('ledger.exportLedgerXlsx', { customerId: a.id, ...period }));
    expect(ws.getCell('A1').value).toBe(`${COMPANY} 往来明细`);
    expect(ws.getCell('A2').value).toBe('客户：C0001 杭州瑞丰建材商行');
    expect(ws.getCell('A3').value).toBe('期间：2026-10-01 至 2026-11-30');
    expect(rowValues(ws, 6)).toEqual(['日期', '单号', '类型', '摘要', '应收增加', '收款/减少', '余额']);
    expect(fenOf(rowValues(ws, 7)[6])).toBe(12_345_67);
    ledger.lines.forEach((l, i) => {
      const v = rowValues(ws, 8 + i);
      expect(v[1]).toBe(l.docNo);
      expect(fenOf(v[6])).toBe(l.balanceFen);
    });
    // Oracle: opening + debits − credits, summed here.
    const closing = ledger.openingFen + ledger.lines.reduce((s, l) => s + l.debitFen - l.creditFen, 0);
    expect(fenOf(rowValues(ws, 8 + ledger.lines.length)[6])).toBe(closing);
    expect(closing).toBe(1_234_567 + 88_800 - 200_000);
  });

  it('the PDF shows opening, each line and the closing balance', async () => {
    const ledger = await t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId: a.id, ...period });
    const file = await t.rt.invoke<ExportFile>('ledger.exportLedgerPdf', { customerId: a.id, ...period });
    expect(file.fileName).toBe('往来明细-C0001-2026-10-01至2026-11-30.pdf');
    const text = pdfText(file);
    expect(text).toContain('往来明细');
    expect(text).toContain('客户：C0001 杭州瑞丰建材商行');
    expect(text).toContain('期初余额');
    for (const l of ledger.lines) expect(text.split('\n').find((x) => x.includes(l.docNo))).toContain(formatFenPlain(l.balanceFen));
    expect(text.split('\n').find((x) => x.includes('期末余额'))).toContain(formatFenPlain(ledger.closingFen));
  });
});

describe('aging .xlsx title block', () => {
  it('company, as-of date, basis and generated-at above the header; the rows unchanged below it', async () => {
    const r = await t.rt.invoke<AgingReport>('aging.report', { asOf: '2026-11-24', basis: 'document' });
    const ws = await sheetOf(await t.rt.invoke<ExportFile>('aging.exportXlsx', { asOf: '2026-11-24', basis: 'document' }));
    expect([1, 2, 3, 4].map((n) => ws.getCell(n, 1).value)).toEqual([
      `${COMPANY} 账龄分析表`,
      '截止日期：2026-11-24',
      '账龄基准：按单据日期',
      '生成时间：2026-11-24 10:00',
    ]);
    expect(ws.getCell(5, 1).value).toBeNull();
    expect(rowValues(ws, 6).slice(0, 2)).toEqual(['客户编码', '客户名称']);
    // Frozen below the header, filter on the header.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    const bucketCount = r.buckets.length;
    const totals = rowValues(ws, 7 + r.rows.length);
    expect(totals[1]).toBe(`合计（${r.rows.length} 户）`);
    expect(totals.slice(6, 6 + bucketCount).map(fenOf)).toEqual(r.totals.bucketsFen);
    expect(fenOf(totals[6 + bucketCount + 1])).toBe(r.totals.balanceFen);
  });
});
