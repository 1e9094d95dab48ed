/**
 * 今日催收 printed or exported: the whole ranked list of a date (not just
 * the rows on screen), one row per customer with what a caller needs on
 * paper — overdue amount, items, oldest days, balance, the promise, whom to
 * ring and what was said last — and the overdue total.
 */
import type { z } from 'zod';
import type { CollectionRow, collectionTodaySchema } from '../../../shared/api/alerts';
import type { ExportFile } from '../../../shared/api/imports';
import { formatFenPlain } from '../../../shared/money/format';
import type { ServiceContext } from '../context';
import { reportFile, type ReportColumn, type ReportDownload } from '../export/reportTable';
import { collectionToday } from './today';

type CollectionInput = z.output<typeof collectionTodaySchema>;

/** Every customer on the list: the export is the list, whatever the screen shows at once. */
const ALL_ROWS = 10_000;

const GROUP_NAME: Record<CollectionRow['group'], string> = { broken: '违约承诺', normal: '逾期', promised: '已承诺' };
const PROMISE_STATE: Record<string, string> = { broken: '未兑现', kept: '已兑现', pending: '待兑现' };

const COLUMNS: ReportColumn[] = [
  { header: '序号', key: 'rank', kind: 'int' },
  { header: '分组', key: 'group', kind: 'text' },
  { header: '客户编码', key: 'code', kind: 'text' },
  { header: '客户名称', key: 'name', kind: 'text', stretch: true },
  { header: '逾期金额', key: 'overdue', kind: 'fen' },
  { header: '逾期笔数', key: 'count', kind: 'int' },
  { header: '最长逾期天数', key: 'oldest', kind: 'int' },
  { header: '余额', key: 'balance', kind: 'fen' },
  { header: '承诺付款', key: 'promise', kind: 'text' },
  { header: '联系人', key: 'contact', kind: 'text' },
  { header: '电话', key: 'phone', kind: 'text' },
  { header: '上次联系', key: 'last', kind: 'text', inPdf: false },
];

function collectionReport(ctx: ServiceContext, input: CollectionInput): ReportDownload {
  const list = collectionToday(ctx, { ...input, limit: ALL_ROWS });
  const rows = list.rows.map((r) => ({
    rank: r.rank,
    group: GROUP_NAME[r.group],
    code: r.customerCode,
    name: r.customerName,
    overdue: r.overdueFen,
    count: r.overdueCount,
    oldest: r.oldestDays,
    balance: r.balanceFen,
    promise: r.promise ? `${r.promise.promiseDate} ¥${formatFenPlain(r.promise.amountFen)} ${PROMISE_STATE[r.promise.status]}` : '',
    contact: r.contact?.name ?? '',
    phone: r.contact ? r.contact.mobile || r.contact.phone : '',
    last: r.lastInteraction ? `${r.lastInteraction.date} ${r.lastInteraction.summary}` : '',
  }));
  const balanceFen = list.rows.reduce((sum, r) => sum + r.balanceFen, 0);
  return {
    fileBase: `今日催收-${list.asOf}`,
    rows: rows.length,
    table: {
      title: '今日催收',
      facts: [`日期：${list.asOf}`, `共 ${list.total} 户（逾期 ${list.overdueCustomers} 户，仅违约承诺 ${list.brokenPromiseCustomers} 户）`],
      columns: COLUMNS,
      rows,
      totals: { name: `合计（${list.total} 户）`, overdue: list.overdueFen, balance: balanceFen },
      orientation: 'landscape',
      sheetName: `今日催收 ${list.asOf}`,
    },
  };
}

export const exportCollectionXlsx = async (ctx: ServiceContext, input: CollectionInput): Promise<ExportFile> => reportFile(ctx, collectionReport(ctx, input), 'xlsx');

export const exportCollectionPdf = async (ctx: ServiceContext, input: CollectionInput): Promise<ExportFile> => reportFile(ctx, collectionReport(ctx, input), 'pdf');
