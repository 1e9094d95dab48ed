/**
 * The first-run offer: "try with demo data" opens a SEPARATE demo database
 * (system.openDemo), never filling the office's own file; the banner then
 * says 演示数据 and leads back in one click.
 */
import { Button, Tooltip } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useApiMutation } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { navigate } from '../shell/router';
import { notifyError, notifySuccess } from './notify';

export function LoadDemoButton() {
  const t = useT();
  const open = useApiMutation('system.openDemo');
  return (
    <Tooltip label={t('ui.demo.hint')} multiline w={320} withArrow>
      <Button
        variant="light"
        leftSection={<IconFlask size={16} />}
        loading={open.isPending}
        data-testid="load-demo"
        onClick={async () => {
          try {
            await open.mutateAsync({ size: 'small' });
            notifySuccess(t('ui.demo.opened'));
            navigate('/');
          } catch (e) {
            notifyError(t('ui.demo.load'), e);
          }
        }}
      >
        {t('ui.demo.load')}
      </Button>
    </Tooltip>
  );
}
