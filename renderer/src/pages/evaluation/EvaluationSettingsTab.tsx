/**
 * 设置 → 客户评估: suggested-grade thresholds, the quadrant split, the score
 * references, the visit plans by layer and grade, and the default after-sales
 * response time. Validated by the service's schema (thresholds that overlap
 * or are out of order are refused under the field, nothing saved).
 */
import { Button, Divider, Group, NumberInput, Stack, Text } from '@mantine/core';
import { CUSTOMER_GRADES } from '../../../../shared/api/customerEnums';
import { CUSTOMER_LAYERS } from '../../../../shared/evaluation/enums';
import { DEFAULT_EVALUATION_SETTINGS, evaluationSettingsSchema, type EvaluationSettings } from '../../../../shared/evaluation/settings';
import { useSettingsForm } from '../../components/useSettingsForm';
import { useT } from '../../i18n/I18nProvider';

export function EvaluationSettingsTab() {
  const t = useT();
  const { form, submit, onKeyDown, saving } = useSettingsForm<'evaluation.settings', 'evaluation.saveSettings', EvaluationSettings>({ read: 'evaluation.settings', save: 'evaluation.saveSettings', initialValues: DEFAULT_EVALUATION_SETTINGS, schema: evaluationSettingsSchema, savedMessage: 'evaluation.settings.saved' });
  const num = (path: string, label: string, w = 120) => (
    <NumberInput key={path} w={w} size="sm" label={label} allowDecimal={false} hideControls {...form.getInputProps(path)} data-testid={`eval-${path}`} />
  );
  /** Empty = no plan (null). */
  const days = (path: string, label: string) => {
    const p = form.getInputProps(path);
    return (
      <NumberInput
        key={path}
        w={100}
        size="sm"
        label={label}
        allowDecimal={false}
        hideControls
        {...p}
        value={p.value ?? ''}
        onChange={(v) => form.setFieldValue(path, v === '' ? null : Number(v))}
        data-testid={`eval-${path}`}
      />
    );
  };
  const fen = form.getInputProps('fullSalesFen');
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="evaluation-settings-form">
      <Stack gap="sm" maw={820}>
        <Text fw={600} size="sm">
          {t('evaluation.settings.grades')}
        </Text>
        <Group gap="md" align="flex-start">
          {(['A', 'B', 'C'] as const).map((g) => (
            <Group key={g} gap={6} align="flex-start" wrap="nowrap">
              <Text fw={700} mt={28}>
                {g}
              </Text>
              {num(`grades.${g}.sales`, t('evaluation.settings.sales'), 110)}
              {num(`grades.${g}.credit`, t('evaluation.settings.credit'), 110)}
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('evaluation.help.suggested')}
        </Text>
        <Divider />
        <Text fw={600} size="sm">
          {t('evaluation.settings.quadrant')}
        </Text>
        <Group gap="md">
          {num('quadrant.salesSplit', t('evaluation.settings.salesSplit'), 140)}
          {num('quadrant.creditSplit', t('evaluation.settings.creditSplit'), 140)}
        </Group>
        <Divider />
        <Text fw={600} size="sm">
          {t('evaluation.settings.reference')}
        </Text>
        <Group gap="md" align="flex-start">
          <NumberInput
            w={180}
            size="sm"
            label={t('evaluation.settings.fullSales')}
            thousandSeparator=","
            decimalScale={2}
            hideControls
            error={fen.error}
            value={typeof fen.value === 'number' ? fen.value / 100 : ''}
            onChange={(v) => form.setFieldValue('fullSalesFen', v === '' ? 0 : Math.round(Number(v) * 100))}
            data-testid="eval-fullSales"
          />
          {num('fullOrders', t('evaluation.settings.fullOrders'), 140)}
        </Group>
        <Divider />
        <Text fw={600} size="sm">
          {t('evaluation.settings.visitPlan')}
        </Text>
        <Group gap="md" align="flex-start">
          <Text size="sm" mt={28} w={60}>
            {t('evaluation.settings.byLayer')}
          </Text>
          {CUSTOMER_LAYERS.map((l) => days(`visitPlan.layer.${l}`, t(`evaluation.layer.${l}`)))}
        </Group>
        <Group gap="md" align="flex-start">
          <Text size="sm" mt={28} w={60}>
            {t('evaluation.settings.byGrade')}
          </Text>
          {CUSTOMER_GRADES.map((g) => days(`visitPlan.grade.${g}`, g))}
        </Group>
        <Divider />
        {num('caseResponseDays', t('evaluation.settings.caseResponseDays'), 200)}
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!form.isDirty()} data-testid="evaluation-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
