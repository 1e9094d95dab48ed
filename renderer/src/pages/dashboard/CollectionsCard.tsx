/**
 * Collections (回款, receipts only) and invoicing per month for the last
 * twelve months; a month's bar opens its receipts. The numbers are one click
 * away as a table.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SegmentedControl, Table } from '@mantine/core';
import { IconChartBar, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import type { Dashboard, MonthCollections } from '../../../../shared/api/dashboard';
import { axisMoney, chartYuan, tooltipMoney } from '../../components/chartMoney';
import { ClickableAmount } from '../../components/ClickableAmount';
import { Money } from '../../components/Money';
import { monthText } from '../../components/dateText';
import { useI18n } from '../../i18n/I18nProvider';
import { DashCard } from './DashCard';
import type { FlowTarget } from './FlowDrawer';

export function CollectionsCard({ data, onFlow }: { data: Dashboard; onFlow(target: FlowTarget): void }) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const months = data.collections.months;
  const openMonth = (m: MonthCollections) =>
    onFlow({ kind: 'receipt', from: m.from, to: m.to, title: t('aging.dashboard.receiptsTitle', { month: m.month }), totalFen: m.receivedFen });
  const chartData = months.map((m) => ({ month: monthText(m.month), received: chartYuan(m.receivedFen), invoiced: chartYuan(m.invoicedFen) }));
  return (
    <DashCard title={t('aging.dashboard.collectionsTitle')} data-testid="dash-collections">
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={view}
        onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: <IconChartBar size={14} /> },
          { value: 'table', label: <IconTable size={14} /> },
        ]}
        aria-label={t('aging.dashboard.collectionsTitle')}
      />
      {view === 'chart' ? (
        <BarChart
          h={220}
          data={chartData}
          dataKey="month"
          series={[
            { name: 'received', label: t('aging.dashboard.received'), color: 'teal.6' },
            { name: 'invoiced', label: t('aging.dashboard.invoiced'), color: 'indigo.2' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 26 }}
          valueFormatter={tooltipMoney}
          yAxisProps={{ tickFormatter: (v: number) => axisMoney(v, locale), width: 64 }}
          barProps={{ cursor: 'pointer', onClick: (_item, index) => openMonth(months[index]) }}
        />
      ) : (
        <Table fz="sm" verticalSpacing={3} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('aging.dashboard.received')}</Table.Th>
              <Table.Th ta="right">{t('aging.dashboard.invoiced')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td ff="monospace">{m.month}</Table.Td>
                <Table.Td ta="right">
                  <ClickableAmount fen={m.receivedFen} showZero onClick={() => openMonth(m)} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={m.invoicedFen} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashCard>
  );
}
