/**
 * The aging report as .xlsx, as the screen shows it: one row per customer in
 * the chosen order, a bucket column per configured bucket, the unapplied
 * column, the balance, and a totals row; the date and basis in the sheet
 * and file names so a saved file says what it is.
 */
import type { ExportFile } from '../../../shared/api/imports';
import { CUSTOMER_KIND_LABELS, type CustomerKind } from '../../../shared/api/customerEnums';
import type { ServiceContext } from '../context';
import { writeXlsx, type XlsxColumn } from '../export/writeXlsx';
import type { AgingFilterInput } from './customerBalances';
import { fullAgingReport, totalsOf } from './report';

const BASIS_NAME = { due: '按到期日', document: '按单据日期' } as const;

export async function exportAgingXlsx(ctx: ServiceContext, filter: AgingFilterInput): Promise<ExportFile> {
  const { asOf, buckets, rows } = fullAgingReport(ctx, filter);
  const columns: XlsxColumn[] = [
    { header: '客户编码', key: 'code', kind: 'text' },
    { header: '客户名称', key: 'name', kind: 'text' },
    { header: '等级', key: 'grade', kind: 'text' },
    { header: '类型', key: 'kind', kind: 'text' },
    { header: '地区', key: 'region', kind: 'text' },
    { header: '业务员', key: 'salesperson', kind: 'text' },
    ...buckets.map((b, i): XlsxColumn => ({ header: b.label, key: `b${i}`, kind: 'fen' })),
    { header: '预收（未核销）', key: 'unapplied', kind: 'fen' },
    { header: '余额', key: 'balance', kind: 'fen' },
    { header: '其中逾期', key: 'overdue', kind: 'fen' },
  ];
  const line = (r: { bucketsFen: number[]; unappliedFen: number; balanceFen: number; overdueFen: number }) => {
    const cells: Record<string, unknown> = { unapplied: r.unappliedFen, balance: r.balanceFen, overdue: r.overdueFen };
    r.bucketsFen.forEach((v, i) => (cells[`b${i}`] = v));
    return cells;
  };
  const totals = totalsOf(rows, buckets.length);
  const sheetRows: Record<string, unknown>[] = [
    ...rows.map((r) => ({
      code: r.code,
      name: r.name,
      grade: r.grade ?? '',
      kind: r.kind ? (CUSTOMER_KIND_LABELS[r.kind as CustomerKind] ?? r.kind) : '',
      region: r.region,
      salesperson: r.salesperson,
      ...line(r),
    })),
    { code: '', name: `合计（${rows.length} 户）`, ...line(totals) },
  ];
  const basis = BASIS_NAME[filter.basis];
  const bytes = await writeXlsx([{ name: `账龄 ${asOf}`, columns, rows: sheetRows }]);
  return { fileName: `账龄分析-${basis}-${asOf}.xlsx`, dataBase64: bytes.toString('base64'), rows: rows.length };
}
