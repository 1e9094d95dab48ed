/**
 * The three status changes after printing, each a short focused dialog:
 * 标记已发出 (date), 标记已确认 (the date on the customer's signature) and
 * 标记有异议 (the customer's figure and why; the difference is shown as it is
 * typed). Server refusals appear under the field they concern.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StatementRecord } from '../../../../shared/api/statements';
import { localDateOf } from '../../../../shared/dates/clock';
import { formatFen } from '../../../../shared/money/format';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { parseAmountText } from '../../components/amountText';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export type StatusDialogKind = 'sent' | 'confirmed' | 'disputed';

export interface StatusDialogProps {
  kind: StatusDialogKind | null;
  statement: StatementRecord | null;
  onClose(): void;
}

const fieldError = (e: unknown, field: string): string | null =>
  e instanceof ApiError && (e.field === field || e.field === null || e.field === 'id') ? e.message : null;

export function StatusDialog({ kind, statement, onClose }: StatusDialogProps) {
  const t = useT();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [figure, setFigure] = useState('');
  const [error, setError] = useState<unknown>(null);
  const markSent = useApiMutation('statements.markSent');
  const markConfirmed = useApiMutation('statements.markConfirmed');
  const markDisputed = useApiMutation('statements.markDisputed');
  const opened = kind !== null && statement !== null;

  useEffect(() => {
    if (!opened) return;
    setDate(localDateOf(new Date()));
    setNote(statement?.disputeNote ?? '');
    setFigure('');
    setError(null);
  }, [opened, statement?.disputeNote]);

  if (!statement || !kind) return null;
  const amount = formatFen(statement.closingFen);
  const parsedFigure = parseAmountText(figure, { allowNegative: true, allowZero: true, label: t('statements.dispute.figure') });
  const figureFen = parsedFigure.ok ? parsedFigure.value : null;

  const submit = async () => {
    setError(null);
    try {
      if (kind === 'sent') {
        await markSent.mutateAsync({ id: statement.id, date: date || null });
        notifySuccess(t('statements.actions.sent'));
      } else if (kind === 'confirmed') {
        await markConfirmed.mutateAsync({ id: statement.id, date });
        notifySuccess(t('statements.actions.confirmed'));
      } else {
        if (figureFen === null) {
          setError(new ApiError({ code: 'validation', field: 'customerFigureFen', message: parsedFigure.ok ? t('common.required') : parsedFigure.message }));
          return;
        }
        await markDisputed.mutateAsync({ id: statement.id, note, customerFigureFen: figureFen });
        notifySuccess(t('statements.actions.disputed'));
      }
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  const busy = markSent.isPending || markConfirmed.isPending || markDisputed.isPending;
  const title = t(kind === 'sent' ? 'statements.sent.title' : kind === 'confirmed' ? 'statements.confirm.title' : 'statements.dispute.title');
  const generalError = error instanceof ApiError && !['date', 'note', 'customerFigureFen'].includes(error.field ?? '') ? error.message : null;

  return (
    <Modal opened={opened} onClose={onClose} title={`${title} · ${statement.statementNo}`} centered size="md" data-testid={`statement-${kind}-dialog`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Alert variant="light" color={kind === 'disputed' ? 'orange' : 'indigo'}>
            {kind === 'sent' && t('statements.sent.body', { no: statement.statementNo })}
            {kind === 'confirmed' && t('statements.confirm.body', { no: statement.statementNo, amount, to: statement.periodTo })}
            {kind === 'disputed' && t('statements.dispute.body', { no: statement.statementNo, amount })}
          </Alert>
          {kind !== 'disputed' && (
            <DateField
              label={t(kind === 'sent' ? 'statements.sent.date' : 'statements.confirm.date')}
              value={date}
              onChange={setDate}
              clearable={false}
              data-autofocus
              error={error ? fieldError(error, 'date') : null}
              data-testid="statement-action-date"
            />
          )}
          {kind === 'disputed' && (
            <>
              <AmountInput
                label={t('statements.dispute.figure')}
                description={t('statements.dispute.figureHint')}
                value={figure}
                onChange={setFigure}
                amount={{ allowNegative: true, allowZero: true, label: t('statements.dispute.figure') }}
                error={error instanceof ApiError && error.field === 'customerFigureFen' ? error.message : null}
                data-autofocus
                data-testid="statement-dispute-figure"
              />
              {figureFen !== null && (
                <Text size="sm" c={statement.closingFen - figureFen === 0 ? 'dimmed' : 'orange.8'}>
                  {t('statements.dispute.difference', { amount: formatFen(statement.closingFen - figureFen) })}
                </Text>
              )}
              <Textarea
                label={t('statements.dispute.note')}
                placeholder={t('statements.dispute.notePlaceholder')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                error={error instanceof ApiError && error.field === 'note' ? error.message : null}
                data-testid="statement-dispute-note"
              />
            </>
          )}
          {generalError && (
            <Text c="red" size="sm">
              {generalError}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={kind === 'disputed' ? 'orange' : 'indigo'} data-testid="statement-action-submit">
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
