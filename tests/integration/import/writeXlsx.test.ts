import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxColumn } from '../../../electron/services/export/writeXlsx';
import { loadExcelJs } from '../../../electron/services/import/loadExcelJs';
import { mapImportRows } from '../../../electron/services/import/mapRows';
import { readTableFile } from '../../../electron/services/import/readTable';
import { fenFromText, makeTempDir, testColumns } from './helpers';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

const columns: XlsxColumn[] = [
  { header: '客户编码', key: 'code' },
  { header: '客户名称', key: 'name' },
  { header: '银行账号', key: 'bank_account', kind: 'text' },
  { header: '信用额度', key: 'credit_limit', kind: 'fen' },
  { header: '签约日期', key: 'signed_on', kind: 'date' },
  { header: '账期天数', key: 'term', kind: 'int', width: 10 },
];

const records = [
  { code: '00123', name: '北京华东商贸有限公司', bank_account: '6222021234567890123', credit_limit: 5_000_012, signed_on: '2026-03-05', term: 30 },
  { code: 'C0002', name: '=SUM(A1)', bank_account: '0012 3456', credit_limit: -5, signed_on: null, term: 0 },
  { code: '1E5', name: '控制\u0007字符', bank_account: null, credit_limit: 99_999_999_999_999, signed_on: '2026-12-31', term: null },
];

describe('writeXlsx', () => {
  it('round-trips through readTableFile: text stays text, fen come back exactly, dates as YYYY-MM-DD text', async () => {
    const bytes = tmp.roundTrip('export.xlsx', await writeXlsx([{ name: '客户', columns, rows: records }]));
    const table = await readTableFile(bytes, 'export.xlsx');
    expect(table.rows[0]).toEqual(['客户编码', '客户名称', '银行账号', '信用额度', '签约日期', '账期天数']);
    expect(table.rows[1]).toEqual(['00123', '北京华东商贸有限公司', '6222021234567890123', 50000.12, '2026-03-05', 30]);
    expect(table.rows[2]).toEqual(['C0002', '=SUM(A1)', '0012 3456', -0.05, null, 0]);
    expect(table.rows[3]).toEqual(['1E5', '控制字符', null, 999_999_999_999.99, '2026-12-31']);
    expect(table.rows).toHaveLength(4);

    // And through the import machinery: the export's headers are the import's.
    const mapped = mapImportRows(table, testColumns);
    expect(mapped.warnings.map((w) => w.column)).toEqual(['银行账号', '账期天数']);
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows.map((r) => [r.values.code, r.values.credit_limit, r.values.signed_on])).toEqual([
      ['00123', 5_000_012, '2026-03-05'],
      ['C0002', -5, null],
      ['1E5', 99_999_999_999_999, '2026-12-31'],
    ]);
  });

  it('writes a bold, frozen header, text format on text and date columns and #,##0.00 on amounts', async () => {
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await writeXlsx([{ name: '客户', columns, rows: records }])).buffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('客户');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('C2').numFmt).toBe('@');
    expect(ws.getCell('E2').numFmt).toBe('@');
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D2').value).toBe(50000.12);
    expect(ws.getColumn(6).width).toBe(10);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(22);
  });

  it('returns every fen amount exactly after a trip through the file (property)', async () => {
    const amounts = fc.sample(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), { numRuns: 300, seed: 20260305 });
    amounts.push(0, 1, -1, 10, 29, 99, 100, 101, 110, 999_999_999_999_999, -999_999_999_999_999);
    const bytes = await writeXlsx([
      { name: '金额', columns: [{ header: '金额', key: 'fen', kind: 'fen' }], rows: amounts.map((fen) => ({ fen })) },
    ]);
    const table = await readTableFile(bytes, 'amounts.xlsx');
    const readBack = table.rows.slice(1).map(([cell]) => (typeof cell === 'number' ? fenFromText(String(cell)) : cell));
    expect(readBack).toEqual(amounts);
  });

  it('writes several sheets with names Excel accepts, and refuses values of the wrong kind', async () => {
    const bytes = await writeXlsx([
      { name: '客户/供应商:2026?', columns, rows: [] },
      { name: '客户/供应商:2026?', columns, rows: [] },
      { name: '一个非常非常非常非常非常非常非常非常长的工作表名称超过三十一个字符', columns, rows: [] },
    ]);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names[0]).toBe('客户_供应商_2026_');
    expect(names[1]).toBe('客户_供应商_2026_(2)');
    expect(names[2].length).toBeLessThanOrEqual(31);

    const sheet = (row: Record<string, unknown>) => [{ name: 'S', columns, rows: [row] }];
    await expect(writeXlsx(sheet({ credit_limit: 12.5 }))).rejects.toThrow(/fen must be an integer/);
    await expect(writeXlsx(sheet({ signed_on: new Date() }))).rejects.toThrow(/YYYY-MM-DD/);
    await expect(writeXlsx(sheet({ term: '30' }))).rejects.toThrow(/integer/);
  });
});
