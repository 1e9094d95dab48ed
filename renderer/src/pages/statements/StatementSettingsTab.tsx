/**
 * 设置 → 对账单: page orientation, the confirmation line with its number of
 * days (previewed as printed), an optional installed font (and which font is
 * in use now), and the statement_unconfirmed alert threshold.
 */
import { Alert, Button, Group, List, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StatementSettingsView } from '../../../../shared/api/statements';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

interface FormValues {
  orientation: 'portrait' | 'landscape';
  confirmationDays: number;
  confirmationText: string;
  fontPath: string;
  unconfirmedAlertDays: number;
}

const toValues = (s: StatementSettingsView): FormValues => ({
  orientation: s.orientation,
  confirmationDays: s.confirmationDays,
  confirmationText: s.confirmationText,
  fontPath: s.fontPath ?? '',
  unconfirmedAlertDays: s.unconfirmedAlertDays,
});

export function StatementSettingsTab() {
  const t = useT();
  const settings = useApiQuery('statements.settings', {});
  const save = useApiMutation('statements.updateSettings');
  const [values, setValues] = useState<FormValues | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (settings.data && values === null) setValues(toValues(settings.data));
  }, [settings.data, values]);

  if (!settings.data || !values) return null;
  const s = settings.data;
  const set = (patch: Partial<FormValues>) => setValues({ ...values, ...patch });
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const preview = values.confirmationText.replace(/\{days\}/g, String(values.confirmationDays));

  const submit = async () => {
    setError(null);
    try {
      const next = await save.mutateAsync({ ...values, fontPath: values.fontPath.trim() });
      setValues(toValues(next));
      notifySuccess(t('statements.settings.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', field: null, message: String(e) }));
    }
  };

  const fontName = s.font ? (s.font.source === 'bundled' ? t('statements.settings.fontBundled') : s.font.path) : '—';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="statement-settings"
    >
      <Stack gap="md" maw={720}>
        <Text size="sm" c="dimmed">
          {t('statements.settings.intro')}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('statements.settings.orientation')}
          </Text>
          <SegmentedControl
            w="fit-content"
            value={values.orientation}
            onChange={(v) => set({ orientation: v === 'landscape' ? 'landscape' : 'portrait' })}
            data={[
              { value: 'portrait', label: t('statements.settings.portrait') },
              { value: 'landscape', label: t('statements.settings.landscape') },
            ]}
          />
        </Stack>
        <NumberInput
          w={200}
          label={t('statements.settings.confirmationDays')}
          min={1}
          max={365}
          value={values.confirmationDays}
          onChange={(v) => set({ confirmationDays: typeof v === 'number' ? v : Number(v) || 0 })}
          error={fieldError('confirmationDays')}
        />
        <Textarea
          label={t('statements.settings.confirmationText')}
          description={t('statements.settings.confirmationTextHint')}
          autosize
          minRows={2}
          value={values.confirmationText}
          onChange={(e) => set({ confirmationText: e.currentTarget.value })}
          error={fieldError('confirmationText')}
        />
        <Text size="sm" c="dimmed" data-testid="statement-confirmation-preview">
          {t('statements.settings.preview', { text: preview })}
        </Text>
        <TextInput
          label={t('statements.settings.fontPath')}
          description={t('statements.settings.fontPathHint')}
          placeholder="C:\Windows\Fonts\simhei.ttf"
          value={values.fontPath}
          onChange={(e) => set({ fontPath: e.currentTarget.value })}
          error={fieldError('fontPath')}
        />
        <Text size="sm" data-testid="statement-font-in-use">
          {t('statements.settings.fontInUse', { font: fontName })}
        </Text>
        {s.font?.warning && (
          <Alert color="orange" variant="light" py={6}>
            {s.font.warning}
          </Alert>
        )}
        {s.fontError && (
          <Alert color="red" variant="light" py={6}>
            {s.fontError}
          </Alert>
        )}
        {s.fontCandidates.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('statements.settings.fontCandidates')}
            </Text>
            <List size="sm" spacing={2}>
              {s.fontCandidates.map((c) => (
                <List.Item key={c.path}>
                  <Button size="compact-xs" variant="subtle" onClick={() => set({ fontPath: c.path })}>
                    {c.label}
                  </Button>
                  <Text span size="xs" c="dimmed">
                    {c.path}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <NumberInput
          w={440}
          styles={{ input: { width: 200 } }}
          label={t('statements.settings.unconfirmedDays')}
          description={t('statements.settings.unconfirmedDaysHint')}
          min={1}
          max={365}
          value={values.unconfirmedAlertDays}
          onChange={(v) => set({ unconfirmedAlertDays: typeof v === 'number' ? v : Number(v) || 0 })}
          error={fieldError('unconfirmedAlertDays')}
        />
        {error && !['confirmationDays', 'confirmationText', 'fontPath', 'unconfirmedAlertDays'].includes(error.field ?? '') && (
          <Text c="red" size="sm">
            {error.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="statement-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
