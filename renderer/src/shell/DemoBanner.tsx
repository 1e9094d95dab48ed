/**
 * While the demo database is open, every screen says so (演示数据) and offers
 * the way back to the office's own file in one click; the header turns
 * orange and the window title carries the word, so a screenshot or a
 * glance from across the room never passes demo figures for real ones.
 */
import { Alert, Button, Group } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiClient } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { notifyError } from '../components/notify';
import { useT } from '../i18n/I18nProvider';
import { navigate } from './router';

/** The same query App.tsx starts with (shared by its key). */
export function useDemoMode(): boolean {
  const status = useQuery({ queryKey: ['system.status'], queryFn: () => apiClient().call('system.status', {}) });
  return status.data?.demo === true;
}

export function DemoBanner() {
  const t = useT();
  const demo = useDemoMode();
  const back = useApiMutation('system.closeDemo');
  useEffect(() => {
    const base = document.title.replace(/^【[^】]*】/, '');
    document.title = demo ? `【${t('ui.demo.badge')}】${base}` : base;
  }, [demo, t]);
  if (!demo) return null;
  return (
    <Alert color="orange" variant="filled" icon={<IconFlask size={18} />} mb="sm" py={6} data-testid="demo-banner">
      <Group justify="space-between" wrap="nowrap">
        <span>{t('ui.demo.banner')}</span>
        <Button
          size="xs"
          variant="white"
          color="orange"
          loading={back.isPending}
          onClick={async () => {
            try {
              await back.mutateAsync({});
              navigate('/');
            } catch (e) {
              notifyError(t('ui.demo.back'), e);
            }
          }}
          data-testid="demo-close"
        >
          {t('ui.demo.back')}
        </Button>
      </Group>
    </Alert>
  );
}
