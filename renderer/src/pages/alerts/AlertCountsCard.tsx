/** The alert counts for the dashboard: active alerts by severity and by kind, each kind a link to the alert center. */
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { ALERT_KINDS } from '../../../../shared/api/alerts';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useAlertCounts } from './AlertBadges';
import { SEVERITY_COLORS, useAlertText } from './alertText';

export function AlertCountsCard() {
  const t = useT();
  const text = useAlertText();
  const counts = useAlertCounts().data;
  return (
    <Paper withBorder p="sm" data-testid="alert-counts-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{t('alerts.counts.title')}</Text>
          <Anchor size="sm" onClick={() => navigate('/alerts')}>
            {t('alerts.counts.open')}
          </Anchor>
        </Group>
        {counts && (
          <>
            <Group gap={6}>
              <Text size="sm">{counts.total > 0 ? t('alerts.counts.active', { count: counts.total }) : t('alerts.counts.none')}</Text>
              {(['critical', 'warning', 'info'] as const).map((s) =>
                counts.bySeverity[s] > 0 ? (
                  <Badge key={s} tt="none" size="sm" color={SEVERITY_COLORS[s]} variant={s === 'info' ? 'light' : 'filled'}>
                    {text.severity(s)} {counts.bySeverity[s]}
                  </Badge>
                ) : null,
              )}
            </Group>
            <SimpleGrid cols={3} spacing={4} verticalSpacing={2}>
              {ALERT_KINDS.filter((k) => counts.byKind[k] > 0).map((k) => (
                <Group key={k} gap={4} wrap="nowrap" justify="space-between" pr="sm">
                  <Text size="sm" truncate>
                    {text.kind(k)}
                  </Text>
                  <Text size="sm" className="amount">
                    {counts.byKind[k]}
                  </Text>
                </Group>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Paper>
  );
}
