/**
 * The payment schedule (付款计划) of the contract form: name (预付款, 到货款 …),
 * due date and amount per installment, the share of the contract beside
 * each, and a live check that the schedule adds up to the contract amount
 * (the service refuses it otherwise), with the difference shown and a way to
 * fix it: book the difference on the last installment, or spread the amount
 * by percentages (SplitDialog).
 */
import { ActionIcon, Autocomplete, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCheck, IconPercentage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { fenToDecimalString, formatFen } from '../../../../shared/money/format';
import { DateField } from '../../components/DateField';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { emptyInstallment, type ContractFormValues } from './contractFormModel';
import { contractAmountOf, installmentAmountOf, installmentsTotalOf, percentOf } from './contractMath';
import { useContractLabels } from './labels';
import { SplitDialog } from './SplitDialog';

const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '28px 180px 170px 150px 72px 32px',
  columnGap: 8,
  alignItems: 'start',
};
const CELL: CSSProperties = { minHeight: 36, display: 'flex', alignItems: 'center' };
const NUMERIC = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };

export function InstallmentsEditor({ form, disabled }: { form: UseFormReturnType<ContractFormValues>; disabled: boolean }) {
  const t = useT();
  const labels = useContractLabels();
  const [splitOpen, setSplitOpen] = useState(false);
  const values = form.getValues();
  const rows = values.installments;
  const contractFen = contractAmountOf(values);
  const totalFen = installmentsTotalOf(values);
  const diffFen = contractFen !== null && totalFen !== null ? totalFen - contractFen : null;
  const cell = (n: number, field: string) => t('contracts.installment.cellLabel', { n, field });

  const bookDifferenceOnLast = () => {
    if (diffFen === null || rows.length === 0) return;
    const last = rows.length - 1;
    const lastFen = installmentAmountOf(rows[last].amount);
    if (lastFen === null || lastFen - diffFen <= 0) return;
    form.setFieldValue(`installments.${last}.amount`, fenToDecimalString(lastFen - diffFen));
    form.clearFieldError('installments');
  };

  return (
    <div data-testid="installments-editor">
      {rows.length > 0 && (
        <div style={{ ...GRID, paddingBottom: 4 }}>
          <Text size="xs" c="dimmed" fw={600}>
            #
          </Text>
          <Text size="xs" c="dimmed" fw={600}>
            {t('contracts.installment.label')}
          </Text>
          <Text size="xs" c="dimmed" fw={600}>
            {t('contracts.installment.dueOn')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} ta="right">
            {t('contracts.installment.amount')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} ta="right">
            {t('contracts.installment.share')}
          </Text>
        </div>
      )}
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <div key={row.key} style={{ ...GRID, paddingBottom: 6 }} data-testid={`installment-${n}`}>
            <Text size="sm" c="dimmed" style={CELL}>
              {n}
            </Text>
            <Autocomplete
              aria-label={cell(n, t('contracts.installment.label'))}
              data={labels.installmentPresets}
              maxLength={30}
              disabled={disabled}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps(`installments.${i}.label`)}
            />
            <DateField aria-label={cell(n, t('contracts.installment.dueOn'))} disabled={disabled} {...form.getInputProps(`installments.${i}.dueOn`)} />
            <TextInput
              aria-label={cell(n, t('contracts.installment.amount'))}
              inputMode="decimal"
              autoComplete="off"
              styles={NUMERIC}
              disabled={disabled}
              {...form.getInputProps(`installments.${i}.amount`)}
            />
            <Text size="sm" c="dimmed" style={{ ...CELL, justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' }}>
              {percentOf(installmentAmountOf(row.amount), contractFen)}
            </Text>
            <div style={CELL}>
              {!disabled && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  tabIndex={-1}
                  aria-label={t('contracts.installment.removeN', { n })}
                  onClick={() => form.removeListItem('installments', i)}
                >
                  <IconTrash size={15} />
                </ActionIcon>
              )}
            </div>
          </div>
        );
      })}

      {rows.length > 0 && (
        <Group gap="md" mt={2} mb={6} data-testid="installments-check">
          <Text size="sm" c="dimmed">
            {t('contracts.installment.total')}
          </Text>
          {totalFen === null ? <Text size="sm" c="dimmed">—</Text> : <Money fen={totalFen} strong />}
          <Text size="sm" c="dimmed">
            {t('contracts.installment.ofContract', { amount: contractFen === null ? '—' : formatFen(contractFen) })}
          </Text>
          {diffFen === 0 ? (
            <Group gap={4} c="teal.7">
              <IconCheck size={15} />
              <Text size="sm" c="teal.7">
                {t('contracts.installment.matches')}
              </Text>
            </Group>
          ) : diffFen !== null ? (
            <Group gap="xs">
              <Text size="sm" c="red.7" fw={500} data-testid="installments-diff">
                {t(diffFen > 0 ? 'contracts.installment.over' : 'contracts.installment.under', { amount: formatFen(Math.abs(diffFen)) })}
              </Text>
              {!disabled && (
                <Button size="compact-xs" variant="light" color="red" onClick={bookDifferenceOnLast}>
                  {t('contracts.installment.bookOnLast')}
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
      )}
      {form.errors.installments && (
        <Text size="xs" c="red" pb={6}>
          {form.errors.installments}
        </Text>
      )}

      {!disabled && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('installments', emptyInstallment(labels.installmentPresets[rows.length] ?? ''))}
            data-testid="installment-add"
          >
            {t('contracts.installment.add')}
          </Button>
          <Tooltip label={t('contracts.installment.splitNeedsAmount')} disabled={Boolean(contractFen)} withArrow>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPercentage size={14} />}
              disabled={!contractFen}
              onClick={() => setSplitOpen(true)}
              data-testid="installment-split"
            >
              {t('contracts.installment.split')}
            </Button>
          </Tooltip>
          {rows.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('contracts.installment.emptyHint')}
            </Text>
          )}
        </Group>
      )}

      {splitOpen && contractFen !== null && contractFen > 0 && (
        <SplitDialog
          amountFen={contractFen}
          current={rows}
          onClose={() => setSplitOpen(false)}
          onApply={(next) => {
            form.setFieldValue('installments', next);
            form.clearFieldError('installments');
            setSplitOpen(false);
          }}
        />
      )}
    </div>
  );
}
