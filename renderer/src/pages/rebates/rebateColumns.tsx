/** The columns of the 返利 list (also used, without the contract/customer columns, on the contract page). */
import { Badge, Text } from '@mantine/core';
import type { RebateProgressRow } from '../../../../shared/api/rebates';
import type { DataColumn } from '../../components/DataTable';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { RebateProgressBar } from './RebateProgressBar';
import { STATUS_COLORS, attainmentText, gapText, lineText, periodText, tierText } from './rebateText';

export function useRebateColumns(opts: { withContract: boolean; totals?: { targetFen: number; baseFen: number; earnedFen: number; settledFen: number; differenceFen: number } }): DataColumn<RebateProgressRow>[] {
  const t = useT();
  const cols: DataColumn<RebateProgressRow>[] = [];
  if (opts.withContract) {
    cols.push(
      {
        key: 'contract',
        header: t('rebates.col.contract'),
        width: 190,
        cell: (r) => {
          const line = lineText(t, r);
          return line ? (
            <div style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {r.contractNo}
              </Text>
              <Text size="xs" c="dimmed" truncate title={line} data-testid="rebate-line">
                {line}
              </Text>
            </div>
          ) : (
            r.contractNo
          );
        },
      },
      { key: 'customer', header: t('rebates.col.customer'), width: 'minmax(130px, 1.5fr)', cell: (r) => `${r.customer.code} ${r.customer.name}` },
    );
  }
  cols.push(
    { key: 'period', header: t('rebates.col.period'), width: 176, cell: (r) => `${periodText(r)}` },
    { key: 'target', header: t('rebates.col.target'), width: 112, money: (r) => r.target.targetFen, footer: opts.totals && <Money fen={opts.totals.targetFen} strong /> },
    { key: 'base', header: t('rebates.col.base'), width: 112, money: (r) => r.baseFen, footer: opts.totals && <Money fen={opts.totals.baseFen} strong /> },
    {
      key: 'attainment',
      header: t('rebates.col.attainment'),
      width: 'minmax(130px, 1fr)',
      cell: (r) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%' }}>
          <div style={{ flex: 1 }}>
            <RebateProgressBar row={r} compact />
          </div>
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {attainmentText(r.attainmentPpm)}
          </Text>
        </div>
      ),
    },
    { key: 'tier', header: t('rebates.col.tier'), width: 124, cell: (r) => tierText(t, r) },
    { key: 'earned', header: t('rebates.col.earned'), width: 100, money: (r) => r.earnedFen, footer: opts.totals && <Money fen={opts.totals.earnedFen} strong /> },
    { key: 'projected', header: t('rebates.col.projected'), width: 100, money: (r) => (r.ended ? null : r.projectedEarnedFen) },
    { key: 'next', header: t('rebates.col.next'), width: 'minmax(190px, 1.3fr)', cell: (r) => <Text size="sm" c={r.next ? undefined : 'teal'}>{gapText(t, r)}</Text> },
    { key: 'settled', header: t('rebates.col.settled'), width: 100, money: (r) => r.settledFen, footer: opts.totals && <Money fen={opts.totals.settledFen} strong /> },
    { key: 'difference', header: t('rebates.col.difference'), width: 90, money: (r) => (r.settled ? r.differenceFen : null), footer: opts.totals && <Money fen={opts.totals.differenceFen} strong /> },
    {
      key: 'status',
      header: t('rebates.col.status'),
      width: 76,
      cell: (r) => (
        <Badge size="sm" variant="light" color={STATUS_COLORS[r.status]} tt="none">
          {t(`rebates.status.${r.status}`)}
        </Badge>
      ),
    },
  );
  return cols;
}
