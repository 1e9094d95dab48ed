/**
 * Point 6 (hostile .xlsx): a workbook that would unpack to too much — a zip
 * bomb, a lying zip directory, a million-row sheet — is refused before any
 * parser sees it, with a clear Chinese message in the import report; a normal
 * workbook still imports, and it is parsed off the main thread (the event
 * loop keeps turning while exceljs works).
 */
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportReport } from '../../../shared/api/imports';
import { countRows, MAX_XLSX_INFLATED_BYTES, MAX_XLSX_ROWS } from '../../../electron/services/import/xlsxLimits';
import { readTableFile } from '../../../electron/services/import/readTable';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { xlsxFile } from '../customers/fixtures';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

/**
 * Raw deflate data inflating to `copies` × `unit`: the unit is compressed once
 * with a sync flush (a complete, non-final block run) and repeated, then closed
 * by an empty final block, so a few hundred KB stand for hundreds of MB.
 */
function repeatedDeflate(unit: Buffer, copies: number): Buffer {
  const chunk = zlib.deflateRawSync(unit, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: copies }, () => chunk), Buffer.from([0x03, 0x00])]);
}

interface Entry {
  name: string;
  data: Buffer;
  /** What the directory declares (a lying file declares less). */
  size: number;
  method?: number;
}

/** A minimal zip (local headers, central directory, end record); CRCs are left 0, the limits never read them. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const UNIT = Buffer.from('<c><v>0</v></c>'.repeat(65536)); // 1 MB of cells in one row's worth of XML
const ROW = Buffer.from('<row><c t="n"><v>1</v></c></row>');

async function preview(file: Buffer, fileName: string): Promise<ImportReport> {
  return t!.rt.invoke<ImportReport>('imports.preview', { kind: 'customers', fileName, dataBase64: file.toString('base64') });
}

function fileMessage(report: ImportReport): string {
  expect(report.rows).toBe(0);
  expect(report.errors).toHaveLength(1);
  expect(report.errors[0]).toMatchObject({ row: 0, column: '文件' });
  return report.errors[0].message;
}

describe('an .xlsx that would unpack to too much', () => {
  it('a zip bomb (300 MB of XML in 300 KB) is refused with 解压后超过, whether its directory says so or lies', async () => {
    t = await tempRuntime();
    const bomb = repeatedDeflate(UNIT, 300);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const inflated = UNIT.length * 300;
    expect(inflated).toBeGreaterThan(MAX_XLSX_INFLATED_BYTES);
    for (const declared of [inflated, 1000]) {
      const file = zip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, size: declared }]);
      const message = fileMessage(await preview(file, 'bomb.xlsx'));
      expect(message).toContain('解压后超过 160 MB');
      expect(message).toContain('bomb.xlsx');
    }
    // Nothing was imported by a refused commit either.
    const r = await t.rt.call('imports.commit', {
      kind: 'customers',
      fileName: 'bomb.xlsx',
      dataBase64: zip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, size: 1000 }]).toString('base64'),
    });
    expect(r.ok).toBe(false);
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(0);
  });

  it('a sheet of a million tiny rows (~30 MB of XML) is refused with the row cap', async () => {
    t = await tempRuntime();
    const rowsPerUnit = 32_768;
    const units = Math.ceil(1_000_000 / rowsPerUnit);
    const sheet = repeatedDeflate(Buffer.concat(Array.from({ length: rowsPerUnit }, () => ROW)), units);
    const file = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), size: 8, method: 0 },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, size: ROW.length * rowsPerUnit * units },
    ]);
    expect(ROW.length * rowsPerUnit * units).toBeLessThan(MAX_XLSX_INFLATED_BYTES);
    const message = fileMessage(await preview(file, 'million.xlsx'));
    expect(message).toContain(`超过 ${MAX_XLSX_ROWS.toLocaleString('en-US')} 行`);
    expect(message).toContain('分批导入');
  });

  it('counts opening row tags only (not </row>, not <rowBreaks>)', () => {
    const xml = Buffer.from('<sheetData><row r="1"><c/></row><row>\n</row><row/></sheetData><rowBreaks count="1"/>');
    expect(countRows(xml)).toBe(3);
  });

  it('bytes that only look like a zip get the unreadable-workbook message, not a crash', async () => {
    t = await tempRuntime();
    const file = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(fileMessage(await preview(file, 'broken.xlsx'))).toContain('无法读取工作簿“broken.xlsx”');
  });
});

describe('a normal workbook', () => {
  const customers = (n: number): (string | number)[][] => [
    ['客户编码', '客户名称'],
    ...Array.from({ length: n }, (_, i) => [`K${String(i + 1).padStart(5, '0')}`, `测试客户${i + 1}有限公司`]),
  ];

  it('is parsed off the main thread: the event loop keeps turning while exceljs works', async () => {
    const file = await xlsxFile(customers(15_000));
    // Ticks of the main event loop while the workbook is read. With exceljs on the main thread
    // the parse is one long stall; in the worker the loop keeps turning throughout.
    let longestStall = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    const table = await readTableFile(file, '客户.xlsx');
    const readMs = performance.now() - t0;
    clearInterval(timer);
    expect(table.rows).toHaveLength(15_001);
    expect(table.rows[15_000]).toEqual(['K15000', '测试客户15000有限公司']);
    // Not a speed budget: the read takes a second or more; what is checked is that no single stretch of it held the main thread.
    expect(longestStall).toBeLessThan(readMs / 2);
  });

  it('still imports', async () => {
    t = await tempRuntime();
    const file = await xlsxFile(customers(500));
    const done = await t.rt.invoke<ImportCommitResult>('imports.commit', { kind: 'customers', fileName: '客户.xlsx', dataBase64: file.toString('base64') });
    expect(done.report.imported).toBe(500);
    expect((t.rt.database().sqlite.prepare(`SELECT name FROM customers WHERE code = 'K00321'`).get() as { name: string }).name).toBe('测试客户321有限公司');
  });
});
