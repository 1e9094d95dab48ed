/** The scorecard list's columns, each header with its exact definition on hover. */
import { Badge, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import type { Scorecard } from '../../../../shared/api/evaluation';
import type { DataColumn } from '../../components/DataTable';
import { useT } from '../../i18n/I18nProvider';
import { daysText, pct, SCORE_COLORS } from './format';
import { HelpTip } from './HelpTip';

const part = (x: number) => x.toFixed(2);

export function useScoreColumns(selection: { selected: ReadonlySet<string>; toggle(id: string): void } | null): DataColumn<Scorecard>[] {
  const t = useT();
  const cols: DataColumn<Scorecard>[] = [];
  if (selection) {
    cols.push({
      key: 'select',
      header: '',
      width: 36,
      cell: (r) => (
        <Checkbox
          size="xs"
          aria-label={r.code}
          checked={selection.selected.has(r.customerId)}
          onClick={(e) => e.stopPropagation()}
          onChange={() => selection.toggle(r.customerId)}
        />
      ),
    });
  }
  cols.push(
    { key: 'code', header: t('evaluation.col.code'), width: 90, sortable: true, cell: (r) => r.code },
    { key: 'name', header: t('evaluation.col.name'), width: 'minmax(160px, 2fr)', sortable: true, cell: (r) => r.name },
    {
      key: 'grade',
      header: t('evaluation.col.grade'),
      width: 80,
      sortable: true,
      cell: (r) => (
        <Text size="sm" fw={600} data-testid={`grade-${r.code}`}>
          {r.grade ?? '—'}
        </Text>
      ),
    },
    {
      key: 'suggestedGrade',
      header: <HelpTip label={t('evaluation.col.suggested')} help={t('evaluation.help.suggested')} />,
      width: 90,
      sortable: true,
      cell: (r) => (
        <Badge tt="none" variant={r.suggestedGrade === r.grade ? 'light' : 'filled'} color={r.suggestedGrade === r.grade ? 'gray' : 'orange'}>
          {r.suggestedGrade}
        </Badge>
      ),
    },
    { key: 'layer', header: t('evaluation.col.layer'), width: 70, sortable: true, cell: (r) => (r.layer ? t(`evaluation.layer.${r.layer}`) : '') },
    { key: 'salesperson', header: t('evaluation.col.salesperson'), width: 90, sortable: true, cell: (r) => r.salesperson },
    {
      key: 'salesScore',
      header: <HelpTip label={t('evaluation.col.salesScore')} help={t('evaluation.help.salesScore')} />,
      width: 96,
      align: 'right',
      sortable: true,
      cell: (r) => (
        <Tooltip label={`${t('evaluation.help.salesScore')} — ${part(r.salesParts.volume)} / ${part(r.salesParts.growth)} / ${part(r.salesParts.frequency)}`} multiline w={360}>
          <Badge variant="light" color={SCORE_COLORS(r.salesScore)}>
            {r.salesScore}
          </Badge>
        </Tooltip>
      ),
    },
    {
      key: 'creditScore',
      header: <HelpTip label={t('evaluation.col.creditScore')} help={t('evaluation.help.creditScore')} />,
      width: 96,
      align: 'right',
      sortable: true,
      cell: (r) => (
        <Tooltip
          label={`${t('evaluation.help.creditScore')} — ${part(r.creditParts.collection)} / ${part(r.creditParts.daysToPay)} / ${part(r.creditParts.overdue)} / ${part(r.creditParts.promises)}`}
          multiline
          w={360}
        >
          <Badge variant="light" color={SCORE_COLORS(r.creditScore)}>
            {r.creditScore}
          </Badge>
        </Tooltip>
      ),
    },
    { key: 'salesFen', header: <HelpTip label={t('evaluation.col.sales')} help={t('evaluation.help.sales')} />, width: 120, sortable: true, money: (r) => r.salesFen },
    { key: 'growth', header: <HelpTip label={t('evaluation.col.growth')} help={t('evaluation.help.growth')} />, width: 84, align: 'right', sortable: true, cell: (r) => pct(r.growth) },
    { key: 'orderCount', header: <HelpTip label={t('evaluation.col.orders')} help={t('evaluation.help.orders')} />, width: 84, align: 'right', sortable: true, cell: (r) => String(r.orderCount) },
    { key: 'collectedFen', header: <HelpTip label={t('evaluation.col.collected')} help={t('evaluation.help.collected')} />, width: 120, sortable: true, money: (r) => r.collectedFen },
    {
      key: 'collectionRate',
      header: <HelpTip label={t('evaluation.col.collectionRate')} help={t('evaluation.help.collectionRate')} />,
      width: 96,
      align: 'right',
      sortable: true,
      cell: (r) => pct(r.collectionRate),
    },
    {
      key: 'avgDaysToPay',
      header: <HelpTip label={t('evaluation.col.avgDaysToPay')} help={t('evaluation.help.avgDaysToPay')} />,
      width: 110,
      align: 'right',
      sortable: true,
      cell: (r) => daysText(r.avgDaysToPay),
    },
    { key: 'overdueFen', header: <HelpTip label={t('evaluation.col.overdue')} help={t('evaluation.help.overdue')} />, width: 120, sortable: true, money: (r) => r.overdueFen },
    { key: 'longestOverdueDays', header: t('evaluation.col.longestOverdue'), width: 100, align: 'right', sortable: true, cell: (r) => String(r.longestOverdueDays) },
    {
      key: 'brokenPromises',
      header: <HelpTip label={t('evaluation.col.brokenPromises')} help={t('evaluation.help.brokenPromises')} />,
      width: 84,
      align: 'right',
      sortable: true,
      cell: (r) => String(r.brokenPromises),
    },
    {
      key: 'visits',
      header: <HelpTip label={t('evaluation.col.visits')} help={t('evaluation.help.visits')} />,
      width: 96,
      cell: (r) => (
        <Group gap={2} wrap="nowrap">
          <Text size="sm" ff="monospace">{`${r.visits.T}/${r.visits.E}/${r.visits.M}`}</Text>
          {r.satisfactionAvg !== null && (
            <Text size="xs" c="dimmed">
              ★{r.satisfactionAvg}
            </Text>
          )}
        </Group>
      ),
    },
    { key: 'complaints', header: <HelpTip label={t('evaluation.col.complaints')} help={t('evaluation.help.complaints')} />, width: 70, align: 'right', sortable: true, cell: (r) => String(r.complaints) },
  );
  return cols;
}

/** Client-side sort of the loaded scorecards (all rows are on hand for the chart anyway). */
export function sortScorecards(rows: readonly Scorecard[], key: string, dir: 'asc' | 'desc'): Scorecard[] {
  const val = (r: Scorecard): number | string => {
    const v = (r as unknown as Record<string, unknown>)[key];
    if (typeof v === 'number' || typeof v === 'string') return v;
    return dir === 'asc' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.code < b.code ? -1 : 1);
  });
}
