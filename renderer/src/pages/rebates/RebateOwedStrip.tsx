/**
 * The dashboard's rebate figure: what is earned and not settled — an
 * obligation the boss carries. Hidden until some contract has a target.
 */
import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconDiscount } from '@tabler/icons-react';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

export function RebateOwedStrip() {
  const t = useT();
  const q = useApiQuery('rebates.obligation', { asOf: null });
  if (!q.data || q.data.count === 0) return null;
  return (
    <UnstyledButton onClick={() => navigate('/rebates')} data-testid="dashboard-rebates">
      <Paper withBorder px="sm" py={8} style={{ borderLeft: '3px solid var(--mantine-color-grape-5)' }}>
        <Group gap="sm">
          <IconDiscount size={18} stroke={1.6} />
          <Text size="sm">{t('rebates.dashboard.owed')}</Text>
          <Text fw={600}>
            <Money fen={q.data.earnedNotSettledFen} />
          </Text>
          <Text size="xs" c="dimmed">
            {t('rebates.dashboard.owedHint', { n: q.data.count })}
          </Text>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
