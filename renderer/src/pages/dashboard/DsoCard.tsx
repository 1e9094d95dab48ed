/**
 * DSO at each of the last twelve month-ends and now (§4: receivables
 * balance ÷ invoiced in the trailing 90 days × 90), as a line; the working
 * of every point is one click away as a table.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { SegmentedControl, Table } from '@mantine/core';
import { IconChartLine, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { Money } from '../../components/Money';
import { monthText } from '../../components/dateText';
import { useT } from '../../i18n/I18nProvider';
import { DashCard } from './DashCard';

export function DsoCard({ data }: { data: Dashboard }) {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const points = [...data.dso.trend, data.dso.current];
  // Month-ends on the axis as their month (2026-02), today's point as its date: never 26/02, which reads as a day.
  const chartData = points.map((p, i) => ({ date: i === points.length - 1 ? p.date : monthText(p.date), days: p.days }));
  return (
    <DashCard title={t('aging.dashboard.dsoTrendTitle')} data-testid="dash-dso-trend">
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={view}
        onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: <IconChartLine size={14} /> },
          { value: 'table', label: <IconTable size={14} /> },
        ]}
        aria-label={t('aging.dashboard.dsoTrendTitle')}
      />
      {view === 'chart' ? (
        <LineChart
          h={220}
          data={chartData}
          dataKey="date"
          series={[{ name: 'days', label: t('aging.dashboard.dso'), color: 'grape.6' }]}
          curveType="monotone"
          connectNulls
          valueFormatter={(v) => t('aging.dashboard.dsoDays', { days: v.toFixed(1) })}
          yAxisProps={{ width: 36, tickFormatter: (v: number) => String(Math.round(v)) }}
        />
      ) : (
        <Table fz="sm" verticalSpacing={3} withRowBorders={false}>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.date}>
                <Table.Td ff="monospace">{p.date}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={p.balanceFen} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={p.invoicedFen} />
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {p.days === null ? '—' : t('aging.dashboard.dsoDays', { days: p.days.toFixed(1) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashCard>
  );
}
