/**
 * Drawn over the still-mounted app while the session is locked: the forms
 * underneath keep what was typed. Unlock is the same user's password;
 * "切换用户" logs in someone else (the app then remounts for them, so one
 * person's unsaved slip is never posted under another's name).
 */
import { Anchor, Overlay, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/api/auth';
import { useT } from '../../i18n/I18nProvider';
import { PasswordForm } from './PasswordForm';
import { useAuthCall } from './useAuth';

export function LockOverlay({ user }: { user: UserDto }) {
  const t = useT();
  const authCall = useAuthCall();
  const [switching, setSwitching] = useState(false);
  return (
    <Overlay fixed blur={6} color="#1b2333" backgroundOpacity={0.55} zIndex={400} center data-testid="lock-overlay">
      <Paper shadow="md" p="xl" w={380} withBorder>
        <Stack>
          <Title order={4}>{switching ? t('auth.lock.otherUser') : t('auth.lock.title')}</Title>
          {switching ? (
            <PasswordForm
              testId="switch-form"
              fields={[
                { name: 'username', label: t('auth.login.username') },
                { name: 'password', label: t('auth.login.password'), secret: true },
              ]}
              submitLabel={t('auth.login.submit')}
              onSubmit={(v) => authCall('auth.switchUser', { username: v.username, password: v.password })}
              extra={<Anchor size="sm" onClick={() => setSwitching(false)}>{t('auth.login.back')}</Anchor>}
            />
          ) : (
            <>
              <Text size="sm">{t('auth.lock.body', { name: user.displayName, role: t(`auth.role.${user.role}`) })}</Text>
              <PasswordForm
                testId="unlock-form"
                fields={[{ name: 'password', label: t('auth.login.password'), secret: true }]}
                submitLabel={t('auth.lock.unlock')}
                onSubmit={(v) => authCall('auth.unlock', { password: v.password })}
                extra={
                  <Anchor size="sm" onClick={() => setSwitching(true)} data-testid="switch-user">
                    {t('auth.lock.switchUser')}
                  </Anchor>
                }
              />
            </>
          )}
        </Stack>
      </Paper>
    </Overlay>
  );
}
