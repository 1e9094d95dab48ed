/**
 * The first-run boss wizard (issue 13): only offered while no user exists.
 * Step 1 the boss account, step 2 the recovery sheet, shown once. Separate
 * from the office-setup wizard (company profile, imports), which follows it.
 */
import { Alert, Button, Code, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { BossCreated } from '../../../../shared/api/auth';
import { ApiError, apiClient } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { useAuthCall } from './useAuth';

export function BossSetupWizard({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  const authCall = useAuthCall();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<BossCreated | null>(null);
  const set = (k: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [k]: e.currentTarget.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      // The status refetch would swap the app under us; the sheet must be seen first, so call the client directly.
      setCreated(await apiClient().call('auth.setupBoss', values));
    } catch (err) {
      setErrors({ [err instanceof ApiError && err.field ? err.field : 'form']: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const finish = async () => {
    await authCall('auth.status', {});
    onClose();
  };

  return (
    <Modal opened={opened} onClose={created ? () => void finish() : onClose} title={created ? t('auth.setup.sheetTitle') : t('auth.setup.title')} centered size="md" data-testid="boss-setup">
      {created ? (
        <Stack>
          <Text size="sm">{t('auth.setup.sheetBody')}</Text>
          <Code block fz="lg" ta="center" data-testid="recovery-code" style={{ letterSpacing: 2 }}>
            {created.user.username}
            {'\n'}
            {created.recoveryCode}
          </Code>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.print()}>
              {t('auth.setup.print')}
            </Button>
            <Button onClick={() => void finish()} data-testid="recovery-done">
              {t('auth.setup.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('auth.setup.intro')}
            </Text>
            <TextInput label={t('auth.setup.username')} value={values.username} onChange={set('username')} error={errors.username} data-autofocus name="username" />
            <TextInput label={t('auth.setup.displayName')} value={values.displayName} onChange={set('displayName')} error={errors.displayName} name="displayName" />
            <PasswordInput label={t('auth.setup.password')} value={values.password} onChange={set('password')} error={errors.password} name="password" />
            <PasswordInput label={t('auth.setup.confirmPassword')} value={values.confirmPassword} onChange={set('confirmPassword')} error={errors.confirmPassword} name="confirmPassword" />
            {errors.form && <Alert color="red">{errors.form}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="boss-setup-submit">
                {t('auth.setup.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
