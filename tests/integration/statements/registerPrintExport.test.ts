/**
 * Issue 16 point 10: from the register, the ticked statements print as ONE
 * PDF (each from a new page, each with its own 第 x 页 / 共 y 页), and the
 * register rows export to .xlsx. Read back page by page with pdftotext and
 * with exceljs, against statements.list.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/api/imports';
import type { GeneratedStatement, StatementFile, StatementPage, StatementRecord } from '../../../shared/api/statements';
import { loadExcelJs } from '../../../electron/services/import/loadExcelJs';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, refusal, statementRuntime } from './helpers';

let t: TempRuntime;
let statements: StatementRecord[];
const NOV = { from: '2026-11-01', to: '2026-11-30' };

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

function save(file: StatementFile | ExportFile): string {
  const p = path.join(t.dir, file.fileName);
  fs.writeFileSync(p, Buffer.from(file.dataBase64, 'base64'));
  return p;
}

beforeAll(async () => {
  t = await statementRuntime();
  const ids: string[] = [];
  for (const [code, invoices] of [['C0001', 70], ['C0002', 3], ['C0003', 1]] as const) {
    const c = await customer(t, code, `合并打印测试${code}有限公司`);
    for (let i = 0; i < invoices; i++) {
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, amountFen: 10_000 + i, memo: `第 ${i + 1} 批货` });
    }
    ids.push((await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, ...NOV })).statement.id);
  }
  statements = (await t.rt.invoke<StatementPage>('statements.list', {})).rows;
  expect(statements.map((s) => s.id).sort()).toEqual([...ids].sort());
});
afterAll(() => t.cleanup());

describe('statements.printSelected', () => {
  it('one PDF: every ticked statement from a new page, in register order, with its own page x of y', async () => {
    const file = save(await t.rt.invoke<StatementFile>('statements.printSelected', { ids: statements.map((s) => s.id).reverse() }));
    const multi = statements.find((s) => s.customer.code === 'C0001')!;
    expect(multi.pages).toBeGreaterThan(1);
    expect(pageCount(file)).toBe(statements.reduce((n, s) => n + s.pages, 0));
    let page = 1;
    for (const s of statements) {
      for (let p = 1; p <= s.pages; p++, page++) {
        const text = pageText(file, page);
        expect(text, `page ${page}`).toContain(`第 ${p} 页 / 共 ${s.pages} 页`);
        expect(text).toContain(s.statementNo);
        // Only this statement on the page: the others' numbers never appear on it.
        for (const other of statements) if (other.id !== s.id) expect(text).not.toContain(other.statementNo);
      }
      expect(pageText(file, page - s.pages)).toContain(s.customer.name);
    }
  });

  it('a selection of one prints that one only', async () => {
    const one = statements.find((s) => s.customer.code === 'C0003')!;
    const file = save(await t.rt.invoke<StatementFile>('statements.printSelected', { ids: [one.id] }));
    expect(pageCount(file)).toBe(one.pages);
    expect(pageText(file, 1)).toContain(`核对码：${one.verificationCode}`);
  });

  it('refuses, naming the statement, when the ledger moved after it was generated; an unknown id too', async () => {
    const changed = statements.find((s) => s.customer.code === 'C0002')!;
    await post(t, 'ledger.postReceipt', { customerId: changed.customer.id, date: '2026-11-15', amountFen: 100, override: { reason: '测试' } });
    const e = await refusal(t, 'statements.printSelected', { ids: statements.map((s) => s.id) });
    expect(e.message).toContain(changed.statementNo);
    expect(e.message).toContain('账目有变动');
    expect((await refusal(t, 'statements.printSelected', { ids: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] })).message).toContain('已不存在');
    expect((await refusal(t, 'statements.printSelected', { ids: [] })).message).toContain('请至少选择一张对账单');
  });
});

describe('statements.exportXlsx', () => {
  it('the register rows of the filter, figures and status as statements.list gives them', async () => {
    await t.rt.invoke('statements.markSentMany', { ids: statements.slice(0, 2).map((s) => s.id), date: '2026-12-05' });
    const rows = (await t.rt.invoke<StatementPage>('statements.list', { status: 'sent' })).rows;
    expect(rows.length).toBe(2);
    const file = await t.rt.invoke<ExportFile>('statements.exportXlsx', { status: 'sent' });
    expect(file.rows).toBe(2);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(ws.getCell('A1').value).toBe('杭州明远商贸有限公司 对账单登记');
    expect(ws.getCell('A2').value).toBe('状态：已发出');
    const h = [...Array(10).keys()].map((i) => i + 1).find((n) => values(n)[0] === '对账单号')!;
    rows.forEach((s, i) => {
      const v = values(h + 1 + i);
      expect(v[0]).toBe(s.statementNo);
      expect(v[1]).toBe(s.customer.code);
      expect(Math.round(Number(v[8]) * 100)).toBe(s.closingFen);
      expect(v[9]).toBe('已发出');
      expect(v[10]).toBe('2026-12-05');
    });
    expect(values(h + 1 + rows.length).filter((x) => x !== undefined && x !== null)).toEqual([]);
  });
});
