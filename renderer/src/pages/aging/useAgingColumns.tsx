/**
 * The aging table's columns: customer, one column per configured bucket,
 * unapplied credits and balance; the footer row carries the totals of every
 * matching customer. Every amount opens the documents behind it.
 */
import { Text } from '@mantine/core';
import type { AgingReport, AgingRow } from '../../../../shared/api/aging';
import { amountTrack } from '../../components/amountTrack';
import { ClickableAmount } from '../../components/ClickableAmount';
import { measureText } from '../../components/textWidth';
import type { DataColumn } from '../../components/DataTable';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { useBucketLabel } from './useBucketLabels';

/** Which documents an amount stands for: one bucket of one customer, or all of them. */
export interface AmountTarget {
  row: AgingRow;
  bucket: number | null;
}

export function useAgingColumns(report: AgingReport | undefined, open: (target: AmountTarget) => void): DataColumn<AgingRow>[] {
  const t = useT();
  const label = useBucketLabel();
  const buckets = report?.buckets ?? [];
  const totals = report?.totals;
  const rows = report?.rows ?? [];
  // Each amount column is as wide as its widest figure (the total or a row of this page) needs.
  const track = (amounts: (r: AgingRow) => number, total: number | undefined, header: string) =>
    amountTrack([...rows.map(amounts), ...(total === undefined ? [] : [total])], header, measureText);
  const columns: DataColumn<AgingRow>[] = [
    { key: 'code', header: t('aging.report.code'), width: 88, sortable: true, cell: (r) => r.code },
    {
      key: 'name',
      header: t('aging.report.name'),
      // A long name may end in an ellipsis, as in every list; the amounts beside it may not.
      width: 'minmax(110px, 2fr)',
      sortable: true,
      cell: (r) => r.name,
      footer: totals ? <Text size="sm" fw={600}>{t('aging.report.total')}</Text> : undefined,
    },
    ...buckets.map(
      (b, i): DataColumn<AgingRow> => ({
        key: `bucket${i}`,
        header: label(b),
        width: track((r) => r.bucketsFen[i], totals?.bucketsFen[i], label(b)),
        align: 'right',
        sortable: true,
        cell: (r) => <ClickableAmount fen={r.bucketsFen[i]} onClick={() => open({ row: r, bucket: i })} data-testid={`amount-${r.code}-${b.key}`} />,
        footer: totals ? <Money fen={totals.bucketsFen[i]} strong /> : undefined,
      }),
    ),
    {
      key: 'unapplied',
      header: t('aging.report.unapplied'),
      width: track((r) => r.unappliedFen, totals?.unappliedFen, t('aging.report.unapplied')),
      align: 'right',
      sortable: true,
      cell: (r) => <ClickableAmount fen={r.unappliedFen} onClick={() => open({ row: r, bucket: null })} />,
      footer: totals ? <Money fen={totals.unappliedFen} strong /> : undefined,
    },
    {
      key: 'balance',
      header: t('aging.report.balance'),
      width: track((r) => r.balanceFen, totals?.balanceFen, t('aging.report.balance')),
      align: 'right',
      sortable: true,
      cell: (r) => <ClickableAmount fen={r.balanceFen} showZero strong onClick={() => open({ row: r, bucket: null })} />,
      footer: totals ? <Money fen={totals.balanceFen} strong /> : undefined,
    },
  ];
  return columns;
}
