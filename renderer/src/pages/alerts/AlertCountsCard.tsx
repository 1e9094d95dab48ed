/** The alert counts for the dashboard: active alerts by severity and by kind; the card opens the alert center. */
import { Badge, Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { ALERT_KINDS } from '../../../../shared/api/alerts';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { DashCard } from '../dashboard/DashCard';
import { useAlertCounts } from './AlertBadges';
import { SEVERITY_COLORS, useAlertText } from './alertText';

export function AlertCountsCard() {
  const t = useT();
  const text = useAlertText();
  const counts = useAlertCounts().data;
  return (
    <DashCard title={t('alerts.counts.title')} action={{ label: t('alerts.counts.open'), onClick: () => navigate('/alerts') }} data-testid="alert-counts-card">
      {counts && (
        <>
          <Group gap={6}>
            <Text size="sm">{counts.total > 0 ? t('alerts.counts.active', { count: counts.total }) : t('alerts.counts.none')}</Text>
            {counts.needsAction > 0 && (
              <Text size="sm" c="red.7" data-testid="alert-counts-needs-action">
                {t('alerts.counts.today', { count: counts.needsAction })}
              </Text>
            )}
            {(['critical', 'warning', 'info'] as const).map((s) =>
              counts.bySeverity[s] > 0 ? (
                <Badge key={s} tt="none" size="sm" color={SEVERITY_COLORS[s]} variant={s === 'info' ? 'light' : 'filled'}>
                  {text.severity(s)} {counts.bySeverity[s]}
                </Badge>
              ) : null,
            )}
          </Group>
          <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
            {ALERT_KINDS.filter((k) => counts.byKind[k] > 0).map((k) => (
              <UnstyledButton key={k} onClick={() => navigate('/alerts')} data-testid={`alert-count-${k}`}>
                <Group gap={4} wrap="nowrap" justify="space-between" pr="sm">
                  <Text size="sm" truncate>
                    {text.kind(k)}
                  </Text>
                  <Text size="sm" className="amount">
                    {counts.byKind[k]}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </>
      )}
    </DashCard>
  );
}
