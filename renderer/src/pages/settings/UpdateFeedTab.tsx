/** Where the desktop app looks for updates (a LAN web server); empty = never. */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { updateFeedSchema } from '../../../../shared/api/settings';
import { useSettingsForm } from '../../components/useSettingsForm';
import { useT } from '../../i18n/I18nProvider';

export function UpdateFeedTab() {
  const t = useT();
  const { form, submit, onKeyDown, saving } = useSettingsForm({ read: 'settings.getUpdateFeed', save: 'settings.updateUpdateFeed', initialValues: { feedUrl: '' }, schema: updateFeedSchema });
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="sm" maw={640}>
        <Text size="sm" c="dimmed">
          {t('settings.updatesIntro')}
        </Text>
        <TextInput label={t('settings.updatesUrl')} placeholder="https://192.168.1.10/dealerdesk/" {...form.getInputProps('feedUrl')} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
