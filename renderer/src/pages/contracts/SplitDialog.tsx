/**
 * 按比例分配: the clerk types the percentages off the contract (预付款 30%,
 * 到货款 70%) and gets amounts that add up to the contract amount exactly,
 * fen for fen — the service's contracts.splitInstallments does the
 * largest-remainder arithmetic, so the form and an import split alike.
 * Applying keeps each existing installment's id and due date in order;
 * rows removed here are removed from the schedule.
 */
import { ActionIcon, Alert, Autocomplete, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { emptyInstallment, newRowKey, type InstallmentValues } from './contractFormModel';
import { useContractLabels } from './labels';

interface SplitRow {
  key: string;
  label: string;
  percent: string;
}

export interface SplitDialogProps {
  amountFen: number;
  current: readonly InstallmentValues[];
  onApply(installments: InstallmentValues[]): void;
  onClose(): void;
}

const GRID: CSSProperties = { display: 'grid', gridTemplateColumns: '180px 110px 1fr 32px', columnGap: 8, alignItems: 'center' };

export function SplitDialog({ amountFen, current, onApply, onClose }: SplitDialogProps) {
  const t = useT();
  const labels = useContractLabels();
  const presets = labels.installmentPresets;
  const [rows, setRows] = useState<SplitRow[]>(() =>
    current.length
      ? current.map((c) => ({ key: newRowKey(), label: c.label, percent: '' }))
      : [presets[0], presets[1]].map((label) => ({ key: newRowKey(), label, percent: '' })),
  );
  const percents = rows.map((r) => r.percent.trim());
  const complete = percents.every((p) => p !== '');
  const [debounced] = useDebouncedValue(percents, 200);
  const split = useApiQuery(
    'contracts.splitInstallments',
    { amountFen, percents: debounced },
    { enabled: complete && debounced.length === rows.length && debounced.every((p) => p !== ''), retry: false },
  );
  const result = complete && !split.isError ? split.data : undefined;
  // Only a result for exactly what is typed now counts (the query lags the typing by the debounce).
  const ready = result !== undefined && result.amounts.length === rows.length && debounced.join() === percents.join();

  const set = (i: number, patch: Partial<SplitRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const apply = () => {
    if (!ready) return;
    onApply(
      rows.map((r, i) => ({
        ...(current[i] ?? emptyInstallment()),
        label: r.label,
        amount: result.amounts[i],
      })),
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('contracts.split.title')} centered size={560} data-testid="split-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('contracts.split.intro', { amount: formatFen(amountFen) })}
        </Text>
        <div style={GRID}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('contracts.installment.label')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} ta="right">
            {t('contracts.split.percent')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} ta="right">
            {t('contracts.installment.amount')}
          </Text>
          <span />
        </div>
        {rows.map((r, i) => (
          <div key={r.key} style={GRID}>
            <Autocomplete
              aria-label={t('contracts.installment.cellLabel', { n: i + 1, field: t('contracts.installment.label') })}
              data={presets}
              value={r.label}
              maxLength={30}
              onChange={(label) => set(i, { label })}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              aria-label={t('contracts.split.percentN', { n: i + 1 })}
              inputMode="decimal"
              autoComplete="off"
              data-autofocus={i === 0 ? true : undefined}
              rightSection={<Text size="sm" c="dimmed">%</Text>}
              styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
              value={r.percent}
              onChange={(e) => set(i, { percent: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing && ready) apply();
              }}
            />
            <Text size="sm" ta="right" data-testid={`split-amount-${i + 1}`}>
              {ready ? <Money fen={result.amountsFen[i]} /> : <Text span c="dimmed">—</Text>}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={rows.length === 1}
              aria-label={t('contracts.installment.removeN', { n: i + 1 })}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </div>
        ))}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRows([...rows, { key: newRowKey(), label: presets[rows.length] ?? '', percent: '' }])}
          >
            {t('contracts.installment.add')}
          </Button>
        </Group>
        {complete && split.isError && (
          <Alert color="orange" variant="light" py={8}>
            {split.error.message}
          </Alert>
        )}
        {current.length > rows.length && (
          <Text size="xs" c="orange.8">
            {t('contracts.split.removesRows', { count: current.length - rows.length })}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} onClick={apply} data-testid="split-apply">
            {t('contracts.split.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
