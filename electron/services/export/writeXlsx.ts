/**
 * Writes .xlsx exports. Exports are also import templates (an exported
 * customer list must re-import unchanged), so every cell is written in the
 * form the importer reads back exactly: codes and accounts as text, dates as
 * YYYY-MM-DD text, amounts as numbers in yuan.
 */
import { formatFenPlain } from '../../../shared/money/format';
import { loadExcelJs } from '../import/loadExcelJs';

/**
 * text: written as text with the text format '@' (so 00123 and a 19-digit
 * bank account are not turned into numbers by Excel, not even when edited);
 * fen: integer fen written as yuan with #,##0.00; date: a 'YYYY-MM-DD'
 * business-date string, written as text; int: an integer.
 */
export type XlsxColumnKind = 'text' | 'fen' | 'date' | 'int';

export interface XlsxColumn {
  header: string;
  key: string;
  /** Width in Excel character units; by default fitted to the content (within limits). */
  width?: number;
  kind?: XlsxColumnKind;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Record<string, unknown>[];
  /**
   * Lines above the table (a report's company, date, basis, generated at),
   * then an empty row, then the header. Only for reports, never for exports
   * that are also import templates (the importer expects the header first).
   */
  titleBlock?: string[];
}

const TEXT_FORMAT = '@';
const YUAN_FORMAT = '#,##0.00';
const INT_FORMAT = '0';
/**
 * Amounts up to 15 significant digits survive a trip through a double and
 * through Excel (which keeps 15) exactly; 10^15 fen is 10 trillion yuan.
 */
const MAX_EXPORT_FEN = 999_999_999_999_999;
const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Excel rejects sheet names with these characters, longer than 31 characters, or repeated. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
const SHEET_NAME_MAX = 31;
/** Control characters are not allowed in XML; one in a cell makes Excel call the whole file damaged. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Excel's limit for one cell's text. */
const CELL_TEXT_MAX = 32_767;

export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  if (sheets.length === 0) throw new Error('writeXlsx needs at least one sheet');
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const usedNames = new Set<string>();

  for (const sheet of sheets) {
    const title = sheet.titleBlock ?? [];
    // The header row: 1, or after the title lines and one empty row.
    const headerAt = title.length === 0 ? 1 : title.length + 2;
    const worksheet = workbook.addWorksheet(uniqueSheetName(sheet.name, usedNames), {
      views: [{ state: 'frozen', ySplit: headerAt }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      ...(title.length === 0 ? { header: column.header } : {}),
      key: column.key,
      width: column.width ?? fittedWidth(column, sheet.rows),
      style: { numFmt: numFmtOf(column.kind ?? 'text') },
    }));
    if (title.length > 0) {
      title.forEach((line, i) => {
        const cell = worksheet.getCell(i + 1, 1);
        cell.value = cleanText(line);
        cell.numFmt = TEXT_FORMAT;
        cell.font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
      });
      sheet.columns.forEach((column, i) => (worksheet.getCell(headerAt, i + 1).value = cleanText(column.header)));
    }
    for (const record of sheet.rows) {
      const cells: Record<string, string | number | null> = {};
      for (const column of sheet.columns) {
        cells[column.key] = cellValue(column, record[column.key], sheet.name);
      }
      worksheet.addRow(cells);
    }
    const headerRow = worksheet.getRow(headerAt);
    headerRow.font = { bold: true };
    if (sheet.columns.length > 0) {
      worksheet.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt, column: sheet.columns.length } };
    }
  }

  // writeBuffer is typed with exceljs's ArrayBuffer-like `Buffer`; it is a
  // Node Buffer at run time, and Buffer.from makes the type say so.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function numFmtOf(kind: XlsxColumnKind): string {
  switch (kind) {
    case 'fen':
      return YUAN_FORMAT;
    case 'int':
      return INT_FORMAT;
    case 'text':
    case 'date':
      return TEXT_FORMAT;
  }
}

function cellValue(column: XlsxColumn, value: unknown, sheetName: string): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  const where = `sheet "${sheetName}", column "${column.key}"`;
  switch (column.kind ?? 'text') {
    case 'fen': {
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_EXPORT_FEN) {
        throw new TypeError(`${where}: fen must be an integer within ±${MAX_EXPORT_FEN}, got ${String(value)}`);
      }
      // The one place fen becomes a float, on purpose: Excel must see a
      // number to sum it. For |fen| < 10^15, fen / 100 is the double nearest
      // the exact yuan amount, and its shortest decimal form (what Excel
      // stores and what String(n) gives back on import) is exactly that
      // amount with at most two decimals, so a digit-by-digit parser gets the
      // same fen back. Never compute with the result.
      return value / 100;
    }
    case 'int': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new TypeError(`${where}: expected an integer, got ${String(value)}`);
      }
      return value;
    }
    case 'date': {
      // Only business-date strings: turning a Date into a day needs a time
      // zone, and guessing it here is how exports end up a day early.
      if (typeof value !== 'string' || !BUSINESS_DATE.test(value)) {
        throw new TypeError(`${where}: expected a YYYY-MM-DD date string, got ${String(value)}`);
      }
      return value;
    }
    case 'text':
      return cleanText(value);
  }
}

function cleanText(value: unknown): string {
  const text = (value instanceof Date ? value.toISOString() : String(value)).replace(XML_FORBIDDEN, '');
  return text.length > CELL_TEXT_MAX ? text.slice(0, CELL_TEXT_MAX) : text;
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(SHEET_NAME_FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim().slice(0, SHEET_NAME_MAX) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Display width of text: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Enough rows to size a column without scanning a 100,000-row export. */
const WIDTH_SAMPLE_ROWS = 200;

function fittedWidth(column: XlsxColumn, rows: Record<string, unknown>[]): number {
  let widest = displayWidth(column.header);
  for (const record of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    const value = record[column.key];
    if (value === null || value === undefined) continue;
    // Amounts are shown grouped with two decimals, as #,##0.00 displays them.
    const shown = column.kind === 'fen' && Number.isSafeInteger(value) ? formatFenPlain(Number(value)) : String(value);
    widest = Math.max(widest, displayWidth(shown));
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}
