/** The header's sync light: synced / syncing / offline / problem (hidden while sync is off); opens 设置 → 同步. */
import { Button } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import type { SyncState } from '../../../../shared/api/sync';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

export const SYNC_STATE_COLOR: Record<SyncState, string> = { off: 'gray', synced: 'teal', syncing: 'blue', offline: 'gray', problem: 'orange' };

const ICON = { synced: IconCloudCheck, syncing: IconRefresh, offline: IconCloudOff, problem: IconAlertTriangle } as const;

export function SyncIndicator() {
  const t = useT();
  const status = useApiQuery('sync.status', {}, { refetchInterval: (q) => (q.state.data?.progress ? 1000 : false) }).data;
  if (!status || status.state === 'off') return null;
  const Icon = ICON[status.state];
  // A long job (many segments, a join, the check) shows how far it got.
  const p = status.progress;
  const label = t(`sync.state.${status.state}`) + (p ? ` ${p.done}/${p.total}` : '');
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<Icon size={16} color={status.state === 'synced' ? 'var(--mantine-color-teal-2)' : status.state === 'problem' ? 'var(--mantine-color-orange-3)' : undefined} />}
      onClick={() => navigate('/settings')}
      aria-label={label}
      title={label}
      data-testid="header-sync"
      data-state={status.state}
      styles={{ root: { color: 'white' } }}
    >
      {label}
    </Button>
  );
}
