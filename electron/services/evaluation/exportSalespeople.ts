/** The salesperson table as .xlsx (one sheet, the table's columns, totals last). */
import type { ExportFile } from '../../../shared/api/imports';
import type { SalespersonRow } from '../../../shared/api/evaluation';
import type { ServiceContext } from '../context';
import { writeXlsx, type XlsxColumn } from '../export/writeXlsx';
import { salespersonTable } from './salespeople';

const COLUMNS: XlsxColumn[] = [
  { header: '业务员', key: 'salesperson', kind: 'text' },
  { header: '客户数', key: 'customers', kind: 'int' },
  { header: '有往来客户数', key: 'customersServed', kind: 'int' },
  { header: '销售额', key: 'salesFen', kind: 'fen' },
  { header: '回款', key: 'collectedFen', kind: 'fen' },
  { header: '回款率', key: 'collectionRate' },
  { header: '应收余额', key: 'balanceFen', kind: 'fen' },
  { header: 'DSO（天）', key: 'dso' },
  { header: '逾期金额', key: 'overdueFen', kind: 'fen' },
  { header: '逾期占比', key: 'overdueShare' },
  { header: '已回访', key: 'visitsDone', kind: 'int' },
  { header: '计划回访', key: 'visitsPlanned', kind: 'int' },
  { header: '未结投诉', key: 'openComplaints', kind: 'int' },
];

const record = (r: Omit<SalespersonRow, 'salesperson'> & { salesperson: string }): Record<string, unknown> => ({
  ...r,
  collectionRate: r.collectionRate ?? '',
  dso: r.dso ?? '',
  overdueShare: r.overdueShare ?? '',
});

export async function exportSalespeopleXlsx(ctx: ServiceContext, input: { from: string | null; to: string | null }): Promise<ExportFile> {
  const t = salespersonTable(ctx, input);
  const rows = t.rows.map((r) => record({ ...r, salesperson: r.salesperson === '' ? '（未分配）' : r.salesperson }));
  rows.push(record({ ...t.totals, salesperson: '合计' }));
  const buffer = await writeXlsx([{ name: `业务员业绩 ${t.from}至${t.to}`, columns: COLUMNS, rows }]);
  return { fileName: `业务员业绩_${t.from}_${t.to}.xlsx`, dataBase64: buffer.toString('base64'), rows: t.rows.length };
}
