/**
 * What needs action today, where the boss glances: on the 预警 nav entry and
 * in the header. The number is AlertCounts.needsAction — the critical alerts
 * and those new today (or back because they got worse) — not every open
 * alert, so it can reach zero on a good day; the hover text gives both.
 * Red when something is critical, orange otherwise; nothing shown when
 * nothing needs action. Both read alerts.counts, which refreshes after any
 * write to the tables alerts read.
 */
import { Badge, Button } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { AlertCounts } from '../../../../shared/api/alerts';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

const colorOf = (c: AlertCounts) => (c.bySeverity.critical > 0 ? 'red' : 'orange');

export function useAlertCounts() {
  return useApiQuery('alerts.counts', { asOf: null });
}

function useBadgeTitle(c: AlertCounts | undefined): string {
  const t = useT();
  return c ? `${t('alerts.counts.needsAction', { count: c.needsAction })} · ${t('alerts.counts.active', { count: c.total })}` : '';
}

export function AlertNavBadge() {
  const counts = useAlertCounts().data;
  const title = useBadgeTitle(counts);
  if (!counts || counts.needsAction === 0) return null;
  return (
    <Badge size="sm" circle={counts.needsAction < 10} color={colorOf(counts)} variant="filled" title={title} data-testid="nav-alert-badge">
      {counts.needsAction}
    </Badge>
  );
}

export function AlertHeaderBadge() {
  const t = useT();
  const counts = useAlertCounts().data;
  const title = useBadgeTitle(counts);
  if (!counts) return null;
  const label = title;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="gray.0"
      leftSection={<IconBell size={16} />}
      onClick={() => navigate('/alerts')}
      aria-label={label}
      title={label}
      data-testid="header-alert-badge"
      styles={{ root: { color: 'white' } }}
      rightSection={
        counts.needsAction > 0 ? (
          <Badge size="sm" color={colorOf(counts)} variant="filled" data-testid="header-alert-count">
            {counts.needsAction}
          </Badge>
        ) : null
      }
    >
      {t('alerts.nav.alerts')}
    </Button>
  );
}
