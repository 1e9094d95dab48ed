/**
 * The aging report as .xlsx and as a landscape A4 PDF, as the screen shows
 * it: one row per customer in the chosen order, a bucket column per
 * configured bucket, the unapplied column, the balance, and a totals row;
 * a title block (company, as-of date, basis, generated at) on top of both,
 * and the date and basis in the file names so a saved file says what it is.
 * Both files come from one report table (export/reportTable.ts).
 */
import type { ExportFile } from '../../../shared/api/imports';
import { CUSTOMER_KIND_LABELS, type CustomerKind } from '../../../shared/api/customerEnums';
import type { ServiceContext } from '../context';
import { reportFile, type ReportColumn, type ReportDownload } from '../export/reportTable';
import type { AgingFilterInput } from './customerBalances';
import { fullAgingReport, totalsOf } from './report';

const BASIS_NAME = { due: '按到期日', document: '按单据日期' } as const;

function agingReport(ctx: ServiceContext, filter: AgingFilterInput): ReportDownload {
  const { asOf, buckets, rows } = fullAgingReport(ctx, filter);
  const xlsxOnly = { inPdf: false } as const;
  const columns: ReportColumn[] = [
    { header: '客户编码', key: 'code', kind: 'text' },
    { header: '客户名称', key: 'name', kind: 'text', stretch: true },
    { header: '等级', key: 'grade', kind: 'text', ...xlsxOnly },
    { header: '类型', key: 'kind', kind: 'text', ...xlsxOnly },
    { header: '地区', key: 'region', kind: 'text', ...xlsxOnly },
    { header: '业务员', key: 'salesperson', kind: 'text', ...xlsxOnly },
    ...buckets.map((b, i): ReportColumn => ({ header: b.label, key: `b${i}`, kind: 'fen' })),
    { header: '预收（未核销）', key: 'unapplied', kind: 'fen' },
    { header: '余额', key: 'balance', kind: 'fen' },
    { header: '其中逾期', key: 'overdue', kind: 'fen', ...xlsxOnly },
  ];
  const line = (r: { bucketsFen: number[]; unappliedFen: number; balanceFen: number; overdueFen: number }) => {
    const cells: Record<string, unknown> = { unapplied: r.unappliedFen, balance: r.balanceFen, overdue: r.overdueFen };
    r.bucketsFen.forEach((v, i) => (cells[`b${i}`] = v));
    return cells;
  };
  const totals = totalsOf(rows, buckets.length);
  return {
    fileBase: `账龄分析-${BASIS_NAME[filter.basis]}-${asOf}`,
    rows: rows.length,
    table: {
      title: '账龄分析表',
      facts: [`截止日期：${asOf}`, `账龄基准：${BASIS_NAME[filter.basis]}`],
      columns,
      rows: rows.map((r) => ({
        code: r.code,
        name: r.name,
        grade: r.grade ?? '',
        kind: r.kind ? (CUSTOMER_KIND_LABELS[r.kind as CustomerKind] ?? r.kind) : '',
        region: r.region,
        salesperson: r.salesperson,
        ...line(r),
      })),
      totals: { code: '', name: `合计（${rows.length} 户）`, ...line(totals) },
      orientation: 'landscape',
      sheetName: `账龄 ${asOf}`,
    },
  };
}

export const exportAgingXlsx = async (ctx: ServiceContext, filter: AgingFilterInput): Promise<ExportFile> => reportFile(ctx, agingReport(ctx, filter), 'xlsx');

export const exportAgingPdf = async (ctx: ServiceContext, filter: AgingFilterInput): Promise<ExportFile> => reportFile(ctx, agingReport(ctx, filter), 'pdf');
