/**
 * One printable report table (今日催收, 往来明细, 账龄分析表 …) written either
 * as .xlsx or as a PDF from the same description, so the two files of one
 * report always carry the same columns, figures and title block. The .xlsx
 * goes through writeXlsx (the import-safe cell rules), the PDF through the
 * statement PDF layer (the same renderer and font choice as statements).
 */
import type { ExportFile } from '../../../shared/api/imports';
import { localDateTimeOf } from '../../../shared/dates/clock';
import { formatFenPlain } from '../../../shared/money/format';
import type { ServiceContext } from '../context';
import { getCompanyProfile } from '../settings/companyProfile';
import { statementFont } from '../statements/fontChoice';
import { renderPdf } from '../statements/pdf/renderPdf';
import type { PdfContent, PdfDocDefinition } from '../statements/pdf/types';
import { getStatementSettings } from '../statements/settings';
import { writeXlsx, type XlsxColumn } from './writeXlsx';

export interface ReportColumn extends XlsxColumn {
  /** false: in the .xlsx only (a landscape page has room for fewer columns). */
  inPdf?: boolean;
  /** The PDF column that takes the spare width (a name or a memo); the others fit their content. */
  stretch?: boolean;
}

export interface ReportTable {
  /** 账龄分析表, 今日催收 …: the heading of the page and of the sheet. */
  title: string;
  /** Facts printed under the title, each "label：value" (截止日期：2026-11-30). */
  facts: string[];
  columns: ReportColumn[];
  rows: Record<string, unknown>[];
  /** The closing row (合计), printed bold. */
  totals?: Record<string, unknown>;
  orientation: 'portrait' | 'landscape';
  sheetName: string;
}

/** "YYYY-MM-DD HH:mm" in the office's time zone. */
export const generatedAtText = (instant: Date): string => localDateTimeOf(instant);

/**
 * The title block every report carries: company, the report's own facts and
 * when it was generated, so a printed or forwarded copy says what it is.
 */
export function titleBlock(ctx: ServiceContext, title: string, facts: string[]): { companyName: string; lines: string[] } {
  const companyName = getCompanyProfile(ctx).companyName;
  return { companyName, lines: [companyName ? `${companyName} ${title}` : title, ...facts, `生成时间：${generatedAtText(ctx.clock.now())}`] };
}

export async function reportXlsx(ctx: ServiceContext, table: ReportTable): Promise<Buffer> {
  const { lines } = titleBlock(ctx, table.title, table.facts);
  return writeXlsx([{ name: table.sheetName, columns: table.columns, rows: table.totals ? [...table.rows, table.totals] : table.rows, titleBlock: lines }]);
}

const MARGINS: [number, number, number, number] = [28, 32, 28, 40];
const HEADER_FILL = '#eef0f4';
const RIGHT_ALIGNED = new Set(['fen', 'int']);

function pdfCell(column: ReportColumn, value: unknown, bold: boolean): PdfContent {
  if (value === null || value === undefined || value === '') return { text: '', bold };
  if (column.kind === 'fen' && typeof value === 'number') return { text: formatFenPlain(value), alignment: 'right', noWrap: true, bold };
  if (column.kind === 'int') return { text: String(value), alignment: 'right', noWrap: true, bold };
  if (column.kind === 'date') return { text: String(value), noWrap: true, bold };
  return { text: String(value), bold };
}

export function buildReportDoc(
  table: ReportTable,
  head: { companyName: string; generatedAt: Date },
  fontFamily: string,
): PdfDocDefinition {
  const columns = table.columns.filter((c) => c.inPdf !== false);
  const header: PdfContent[] = columns.map((c) => ({ text: c.header, bold: true, fillColor: HEADER_FILL, alignment: RIGHT_ALIGNED.has(c.kind ?? 'text') ? 'right' : 'left' }));
  const line = (r: Record<string, unknown>, bold = false): PdfContent[] => columns.map((c) => pdfCell(c, r[c.key], bold));
  const body: PdfContent[][] = [header, ...table.rows.map((r) => line(r)), ...(table.totals ? [line(table.totals, true)] : [])];
  const side = MARGINS[0];
  const factsLine = [...table.facts, `生成时间：${generatedAtText(head.generatedAt)}`].join('　');
  const title = head.companyName ? `${head.companyName} ${table.title}` : table.title;
  return {
    pageSize: 'A4',
    pageOrientation: table.orientation,
    pageMargins: MARGINS,
    info: { title, author: head.companyName, subject: table.facts.join(' '), creator: 'DealerDesk 经销往来', creationDate: head.generatedAt },
    content: [
      { text: table.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: head.companyName, fontSize: 10, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: factsLine, fontSize: 9, margin: [0, 0, 0, 6] },
      {
        table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: columns.map((c) => (c.stretch ? '*' : 'auto')), body },
        layout: 'lightHorizontalLines',
        fontSize: columns.length > 11 ? 7 : 8,
      },
    ],
    footer: (currentPage, pageCount) => ({ text: `第 ${currentPage} 页 / 共 ${pageCount} 页`, fontSize: 8, alignment: 'center', margin: [side, 14, side, 0] }),
    defaultStyle: { font: fontFamily, fontSize: 8, lineHeight: 1.05 },
  };
}

export async function reportPdf(ctx: ServiceContext, table: ReportTable): Promise<Buffer> {
  const font = statementFont(getStatementSettings(ctx).fontPath);
  const companyName = getCompanyProfile(ctx).companyName;
  const { bytes } = await renderPdf(buildReportDoc(table, { companyName, generatedAt: ctx.clock.now() }, font.family), font);
  return bytes;
}

/** A report ready to be written as a file: the table, the file name without extension, the rows it counts. */
export interface ReportDownload {
  table: ReportTable;
  fileBase: string;
  rows: number;
}

/** The report as the file a screen downloads: `<fileBase>.xlsx` or `<fileBase>.pdf`, from the same table. */
export async function reportFile(ctx: ServiceContext, report: ReportDownload, format: 'xlsx' | 'pdf'): Promise<ExportFile> {
  const bytes = format === 'xlsx' ? await reportXlsx(ctx, report.table) : await reportPdf(ctx, report.table);
  return { fileName: `${report.fileBase}.${format}`, dataBase64: bytes.toString('base64'), rows: report.rows };
}
