/**
 * 设置 → 预警规则: each rule's switch and thresholds (defaults of DESIGN §4).
 * The form validates with the service's own schema, so 0, -5 or 2.5 is
 * refused under the field with the service's message and nothing is saved.
 */
import { Button, Divider, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { Fragment, useEffect } from 'react';
import { ALERT_KINDS, alertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertKind, type AlertSettings } from '../../../../shared/api/alerts';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

/** Each rule's hint and threshold fields (field name within the rule, label key). */
const RULES: Record<AlertKind, { hint: MessageKey; fields: [string, MessageKey][] }> = {
  overdue: {
    hint: 'alerts.rules.overdueHint',
    fields: [
      ['warningAfterDays', 'alerts.rules.warningAfterDays'],
      ['criticalAfterDays', 'alerts.rules.criticalAfterDays'],
    ],
  },
  credit_limit: {
    hint: 'alerts.rules.creditHint',
    fields: [
      ['warningPercent', 'alerts.rules.warningPercent'],
      ['criticalPercent', 'alerts.rules.criticalPercent'],
    ],
  },
  installment_due: { hint: 'alerts.rules.installmentHint', fields: [['withinDays', 'alerts.rules.withinDays']] },
  contract_expiring: { hint: 'alerts.rules.contractHint', fields: [['withinDays', 'alerts.rules.withinDays']] },
  contract_ended_with_balance: { hint: 'alerts.rules.endedHint', fields: [] },
  follow_up_due: { hint: 'alerts.rules.followUpHint', fields: [] },
  promise_broken: { hint: 'alerts.rules.promiseHint', fields: [] },
  churn: { hint: 'alerts.rules.churnHint', fields: [['days', 'alerts.rules.churnDays']] },
  statement_unconfirmed: { hint: 'alerts.rules.statementHint', fields: [['days', 'alerts.rules.statementDays']] },
  case_overdue: { hint: 'alerts.rules.caseOverdueHint', fields: [['criticalAfterDays', 'alerts.rules.criticalAfterDays']] },
  rebate_near_tier: {
    hint: 'alerts.rules.rebateNearHint',
    fields: [
      ['withinDays', 'alerts.rules.rebateNearDays'],
      ['gapPercent', 'alerts.rules.rebateNearPercent'],
    ],
  },
  rebate_unsettled: { hint: 'alerts.rules.rebateUnsettledHint', fields: [] },
  sync_conflict: { hint: 'alerts.rules.syncConflictHint', fields: [] },
};

export function AlertRulesTab() {
  const t = useT();
  const current = useApiQuery('alerts.settings', {});
  const save = useApiMutation('alerts.updateSettings');
  const form = useForm<AlertSettings>({ initialValues: DEFAULT_ALERT_SETTINGS, validate: schemaResolver(alertSettingsSchema, { sync: true }) });

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
      form.setValues(saved);
      notifySuccess(t('alerts.rules.saved'));
    } catch (e) {
      if (!applyServerError(e, form.setFieldError)) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: () => form.reset() });

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="alert-rules-form">
      <Stack gap="sm" maw={760}>
        <Text size="sm" c="dimmed">
          {t('alerts.rules.intro')}
        </Text>
        {ALERT_KINDS.map((kind, i) => (
          <Fragment key={kind}>
            {i > 0 && <Divider />}
            <Group align="flex-start" justify="space-between" wrap="nowrap" gap="md">
              <Stack gap={2} style={{ flex: 1 }}>
                <Switch
                  label={<Text fw={600} size="sm">{t(`alerts.rules.${kind}`)}</Text>}
                  {...form.getInputProps(`${kind}.enabled`, { type: 'checkbox' })}
                  data-testid={`rule-${kind}-enabled`}
                />
                <Text size="xs" c="dimmed" pl={46}>
                  {t(RULES[kind].hint)}
                </Text>
              </Stack>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {RULES[kind].fields.map(([field, label]) => (
                  <NumberInput
                    key={field}
                    w={150}
                    size="sm"
                    label={t(label)}
                    allowDecimal={false}
                    hideControls
                    disabled={!form.getValues()[kind].enabled}
                    {...form.getInputProps(`${kind}.${field}`)}
                    data-testid={`rule-${kind}-${field}`}
                  />
                ))}
              </Group>
            </Group>
          </Fragment>
        ))}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} data-testid="alert-rules-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
