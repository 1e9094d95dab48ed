/** Retention (14 daily / 12 monthly by default) and the optional second folder. */
import { Button, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { backupSettingsSchema, DEFAULT_BACKUP_SETTINGS } from '../../../../shared/api/backup';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

export function BackupSettingsForm() {
  const t = useT();
  const current = useApiQuery('backup.settings', {});
  const save = useApiMutation('backup.updateSettings');
  const form = useForm({ initialValues: DEFAULT_BACKUP_SETTINGS, validate: schemaResolver(backupSettingsSchema, { sync: true }) });
  useEffect(() => {
    if (current.data && !form.isDirty()) {
      form.setInitialValues(current.data);
      form.setValues(current.data);
    }
  }, [current.data]);
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      form.setInitialValues(saved);
      notifySuccess(t('common.saved'));
    } catch (e) {
      if (!applyServerError(e, form.setFieldError)) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: () => form.reset() });
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="sm" maw={640}>
        <Title order={5}>{t('backup.settingsTitle')}</Title>
        <Group grow>
          <NumberInput label={t('backup.keepDaily')} min={1} max={365} allowDecimal={false} {...form.getInputProps('keepDaily')} />
          <NumberInput label={t('backup.keepMonthly')} min={0} max={120} allowDecimal={false} {...form.getInputProps('keepMonthly')} />
        </Group>
        <TextInput label={t('backup.secondCopyDir')} description={t('backup.secondCopyHint')} placeholder={String.raw`\\server\share\dealerdesk`} {...form.getInputProps('secondCopyDir')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
