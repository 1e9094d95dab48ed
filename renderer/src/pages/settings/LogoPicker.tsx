import { Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { applyServerError } from '../../components/serverErrors';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export function LogoPicker() {
  const t = useT();
  const logo = useApiQuery('settings.getLogo', {});
  const setLogo = useApiMutation('settings.setLogo');
  const clearLogo = useApiMutation('settings.clearLogo');
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      await setLogo.mutateAsync({ fileName: file.name, dataBase64: await toBase64(file) });
      notifySuccess(t('settings.logoSaved'));
    } catch (e) {
      if (!applyServerError(e, (_f, m) => setError(m))) notifyError(t('common.saveFailed'), e);
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('settings.logo')}
      </Text>
      <Group align="center">
        <Paper withBorder w={160} h={80} style={{ display: 'grid', placeItems: 'center' }}>
          {logo.data ? (
            <Image src={`data:${logo.data.mime};base64,${logo.data.dataBase64}`} mah={72} maw={150} fit="contain" alt="logo" />
          ) : (
            <Text size="xs" c="dimmed">
              {t('settings.logoNone')}
            </Text>
          )}
        </Paper>
        <Stack gap={4}>
          <Group gap="xs">
            <FileButton onChange={(f) => void choose(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="default" size="xs" loading={setLogo.isPending} {...props} data-testid="logo-choose">
                  {t('settings.logoChoose')}
                </Button>
              )}
            </FileButton>
            {logo.data && (
              <Button variant="subtle" color="gray" size="xs" onClick={() => void clearLogo.mutateAsync({})}>
                {t('settings.logoRemove')}
              </Button>
            )}
          </Group>
          <Text size="xs" c={error ? 'red' : 'dimmed'} data-testid="logo-message">
            {error ?? t('settings.logoHint')}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
