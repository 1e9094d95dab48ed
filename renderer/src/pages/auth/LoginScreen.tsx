/** Login (and the boss's recovery code) once users exist; the app is not mounted until someone logs in. */
import { Anchor, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BossCreated } from '../../../../shared/api/auth';
import { apiClient } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { PasswordForm } from './PasswordForm';
import { useAuthCall } from './useAuth';

export function LoginScreen() {
  const t = useT();
  const authCall = useAuthCall();
  const [recovering, setRecovering] = useState(false);
  const [newSheet, setNewSheet] = useState<BossCreated | null>(null);
  return (
    <Center h="100vh" bg="gray.1">
      <Paper shadow="sm" p="xl" w={380} withBorder>
        <Stack>
          <Title order={3}>{t('app.productName')}</Title>
          {newSheet ? (
            <Stack>
              <Text size="sm">{t('auth.setup.sheetBody')}</Text>
              <Code block fz="lg" ta="center">
                {newSheet.recoveryCode}
              </Code>
              <Anchor onClick={() => void authCall('auth.status', {})}>{t('auth.setup.done')}</Anchor>
            </Stack>
          ) : recovering ? (
            <PasswordForm
              testId="recover-form"
              fields={[
                { name: 'username', label: t('auth.login.username') },
                { name: 'recoveryCode', label: t('auth.login.recoveryCode') },
                { name: 'newPassword', label: t('auth.login.newPassword'), secret: true },
              ]}
              submitLabel={t('auth.login.recover')}
              onSubmit={async (v) => setNewSheet(await authCallRaw(v))}
              extra={<Anchor size="sm" onClick={() => setRecovering(false)}>{t('auth.login.back')}</Anchor>}
            />
          ) : (
            <PasswordForm
              testId="login-form"
              fields={[
                { name: 'username', label: t('auth.login.username') },
                { name: 'password', label: t('auth.login.password'), secret: true },
              ]}
              submitLabel={t('auth.login.submit')}
              onSubmit={(v) => authCall('auth.login', { username: v.username, password: v.password })}
              extra={<Anchor size="sm" onClick={() => setRecovering(true)}>{t('auth.login.forgot')}</Anchor>}
            />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

// The new sheet must be shown before the status refetch swaps the login screen for the app.
const authCallRaw = (v: Record<string, string>) =>
  apiClient().call('auth.recover', { username: v.username, recoveryCode: v.recoveryCode, newPassword: v.newPassword });
