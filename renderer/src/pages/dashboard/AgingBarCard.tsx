/**
 * The aging structure as one stacked bar in the shared colour ramp, with a
 * legend that carries the exact amount and share of every bucket; a bucket
 * opens the aging report sorted by it.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { bucketColors } from '../../../../shared/aging/bucketColors';
import { chartYuan, tooltipMoney } from '../../components/chartMoney';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { agingHref } from '../aging/agingLinks';
import { useBucketLabel } from '../aging/useBucketLabels';
import { DashCard } from './DashCard';
import { percent } from './StatCards';

export function AgingBarCard({ data }: { data: Dashboard }) {
  const t = useT();
  const label = useBucketLabel();
  const colors = bucketColors(data.buckets);
  const point: Record<string, string | number> = { name: '' };
  data.bucketsFen.forEach((v, i) => (point[`b${i}`] = chartYuan(v)));
  const open = (i: number) => navigate(agingHref({ basis: 'due', sort: `bucket${i}` }));
  return (
    <DashCard title={t('aging.dashboard.agingTitle')} action={{ label: t('aging.dashboard.viewAging'), onClick: () => navigate(agingHref({ basis: 'due' })) }} data-testid="dash-aging">
      <BarChart
        h={64}
        data={[point]}
        dataKey="name"
        type="stacked"
        orientation="vertical"
        series={data.buckets.map((b, i) => ({ name: `b${i}`, label: label(b), color: colors[i] }))}
        withXAxis={false}
        withYAxis={false}
        xAxisProps={{ domain: [0, 'dataMax'] }}
        gridAxis="none"
        valueFormatter={tooltipMoney}
        barProps={(s) => ({ cursor: 'pointer', onClick: () => open(Number(s.name.slice(1))) })}
        maxBarWidth={40}
      />
      <Stack gap={2}>
        {data.buckets.map((b, i) => (
          <UnstyledButton key={b.key} onClick={() => open(i)} data-testid={`dash-bucket-${b.key}`} style={{ borderRadius: 4, padding: '1px 4px' }}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap">
                <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: colors[i] }} />
                <Text size="sm">{label(b)}</Text>
              </Group>
              <Group gap="md" wrap="nowrap">
                <Text size="xs" c="dimmed" w={48} ta="right">
                  {data.openFen > 0 ? percent(data.bucketsFen[i] / data.openFen) : ''}
                </Text>
                <Text size="sm" w={130} ta="right">
                  <Money fen={data.bucketsFen[i]} />
                </Text>
              </Group>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </DashCard>
  );
}
