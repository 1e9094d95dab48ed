/**
 * Reads an import file (.xlsx, .csv, .tsv/.txt) into a plain grid of cells.
 * The format is recognised from the bytes, not the name: offices rename
 * files freely, and many business systems save tab-separated text or HTML
 * under an .xls name.
 */
import type { CellValue } from 'exceljs';
import { DomainError } from '../../../shared/errors';
import { decodeText } from './decodeText';
import { detectDelimiter, parseDelimited, type Delimiter } from './parseDelimited';
import { checkXlsxLimits, tooLargeMessage, unreadableMessage } from './xlsxLimits';
import { readSheetInWorker } from './xlsxWorker';

/**
 * One cell as read. Strings are raw (untrimmed); numbers are the double Excel
 * stored; a Date is a calendar date/time whose UTC fields (getUTCFullYear…)
 * are what Excel displays, because Excel dates carry no time zone — read them
 * with the UTC getters, never the local ones.
 */
export type Cell = string | number | Date | boolean | null;

export interface RawTable {
  /** rows[0] is spreadsheet row 1; empty rows are kept as [] so numbers match what Excel shows. */
  rows: Cell[][];
  source: 'csv' | 'tsv' | 'xlsx';
  /** Text encoding, for csv/tsv only. */
  encoding?: string;
}

const fileError = (message: string): DomainError => new DomainError('validation', message, 'file');

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** HTML or XML, not merely a first cell that starts with "<". */
const MARKUP_START = /^<(\?xml|!doctype|!--|html|head|body|meta|table|style)\b/i;

/** Whether a byte string occurs in the file (zip entry names and OLE stream names are stored uncompressed). */
const containsBytes = (bytes: Uint8Array, needle: Buffer): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);

export async function readTableFile(bytes: Buffer | Uint8Array, fileName: string): Promise<RawTable> {
  if (bytes.length === 0) throw fileError(`文件“${fileName}”是空的`);
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, fileName);
  if (startsWith(bytes, OLE_MAGIC)) {
    // A password-protected .xlsx is also an OLE container; telling the clerk
    // to "save as .xlsx" would not help, removing the password does.
    if (containsBytes(bytes, Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw fileError('该工作簿设置了打开密码，无法读取。请在 Excel 中取消密码并另存为 .xlsx 后再导入');
    }
    throw fileError('不支持旧版 .xls 工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  if (startsWith(bytes, PDF_MAGIC)) throw fileError('这是 PDF 文件，无法导入。请导入 Excel（.xlsx）或 CSV 文件');
  return readDelimited(bytes, fileName);
}

function readDelimited(bytes: Uint8Array, fileName: string): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw fileError(`无法识别文件“${fileName}”的格式。请导入 Excel（.xlsx）或 CSV 文件`);
  }
  if (MARKUP_START.test(text.slice(0, 2000).trimStart())) {
    // The "Excel" export of many business systems is really an HTML table or
    // Excel 2003 XML; exceljs cannot read those, Excel can convert them.
    throw fileError(
      '这是网页或 XML 格式的表格（常见于系统导出的“.xls”），无法直接导入。请用 Excel 打开后另存为 .xlsx 或 CSV 再导入',
    );
  }
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const delimiter: Delimiter = /\.tsv$/i.test(fileName) ? '\t' : detectDelimiter(text, utf16);
  const rows: Cell[][] = parseDelimited(text, { delimiter });
  return { rows, source: delimiter === '\t' ? 'tsv' : 'csv', encoding };
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  if (containsBytes(bytes, Buffer.from('xl/workbook.bin'))) {
    throw fileError('不支持 .xlsb（二进制）工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  // Refused before any parser sees it when it would unpack to too much (a zip bomb, a million-row sheet).
  await checkXlsxLimits(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  const grid = await readSheetInWorker(bytes);
  if (!grid.ok) {
    if (grid.reason === 'no_sheet') throw fileError(`工作簿“${fileName}”中没有工作表`);
    if (grid.reason === 'out_of_memory') throw fileError(tooLargeMessage(fileName));
    throw fileError(unreadableMessage(fileName));
  }
  return { rows: sheetRows(grid.rows), source: 'xlsx' };
}

/**
 * The sheet as rows of plain cells, indexed by Excel row number - 1. Rows and
 * cells Excel does not store come out as [] and null, so a clerk told about
 * "第 7 行" finds it at row 7. A merged cell's value appears in every cell it
 * covers (exceljs reports it so), which is how the clerk sees it.
 */
function sheetRows(grid: readonly (CellValue | null)[][]): Cell[][] {
  const rows: Cell[][] = grid.map((row) => {
    const cells = row.map((v) => flattenCellValue(v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  // Formatting-only rows at the bottom are not data; drop them.
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/**
 * A cell's value as the clerk sees it: rich text and hyperlinks become their
 * text, a formula becomes its last computed result (a workbook written by a
 * program may have none: empty), an error value becomes its code (#N/A),
 * which column parsers then reject as invalid.
 */
export function flattenCellValue(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return flattenCellValue(value.text);
  if ('formula' in value || 'sharedFormula' in value) return flattenCellValue(value.result);
  return null;
}
