/** The first-run offer: fill an empty database with the small demo data set. */
import { Button } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useApiMutation } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { notifyError, notifySuccess } from './notify';

export function LoadDemoButton() {
  const t = useT();
  const load = useApiMutation('system.loadDemo');
  return (
    <Button
      variant="light"
      leftSection={<IconDatabaseImport size={16} />}
      loading={load.isPending}
      data-testid="load-demo"
      onClick={async () => {
        try {
          const r = await load.mutateAsync({ size: 'small' });
          notifySuccess(t('ui.demo.loaded', { n: r.customers }));
        } catch (e) {
          notifyError(t('ui.demo.load'), e);
        }
      }}
    >
      {t('ui.demo.load')}
    </Button>
  );
}
