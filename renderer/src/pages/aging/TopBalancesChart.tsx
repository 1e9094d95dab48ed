/**
 * The aging page's chart: the ten largest balances of the current filter,
 * each a horizontal bar stacked by bucket in the shared colour ramp. A bar
 * opens that customer's open items.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { AgingReport } from '../../../../shared/api/aging';
import { bucketColors } from '../../../../shared/aging/bucketColors';
import { axisMoney, chartYuan, tooltipMoney } from '../../components/chartMoney';
import { useI18n } from '../../i18n/I18nProvider';
import { useBucketLabel } from './useBucketLabels';

export function TopBalancesChart({ report, onOpen }: { report: AgingReport; onOpen(customerId: string): void }) {
  const { t, locale } = useI18n();
  const label = useBucketLabel();
  const colors = bucketColors(report.buckets);
  const rows = report.rows.filter((r) => r.balanceFen > 0).slice(0, 10);
  if (rows.length === 0) return null;
  const data = rows.map((r) => {
    const point: Record<string, string | number> = { customer: r.name.length > 10 ? `${r.name.slice(0, 10)}…` : r.name, customerId: r.customerId };
    r.bucketsFen.forEach((v, i) => (point[`b${i}`] = chartYuan(v)));
    return point;
  });
  return (
    <Paper withBorder p="sm" data-testid="aging-chart">
      <Text size="sm" fw={600} mb={4}>
        {t('aging.report.chartTitle')}
        <Text span size="xs" c="dimmed" ml="sm" fw={400}>
          {t('aging.report.chartHint')}
        </Text>
      </Text>
      <BarChart
        h={Math.max(150, rows.length * 26 + 50)}
        data={data}
        dataKey="customer"
        type="stacked"
        orientation="vertical"
        series={report.buckets.map((b, i) => ({ name: `b${i}`, label: label(b), color: colors[i] }))}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 28 }}
        valueFormatter={tooltipMoney}
        xAxisProps={{ tickFormatter: (v: number) => axisMoney(v, locale) }}
        yAxisProps={{ width: 150 }}
        gridAxis="x"
        barProps={{ cursor: 'pointer', onClick: (item) => onOpen(String((item.payload as { customerId: string }).customerId)) }}
      />
    </Paper>
  );
}
