/**
 * The aging report as a landscape A4 PDF (issue 6 point 3), drawn with the
 * statement PDF layer: the same renderer and the same font choice as the
 * statements, the company name from the company profile. One row per
 * customer in the chosen order, a column per configured bucket, 预收 and
 * 余额, a totals row; the header row repeats on every page.
 */
import type { AgingBucket, AgingRow, AgingTotals } from '../../../shared/api/aging';
import type { ExportFile } from '../../../shared/api/imports';
import { formatFenPlain } from '../../../shared/money/format';
import type { ServiceContext } from '../context';
import { getCompanyProfile } from '../settings/companyProfile';
import { statementFont } from '../statements/fontChoice';
import { renderPdf } from '../statements/pdf/renderPdf';
import type { PdfContent, PdfDocDefinition } from '../statements/pdf/types';
import { getStatementSettings } from '../statements/settings';
import type { AgingFilterInput } from './customerBalances';
import { fullAgingReport, totalsOf } from './report';

const BASIS_NAME = { due: '按到期日', document: '按单据日期' } as const;
const MARGINS: [number, number, number, number] = [28, 32, 28, 40];
const HEADER_FILL = '#eef0f4';

interface AgingPdfData {
  companyName: string;
  asOf: string;
  basis: keyof typeof BASIS_NAME;
  buckets: AgingBucket[];
  rows: AgingRow[];
  totals: AgingTotals;
}

function amountCells(r: { bucketsFen: number[]; unappliedFen: number; balanceFen: number }, bold = false): PdfContent[] {
  const money = (fen: number): PdfContent => ({ text: formatFenPlain(fen), alignment: 'right', noWrap: true, bold });
  return [...r.bucketsFen.map(money), money(r.unappliedFen), money(r.balanceFen)];
}

export function buildAgingDoc(data: AgingPdfData, fontFamily: string, generatedAt?: Date): PdfDocDefinition {
  const header: PdfContent[] = ['客户编码', '客户名称', ...data.buckets.map((b) => b.label), '预收', '余额'].map((text, i) => ({
    text,
    bold: true,
    fillColor: HEADER_FILL,
    alignment: i < 2 ? 'left' : 'right',
  }));
  const body: PdfContent[][] = [
    header,
    ...data.rows.map((r): PdfContent[] => [{ text: r.code, noWrap: true }, r.name, ...amountCells(r)]),
    [{ text: `合计（${data.rows.length} 户）`, colSpan: 2, bold: true }, {}, ...amountCells(data.totals, true)],
  ];
  const side = MARGINS[0];
  const title = data.companyName ? `${data.companyName} 账龄分析表` : '账龄分析表';
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: { title, author: data.companyName, subject: `${data.asOf} ${BASIS_NAME[data.basis]}`, creator: 'DealerDesk 经销往来', ...(generatedAt ? { creationDate: generatedAt } : {}) },
    content: [
      { text: '账龄分析表', fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: data.companyName, fontSize: 10, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: `截止日期：${data.asOf}　账龄基准：${BASIS_NAME[data.basis]}`, fontSize: 9, margin: [0, 0, 0, 6] },
      {
        table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['auto', '*', ...data.buckets.map(() => 'auto' as const), 'auto', 'auto'], body },
        layout: 'lightHorizontalLines',
        fontSize: data.buckets.length > 7 ? 7 : 8,
      },
    ],
    footer: (currentPage, pageCount) => ({ text: `第 ${currentPage} 页 / 共 ${pageCount} 页`, fontSize: 8, alignment: 'center', margin: [side, 14, side, 0] }),
    defaultStyle: { font: fontFamily, fontSize: 8, lineHeight: 1.05 },
  };
}

export async function exportAgingPdf(ctx: ServiceContext, filter: AgingFilterInput): Promise<ExportFile> {
  const { asOf, buckets, rows } = fullAgingReport(ctx, filter);
  const companyName = getCompanyProfile(ctx).companyName;
  const font = statementFont(getStatementSettings(ctx).fontPath);
  const data: AgingPdfData = { companyName, asOf, basis: filter.basis, buckets, rows, totals: totalsOf(rows, buckets.length) };
  const { bytes } = await renderPdf(buildAgingDoc(data, font.family, ctx.clock.now()), font);
  return { fileName: `账龄分析-${BASIS_NAME[filter.basis]}-${asOf}.pdf`, dataBase64: bytes.toString('base64'), rows: rows.length };
}
