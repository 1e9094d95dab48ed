/**
 * Restoring a healthy database asks twice: first what will be lost (the
 * changes recorded after the backup), then a plain "are you sure". Only the
 * second answer sends system.restoreBackup with confirmed: true.
 */
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { apiClient } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { backupTime } from './backupFormat';

export function RestoreDialog({ name, onClose }: { name: string; onClose(): void }) {
  const t = useT();
  const [step, setStep] = useState<1 | 2>(1);
  const [busy, setBusy] = useState(false);
  const preview = useApiQuery('backup.restorePreview', { name });
  const restore = async () => {
    setBusy(true);
    try {
      await apiClient().call('system.restoreBackup', { name, confirmed: true });
      notifySuccess(t('backup.restored'));
      onClose();
    } catch (e) {
      notifyError(t('backup.confirmTitle'), e);
    } finally {
      setBusy(false);
    }
  };
  const p = preview.data;
  return (
    <Modal opened onClose={onClose} centered size="md" title={step === 1 ? t('backup.confirmTitle') : t('backup.confirmAgainTitle')} data-testid="restore-dialog">
      {step === 1 ? (
        <Stack>
          {!p ? (
            <Loader size="sm" />
          ) : (
            <Alert color={p.changesSince > 0 ? 'orange' : 'blue'}>
              {p.changesSince > 0
                ? t('backup.confirmLoss', { at: backupTime(p.createdAt), n: p.changesSince, last: p.lastChangeAt ? backupTime(p.lastChangeAt) : '' })
                : t('backup.confirmNoLoss', { at: backupTime(p.createdAt) })}
            </Alert>
          )}
          <Text size="sm">{t('backup.confirmKept')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" disabled={!p} onClick={() => setStep(2)} data-autofocus>
              {t('backup.confirmContinue')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text>{t('backup.confirmAgain', { name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void restore()}>
              {t('backup.confirmRestore')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
