/**
 * 生成对账单 from a customer's ledger: asks for the period first (last month
 * unless the ledger shows a period), since a statement number is issued the
 * moment one is generated. Keyboard: the first date is focused, Enter moves
 * on and generates from the last field, Ctrl+S generates, Esc cancels.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { localDateOf } from '../../../../shared/dates/clock';
import { lastMonthPeriod } from '../../../../shared/statements/period';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/notify';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { PeriodHint, PeriodPresets } from './PeriodPresets';

export interface GenerateStatementDialogProps {
  customerId: string;
  opened: boolean;
  /** The period the clerk is looking at; empty ends = none chosen (then last month). */
  suggested: { from: string; to: string };
  onClose(): void;
  onGenerated(statementId: string): void;
}

export function GenerateStatementDialog({ customerId, opened, suggested, onClose, onGenerated }: GenerateStatementDialogProps) {
  const t = useT();
  const today = localDateOf(new Date());
  const initial = suggested.from === '' && suggested.to === '' ? lastMonthPeriod(today) : suggested;
  const [period, setPeriod] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const generate = useApiMutation('statements.generate');
  // Opening the dialog again starts from the period on screen, not from the last attempt (only on opening).
  useEffect(() => {
    if (opened) {
      setPeriod(initial);
      setError(null);
    }
  }, [opened]);

  const run = async () => {
    if (generate.isPending) return;
    setError(null);
    try {
      const g = await generate.mutateAsync({ customerId, from: period.from || null, to: period.to || null });
      notifySuccess(t('statements.generate.done', { no: g.statement.statementNo, pages: g.statement.pages }));
      onClose();
      onGenerated(g.statement.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', field: null, message: String(e) }));
    }
  };
  const onKeyDown = useFormKeys({ onSave: () => void run(), onCancel: onClose });
  return (
    <Modal opened={opened} onClose={onClose} title={t('statements.generate.title')} centered closeOnEscape={false} data-testid="generate-statement-dialog">
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <Stack gap="sm">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <DateField
              label={t('statements.field.from')}
              value={period.from}
              onChange={(from) => setPeriod({ ...period, from })}
              error={error?.field === 'from' ? error.message : undefined}
              data-autofocus
              data-testid="generate-from"
            />
            <DateField
              label={t('statements.field.to')}
              value={period.to}
              onChange={(to) => setPeriod({ ...period, to })}
              error={error?.field === 'to' ? error.message : undefined}
              data-testid="generate-to"
            />
          </Group>
          <PeriodPresets today={today} period={period} onPick={setPeriod} />
          <PeriodHint />
          {error && error.field !== 'from' && error.field !== 'to' && (
            <Text size="sm" c="red" data-testid="generate-error">
              {error.message}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={generate.isPending} data-testid="generate-confirm">
              {t('statements.generate.button')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
