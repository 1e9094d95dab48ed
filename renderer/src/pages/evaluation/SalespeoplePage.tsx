/**
 * /salespeople — 业务员业绩: the period's table per salesperson with totals,
 * a bar chart of sales and collections, drill-down to the salesperson's
 * customers (their scorecards) and an .xlsx export.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { SalespersonRow } from '../../../../shared/api/evaluation';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { axisMoney, chartYuan, tooltipMoney } from '../../components/chartMoney';
import { DataTable, type DataColumn, type SortState } from '../../components/DataTable';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { Money } from '../../components/Money';
import { notifyError } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { pct } from './format';
import { HelpTip } from './HelpTip';
import { PeriodFields, periodInput, type PeriodValue } from './PeriodFields';

export function SalespeoplePage() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useSessionState<PeriodValue>('evaluation.period', { from: '', to: '' });
  const [sort, setSort] = useState<SortState | null>(null);
  const q = useApiQuery('salespeople.performance', periodInput(period), { placeholderData: (prev) => prev });
  const name = (s: string) => (s === '' ? t('evaluation.filter.unassigned') : s);
  const rows = useMemo(() => {
    const all = q.data?.rows ?? [];
    if (!sort) return all;
    const sign = sort.dir === 'asc' ? 1 : -1;
    const v = (r: SalespersonRow) => (r as unknown as Record<string, number | string | null>)[sort.key] ?? -Infinity;
    return [...all].sort((a, b) => ((v(a) as number) < (v(b) as number) ? -1 : (v(a) as number) > (v(b) as number) ? 1 : 0) * sign);
  }, [q.data, sort]);
  const tot = q.data?.totals;
  const columns: DataColumn<SalespersonRow>[] = [
    { key: 'salesperson', header: t('evaluation.salespeople.salesperson'), width: 'minmax(120px, 1.5fr)', sortable: true, cell: (r) => name(r.salesperson), footer: t('evaluation.salespeople.total') },
    { key: 'customers', header: t('evaluation.salespeople.customers'), width: 80, align: 'right', sortable: true, cell: (r) => String(r.customers), footer: tot?.customers },
    { key: 'customersServed', header: t('evaluation.salespeople.served'), width: 90, align: 'right', sortable: true, cell: (r) => String(r.customersServed), footer: tot?.customersServed },
    { key: 'salesFen', header: t('evaluation.salespeople.sales'), width: 130, sortable: true, money: (r) => r.salesFen, footer: tot && <Money fen={tot.salesFen} strong /> },
    { key: 'collectedFen', header: t('evaluation.salespeople.collected'), width: 130, sortable: true, money: (r) => r.collectedFen, footer: tot && <Money fen={tot.collectedFen} strong /> },
    {
      key: 'collectionRate',
      header: <HelpTip label={t('evaluation.salespeople.collectionRate')} help={t('evaluation.help.collectionRate')} />,
      width: 100,
      align: 'right',
      sortable: true,
      cell: (r) => pct(r.collectionRate),
      footer: tot && pct(tot.collectionRate),
    },
    { key: 'dso', header: <HelpTip label={t('evaluation.salespeople.dso')} help={t('evaluation.salespeople.dsoHelp')} />, width: 90, align: 'right', sortable: true, cell: (r) => (r.dso === null ? '—' : String(r.dso)), footer: tot?.dso ?? '—' },
    { key: 'overdueFen', header: t('evaluation.salespeople.overdue'), width: 130, sortable: true, money: (r) => r.overdueFen, footer: tot && <Money fen={tot.overdueFen} strong /> },
    { key: 'overdueShare', header: t('evaluation.salespeople.overdueShare'), width: 90, align: 'right', sortable: true, cell: (r) => pct(r.overdueShare), footer: tot && pct(tot.overdueShare) },
    {
      key: 'visitsDone',
      header: <HelpTip label={t('evaluation.salespeople.visits')} help={t('evaluation.salespeople.plannedHelp')} />,
      width: 120,
      align: 'right',
      sortable: true,
      cell: (r) => `${r.visitsDone} / ${r.visitsPlanned}`,
      footer: tot && `${tot.visitsDone} / ${tot.visitsPlanned}`,
    },
    { key: 'openComplaints', header: t('evaluation.salespeople.openComplaints'), width: 90, align: 'right', sortable: true, cell: (r) => String(r.openComplaints), footer: tot?.openComplaints },
  ];
  const exportXlsx = async () => {
    try {
      const f = await apiClient().call('salespeople.exportXlsx', periodInput(period));
      downloadFile(f.fileName, f.dataBase64, XLSX_MIME);
    } catch (e) {
      notifyError(t('evaluation.salespeople.export'), e);
    }
  };
  const chart = (q.data?.rows ?? []).slice(0, 15).map((r) => ({ name: name(r.salesperson), sales: chartYuan(r.salesFen), collected: chartYuan(r.collectedFen), key: r.salesperson }));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('evaluation.salespeople.title')}</Title>
        <Group gap="sm">
          <PeriodFields value={period} onChange={setPeriod} from={q.data?.from} to={q.data?.to} />
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportXlsx()} data-testid="salespeople-export">
            {t('evaluation.salespeople.export')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('evaluation.salespeople.intro')}
      </Text>
      {chart.length > 0 && (
        <Paper withBorder p="sm" data-testid="salespeople-chart">
          <Text size="sm" fw={600} mb={4}>
            {t('evaluation.salespeople.chart')}
          </Text>
          <BarChart
            h={220}
            data={chart}
            dataKey="name"
            series={[
              { name: 'sales', label: t('evaluation.salespeople.sales'), color: 'indigo.6' },
              { name: 'collected', label: t('evaluation.salespeople.collected'), color: 'teal.6' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 28 }}
            valueFormatter={tooltipMoney}
            yAxisProps={{ tickFormatter: (v: number) => axisMoney(v, locale), width: 80 }}
            barProps={{ cursor: 'pointer', onClick: (item) => navigate(`/evaluation?salesperson=${encodeURIComponent(String((item.payload as { key: string }).key))}`) }}
          />
        </Paper>
      )}
      <DataTable
        data-testid="salespeople-table"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.salesperson}
        height="auto"
        maxHeight="calc(100vh - 470px)"
        sort={sort}
        onSortChange={setSort}
        onRowClick={(r) => navigate(`/evaluation?salesperson=${encodeURIComponent(r.salesperson)}`)}
        loading={q.isLoading}
      />
    </Stack>
  );
}
