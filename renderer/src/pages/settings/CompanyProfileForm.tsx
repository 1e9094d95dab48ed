/** The company profile form: validated by the same zod schema as the service. */
import { Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { companyProfileSchema, type CompanyProfile, type CompanyProfileInput } from '../../../../shared/api/settings';
import { useApiMutation } from '../../api/hooks';
import { applyServerError } from '../../components/serverErrors';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { useUnsavedGuard } from '../../components/unsavedGuard';
import { dateTimeOf } from '../../components/dateText';

const FIELDS = ['companyName', 'shortName', 'address', 'phone', 'taxId', 'bankName', 'bankAccount'] as const;

const toValues = (p: CompanyProfile): Required<CompanyProfileInput> =>
  Object.fromEntries(FIELDS.map((f) => [f, p[f]])) as Required<CompanyProfileInput>;

export function CompanyProfileForm({ profile, onValuesChange }: { profile: CompanyProfile; onValuesChange?(values: Required<CompanyProfileInput>): void }) {
  const t = useT();
  const save = useApiMutation('settings.updateCompany');
  const form = useForm({
    initialValues: toValues(profile),
    validate: schemaResolver(companyProfileSchema, { sync: true }),
    validateInputOnBlur: true,
  });
  // The letterhead preview follows the fields as typed.
  useEffect(() => onValuesChange?.(form.getValues()), [form.values, onValuesChange]);

  // A save elsewhere (another window, the CLI) refreshes the form unless the clerk is mid-edit.
  useEffect(() => {
    if (!form.isDirty()) form.setValues(toValues(profile));
  }, [profile]);

  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      notifySuccess(t('common.saved'));
    } catch (e) {
      if (!applyServerError(e, form.setFieldError)) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: () => form.reset() });

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="company-form">
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput label={t('settings.companyName')} withAsterisk data-autofocus autoFocus {...form.getInputProps('companyName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('settings.shortName')} description={t('settings.shortNameHint')} {...form.getInputProps('shortName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput label={t('settings.address')} {...form.getInputProps('address')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('settings.phone')} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('settings.taxId')}
              description={t('settings.taxIdHint')}
              maxLength={24}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              {...form.getInputProps('taxId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }} />
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('settings.bankName')} {...form.getInputProps('bankName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('settings.bankAccount')} {...form.getInputProps('bankAccount')} />
          </Grid.Col>
        </Grid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {form.isDirty()
              ? t('common.unsavedHint')
              : profile.updatedAt
                ? t('common.lastSaved', { at: dateTimeOf(profile.updatedAt) })
                : t('common.neverSaved')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              {t('common.reset')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
