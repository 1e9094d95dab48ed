/** Retention (14 daily / 12 monthly by default) and the optional second folder. */
import { Button, Group, NumberInput, Stack, Title } from '@mantine/core';
import { backupSettingsSchema, DEFAULT_BACKUP_SETTINGS } from '../../../../shared/api/backup';
import { FolderInput } from '../../components/FolderInput';
import { useSettingsForm } from '../../components/useSettingsForm';
import { useT } from '../../i18n/I18nProvider';

export function BackupSettingsForm() {
  const t = useT();
  const { form, submit, onKeyDown, saving } = useSettingsForm({ read: 'backup.settings', save: 'backup.updateSettings', initialValues: DEFAULT_BACKUP_SETTINGS, schema: backupSettingsSchema });
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="sm" maw={640}>
        <Title order={5}>{t('backup.settingsTitle')}</Title>
        <Group grow>
          <NumberInput label={t('backup.keepDaily')} min={1} max={365} allowDecimal={false} {...form.getInputProps('keepDaily')} />
          <NumberInput label={t('backup.keepMonthly')} min={0} max={120} allowDecimal={false} {...form.getInputProps('keepMonthly')} />
        </Group>
        <FolderInput
          dialog="backup.chooseFolder"
          label={t('backup.secondCopyDir')}
          description={t('backup.secondCopyHint')}
          placeholder={String.raw`\\server\share\dealerdesk`}
          value={form.values.secondCopyDir}
          onChange={(v) => form.setFieldValue('secondCopyDir', v)}
          error={form.errors.secondCopyDir}
          testId="backup-second-dir"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
