/**
 * Adding or editing a target with its rebate policy. Keyboard-first (Enter
 * moves on, Ctrl+S saves, Esc cancels); amounts and percentages as typed;
 * the tier list as text in the import's own syntax, with the parsed tiers
 * shown under it. The service validates and names the field on error.
 */
import { Button, Checkbox, Grid, Group, Modal, NativeSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { RebateTargetDto } from '../../../../shared/api/rebates';
import { fenToDecimalString } from '../../../../shared/money/format';
import { formatPpmPercent, parseTierText, tierPayoutText } from '../../../../shared/rebates/policyText';
import { periodsOf } from '../../../../shared/rebates/periods';
import { useApiMutation } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { DateField } from '../../components/DateField';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

interface Values {
  /** '' = the whole contract (a NativeSelect value is text). */
  contractLineId: string;
  periodKind: 'month' | 'quarter' | 'year' | 'custom';
  periodFrom: string;
  periodTo: string;
  basis: 'sales' | 'collections';
  onTimeOnly: boolean;
  target: string;
  mode: 'whole' | 'banded';
  tiers: string;
  cap: string;
  onTimeRate: string;
  notes: string;
}

export interface TargetFormModalProps {
  opened: boolean;
  contract: { id: string; startsOn: string | null; endsOn: string | null; lines: readonly { id: string; seq: number; description: string }[] };
  target: RebateTargetDto | null;
  onClose(): void;
}

function initial(contract: TargetFormModalProps['contract'], target: RebateTargetDto | null): Values {
  if (target) {
    return {
      contractLineId: target.contractLineId ?? '',
      periodKind: target.periodKind,
      periodFrom: target.periodFrom,
      periodTo: target.periodTo,
      basis: target.basis,
      onTimeOnly: target.onTimeOnly,
      target: fenToDecimalString(target.targetFen),
      mode: target.mode,
      tiers: target.tiersText,
      cap: target.capFen === null ? '' : fenToDecimalString(target.capFen),
      onTimeRate: target.onTimeRatePpm === null ? '' : formatPpmPercent(target.onTimeRatePpm),
      notes: target.notes,
    };
  }
  const from = contract.startsOn ?? '';
  const to = from && contract.endsOn ? (periodsOf('year', from, contract.endsOn)[0]?.to ?? '') : (contract.endsOn ?? '');
  return { contractLineId: '', periodKind: 'year', periodFrom: from, periodTo: to, basis: 'sales', onTimeOnly: false, target: '', mode: 'whole', tiers: '', cap: '', onTimeRate: '', notes: '' };
}

export function TargetFormModal({ opened, contract, target, onClose }: TargetFormModalProps) {
  const t = useT();
  const save = useApiMutation('rebates.saveTarget');
  const form = useForm<Values>({ initialValues: initial(contract, target) });

  useEffect(() => {
    if (!opened) return;
    const v = initial(contract, target);
    form.setInitialValues(v);
    form.setValues(v);
    form.clearErrors();
  }, [opened, target]);

  const setKind = (kind: Values['periodKind']) => {
    form.setFieldValue('periodKind', kind);
    const from = form.values.periodFrom;
    if (kind !== 'custom' && from) {
      const first = periodsOf(kind, from, contract.endsOn ?? '9999-12-31')[0];
      if (first) form.setFieldValue('periodTo', first.to);
    }
  };

  const submit = form.onSubmit(async (v) => {
    try {
      await save.mutateAsync({
        id: target?.id ?? null,
        contractId: contract.id,
        ...v,
        contractLineId: v.contractLineId || null,
        onTimeOnly: v.basis === 'collections' && v.onTimeOnly,
      });
      notifySuccess(t('rebates.form.saved'));
      onClose();
    } catch (e) {
      if (!applyServerError(e, (f, m) => form.setFieldError(f, m))) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: onClose });
  const parsed = form.values.tiers.trim() ? parseTierText(form.values.tiers) : null;

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={target ? t('rebates.form.editTitle') : t('rebates.form.newTitle')} data-testid="target-modal">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Grid gap="sm">
          <Grid.Col span={3}>
            <NativeSelect
              label={t('rebates.form.periodKind')}
              value={form.values.periodKind}
              onChange={(e) => setKind(e.currentTarget.value as Values['periodKind'])}
              data={(['year', 'quarter', 'month', 'custom'] as const).map((k) => ({ value: k, label: t(`rebates.periodKind.${k}`) }))}
              data-testid="target-period-kind"
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <DateField label={t('rebates.form.periodFrom')} withAsterisk {...form.getInputProps('periodFrom')} data-testid="target-from" />
          </Grid.Col>
          <Grid.Col span={3}>
            <DateField label={t('rebates.form.periodTo')} withAsterisk {...form.getInputProps('periodTo')} data-testid="target-to" />
          </Grid.Col>
          <Grid.Col span={3}>
            <NativeSelect
              label={t('rebates.form.basis')}
              {...form.getInputProps('basis')}
              data={(['sales', 'collections'] as const).map((k) => ({ value: k, label: t(`rebates.basis.${k}`) }))}
            />
          </Grid.Col>
          {contract.lines.length > 1 && (
            <Grid.Col span={12}>
              <NativeSelect
                label={t('rebates.form.line')}
                description={form.values.contractLineId ? t('rebates.form.lineHint') : undefined}
                {...form.getInputProps('contractLineId')}
                data={[
                  { value: '', label: t('rebates.form.wholeContract') },
                  ...contract.lines.map((l) => ({ value: l.id, label: t('rebates.line', { seq: l.seq, description: l.description }) })),
                ]}
                data-testid="target-line"
              />
            </Grid.Col>
          )}
          <Grid.Col span={4}>
            <AmountInput label={t('rebates.form.target')} withAsterisk data-autofocus {...form.getInputProps('target')} data-testid="target-amount" />
          </Grid.Col>
          <Grid.Col span={4}>
            <NativeSelect
              label={t('rebates.form.mode')}
              {...form.getInputProps('mode')}
              data={(['whole', 'banded'] as const).map((k) => ({ value: k, label: t(`rebates.mode.${k}`) }))}
              data-testid="target-mode"
            />
          </Grid.Col>
          <Grid.Col span={4}>
            {form.values.basis === 'collections' && (
              <Checkbox mt={30} label={t('rebates.form.onTimeOnly')} {...form.getInputProps('onTimeOnly', { type: 'checkbox' })} />
            )}
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('rebates.form.tiers')}
              withAsterisk
              placeholder="80%:1%;100%:2%;120%:3%"
              description={
                parsed?.ok
                  ? parsed.value.map((x) => `≥${formatPpmPercent(x.attainmentPpm)} → ${tierPayoutText(x)}`).join('　')
                  : t('rebates.form.tiersHint')
              }
              {...form.getInputProps('tiers')}
              data-testid="target-tiers"
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <AmountInput label={t('rebates.form.cap')} {...form.getInputProps('cap')} data-testid="target-cap" />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('rebates.form.onTimeRate')} description={t('rebates.form.onTimeRateHint')} {...form.getInputProps('onTimeRate')} data-testid="target-ontime" />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('rebates.form.notes')} {...form.getInputProps('notes')} data-testid="target-notes" />
          </Grid.Col>
          <Grid.Col span={12}>
            <Text size="xs" c="dimmed">
              {t('rebates.form.help')}
            </Text>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="target-save">
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
