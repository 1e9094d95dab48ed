/**
 * The count of active alerts where the boss glances: on the 预警 nav entry
 * and in the header. Red when something is critical, orange for warnings,
 * neutral otherwise; nothing shown when there is nothing to do. Both read
 * alerts.counts, which refreshes after any write to the tables alerts read.
 */
import { Badge, Button } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { AlertCounts } from '../../../../shared/api/alerts';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

const colorOf = (c: AlertCounts) => (c.bySeverity.critical > 0 ? 'red' : c.bySeverity.warning > 0 ? 'orange' : 'gray');

export function useAlertCounts() {
  return useApiQuery('alerts.counts', { asOf: null });
}

export function AlertNavBadge() {
  const counts = useAlertCounts().data;
  if (!counts || counts.total === 0) return null;
  return (
    <Badge size="sm" circle={counts.total < 10} color={colorOf(counts)} variant="filled" data-testid="nav-alert-badge">
      {counts.total}
    </Badge>
  );
}

export function AlertHeaderBadge() {
  const t = useT();
  const counts = useAlertCounts().data;
  if (!counts) return null;
  const label = t('alerts.counts.badge', { count: counts.total });
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
        counts.total > 0 ? (
          <Badge size="sm" color={colorOf(counts) === 'gray' ? 'gray' : colorOf(counts)} variant="filled">
            {counts.total}
          </Badge>
        ) : null
      }
    >
      {t('alerts.nav.alerts')}
    </Button>
  );
}
