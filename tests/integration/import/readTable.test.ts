import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJs } from '../../../electron/services/import/loadExcelJs';
import { mapImportRows } from '../../../electron/services/import/mapRows';
import { readTableFile } from '../../../electron/services/import/readTable';
import { DomainError } from '../../../shared/errors';
import { makeTempDir, testColumns } from './helpers';

const tmp = makeTempDir();
afterAll(() => tmp.remove());

/** A messy file as Chinese Excel saves it: title row, stray and full-width spaces, a blank row, an extra column. */
const messyCsv = [
  '客户档案（2026年3月）,,,,,',
  ' 客户编码 ,客户名称　,信用额度,签约日期,备注,负责人',
  'C0001,北京华东商贸有限公司,"50,000.00",2026/3/5,　首批客户　,张三',
  ',,,,,',
  'C0002,上海　浦东 商行,￥12000,2026年3月5日,,李四',
  '',
].join('\r\n');

describe('readTableFile: text files', () => {
  it('reads a GBK CSV with a title row, stray spaces and a blank row, keeping Excel row numbers', async () => {
    const bytes = tmp.roundTrip('客户-gbk.csv', iconv.encode(messyCsv, 'gbk'));
    const table = await readTableFile(bytes, '客户-gbk.csv');
    expect(table.source).toBe('csv');
    expect(table.encoding).toBe('gb18030');
    expect(table.rows[0][0]).toBe('客户档案（2026年3月）');
    expect(table.rows).toHaveLength(5);

    const mapped = mapImportRows(table, testColumns);
    expect(mapped.headerRowNumber).toBe(2);
    expect(mapped.errors).toEqual([]);
    expect(mapped.warnings).toEqual([{ row: null, column: '负责人', message: '未知列“负责人”已忽略' }]);
    expect(mapped.dataRowCount).toBe(2);
    expect(mapped.rows).toEqual([
      {
        rowNumber: 3,
        ok: true,
        values: { code: 'C0001', name: '北京华东商贸有限公司', grade: null, credit_limit: 5_000_000, signed_on: '2026-03-05', notes: '首批客户' },
      },
      {
        rowNumber: 5,
        ok: true,
        values: { code: 'C0002', name: '上海 浦东 商行', grade: null, credit_limit: 1_200_000, signed_on: '2026-03-05', notes: null },
      },
    ]);
  });

  it('reads UTF-8 with a BOM and UTF-8 without one the same way', async () => {
    const withBom = tmp.roundTrip('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(messyCsv)]));
    const withoutBom = tmp.roundTrip('plain.csv', messyCsv);
    const a = await readTableFile(withBom, 'bom.csv');
    const b = await readTableFile(withoutBom, 'plain.csv');
    expect(a.encoding).toBe('utf-8-bom');
    expect(b.encoding).toBe('utf-8');
    expect(a.rows).toEqual(b.rows);
    // The BOM must not stick to the first cell.
    expect(a.rows[0][0]).toBe('客户档案（2026年3月）');
    expect(mapImportRows(a, testColumns).rows.map((r) => r.values.code)).toEqual(['C0001', 'C0002']);
  });

  it('reads Excel "Unicode 文本": UTF-16LE with a BOM, tab-separated', async () => {
    const text = messyCsv.replace(/"50,000.00"/, '50,000.00').replace(/,/g, '\t').replace('50\t000.00', '50,000.00');
    const bytes = tmp.roundTrip('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const table = await readTableFile(bytes, 'unicode.txt');
    expect(table.source).toBe('tsv');
    expect(table.encoding).toBe('utf-16le');
    const mapped = mapImportRows(table, testColumns);
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows.map((r) => [r.rowNumber, r.values.credit_limit])).toEqual([
      [3, 5_000_000],
      [5, 1_200_000],
    ]);
  });

  it('detects a tab-separated UTF-8 file by its header line', async () => {
    const table = await readTableFile(Buffer.from('客户编码\t客户名称\nC0001\t华东, 北京\n'), 'export.txt');
    expect(table.source).toBe('tsv');
    expect(table.rows[1]).toEqual(['C0001', '华东, 北京']);
  });

  it('does not mistake a first cell starting with "<" for a web page', async () => {
    const table = await readTableFile(Buffer.from('<客户清单>\n客户编码,客户名称\nC1,甲\n'), 'list.csv');
    expect(mapImportRows(table, testColumns).rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('keeps quoted fields with commas and line breaks in one cell and one row', async () => {
    const csv = '客户编码,客户名称,备注\r\nC0001,"华东商贸,北京","第一行\r\n第二行"\r\nC0002,"说""好""的",\r\n';
    const mapped = mapImportRows(await readTableFile(Buffer.from(csv), 'q.csv'), testColumns);
    expect(mapped.rows.map((r) => [r.rowNumber, r.values.name, r.values.notes])).toEqual([
      [2, '华东商贸,北京', '第一行\r\n第二行'],
      [3, '说"好"的', null],
    ]);
  });
});

describe('readTableFile: workbooks', () => {
  it('reads the first sheet of an .xlsx: title row, Date and number cells, an empty row, Excel row numbers', async () => {
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    wb.addWorksheet('说明').getCell('A1').value = '不是数据';
    ws.getCell('A1').value = '客户档案';
    ws.mergeCells('A1:E1');
    ws.getRow(2).values = ['客户编码', '客户名称', '信用额度', '签约日期', '备注'];
    ws.getRow(3).values = ['C0001', { richText: [{ text: '华东' }, { text: '商贸', font: { bold: true } }] }, 50000, new Date(Date.UTC(2026, 2, 5)), { formula: 'A3&"-x"', result: 'C0001-x' }];
    // Row 4 stays empty; row 5 has a number with decimals and a text date.
    ws.getRow(5).values = ['C0002', '华南物流', 1234.5, '2026.3.7', { text: '网站', hyperlink: 'https://example.com' }];
    ws.getRow(6).values = [123, '华北', '5万', '明天'];
    const bytes = tmp.roundTrip('客户.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

    const table = await readTableFile(bytes, '客户.xlsx');
    expect(table.source).toBe('xlsx');
    expect(table.rows[0][0]).toBe('客户档案');
    expect(table.rows[3]).toEqual([]);
    expect(table.rows[2][1]).toBe('华东商贸');
    expect(table.rows[2][2]).toBe(50000);
    expect(table.rows[2][3]).toBeInstanceOf(Date);
    expect(table.rows[2][4]).toBe('C0001-x');
    expect(table.rows[4][4]).toBe('网站');

    const mapped = mapImportRows(table, testColumns);
    expect(mapped.headerRowNumber).toBe(2);
    expect(mapped.dataRowCount).toBe(3);
    expect(mapped.rows.map((r) => [r.rowNumber, r.ok, r.values.code, r.values.credit_limit, r.values.signed_on])).toEqual([
      [3, true, 'C0001', 5_000_000, '2026-03-05'],
      [5, true, 'C0002', 123_450, '2026-03-07'],
      [6, false, 123, null, null],
    ]);
    expect(mapped.errors).toEqual([
      { row: 6, column: '信用额度', message: '金额格式不正确：“5万”' },
      { row: 6, column: '签约日期', message: '日期格式不正确：“明天”' },
    ]);
  });

  it('refuses a legacy .xls workbook (OLE file) with the save-as message', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const bytes = tmp.roundTrip('old.xls', ole);
    const error = await readTableFile(bytes, 'old.xls').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'validation',
      field: 'file',
      message: '不支持旧版 .xls 工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
    });
  });

  it('tells a password-protected workbook apart from an .xls', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1200);
    await expect(readTableFile(ole, 'secret.xlsx')).rejects.toThrow(/设置了打开密码/);
  });

  it('refuses other content with a clear Chinese message', async () => {
    await expect(readTableFile(Buffer.alloc(0), 'empty.csv')).rejects.toThrow('文件“empty.csv”是空的');
    await expect(readTableFile(Buffer.from('%PDF-1.7\n...'), 'scan.pdf')).rejects.toThrow(/PDF/);
    await expect(readTableFile(Buffer.from('<?xml version="1.0"?><Workbook/>'), 'ss2003.xls')).rejects.toThrow(/网页或 XML 格式/);
    await expect(readTableFile(Buffer.from('<html><table><tr><td>客户编码</td></tr></table></html>'), 'sys.xls')).rejects.toThrow(
      /网页或 XML 格式/,
    );
    await expect(readTableFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow(/无法读取工作簿“broken.xlsx”/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    await expect(readTableFile(png, 'photo.csv')).rejects.toThrow(DomainError);
  });
});
