/**
 * Who may see the app. No users yet: the app as before, with a banner
 * offering the boss wizard. Users but nobody logged in: the login screen.
 * Logged in: the app, keyed by the user (switching users remounts it), with
 * the lock overlay drawn over it while locked (forms stay mounted), the
 * idle lock, a forced password change after a reset, and the approval dialog.
 */
import { Alert, Button, Center, Group, Loader, Modal } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { AuthorizeDialogHost } from './AuthorizeDialogHost';
import { BossSetupWizard } from './BossSetupWizard';
import { LockOverlay } from './LockOverlay';
import { LoginScreen } from './LoginScreen';
import { PasswordForm } from './PasswordForm';
import { useAuthCall, useAuthStatus } from './useAuth';
import { useIdleLock } from './useIdleLock';

// The wizard lives in the gate, outside the part that remounts when the boss logs in, so its recovery sheet stays up.
const WizardContext = createContext<() => void>(() => {});

export function NoUsersBanner() {
  const t = useT();
  const status = useAuthStatus();
  const open = useContext(WizardContext);
  if (!status.data || status.data.usersExist) return null;
  return (
    <>
      <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />} mb="sm" py={6} data-testid="no-users-banner">
        <Group justify="space-between" wrap="nowrap">
          <span>{t('auth.banner.noUsers')}</span>
          <Button size="xs" variant="light" color="yellow" onClick={open} data-testid="create-boss">
            {t('auth.banner.create')}
          </Button>
        </Group>
      </Alert>
    </>
  );
}

export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useAuthStatus();
  const authCall = useAuthCall();
  const user = status.data?.user ?? null;
  const locked = !!status.data?.locked;
  const lock = useCallback(() => void authCall('auth.lock', {}), [authCall]);
  const [wizardOpen, setWizardOpen] = useState(false);
  const openWizard = useCallback(() => setWizardOpen(true), []);
  useIdleLock(!!user && !locked, status.data?.idleLockMinutes ?? 10, lock);

  if (!status.data) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.data.usersExist && !user && !wizardOpen) return <LoginScreen />;
  return (
    <WizardContext.Provider value={openWizard}>
      <div key={user?.id ?? 'no-users'} style={{ display: 'contents' }}>
        {children}
      </div>
      <BossSetupWizard opened={wizardOpen} onClose={() => setWizardOpen(false)} />
      {user && locked && <LockOverlay user={user} />}
      {user?.mustChangePassword && !locked && (
        <Modal opened onClose={() => {}} withCloseButton={false} title={t('auth.changePassword.title')} centered>
          <Alert color="blue" mb="sm">
            {t('auth.changePassword.mustChange')}
          </Alert>
          <PasswordForm
            testId="change-password-form"
            fields={[
              { name: 'oldPassword', label: t('auth.changePassword.old'), secret: true },
              { name: 'newPassword', label: t('auth.changePassword.new'), secret: true },
            ]}
            submitLabel={t('auth.changePassword.submit')}
            onSubmit={(v) => authCall('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword })}
          />
        </Modal>
      )}
      <AuthorizeDialogHost />
    </WizardContext.Provider>
  );
}
