/** Where the desktop app looks for updates (a LAN web server); empty = never. */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { updateFeedSchema } from '../../../../shared/api/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

export function UpdateFeedTab() {
  const t = useT();
  const current = useApiQuery('settings.getUpdateFeed', {});
  const save = useApiMutation('settings.updateUpdateFeed');
  const form = useForm({ initialValues: { feedUrl: '' }, validate: schemaResolver(updateFeedSchema, { sync: true }) });
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
        <Text size="sm" c="dimmed">
          {t('settings.updatesIntro')}
        </Text>
        <TextInput label={t('settings.updatesUrl')} placeholder="https://192.168.1.10/dealerdesk/" {...form.getInputProps('feedUrl')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
