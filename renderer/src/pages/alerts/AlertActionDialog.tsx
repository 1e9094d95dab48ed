/**
 * Snooze (until a date, optional note) or acknowledge (with a note) one
 * alert. The service decides what is acceptable (a date after today, a
 * note for an acknowledgement) and its message appears under the field; the
 * dialog keeps what was typed.
 */
import { Alert as Notice, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { addDays } from '../../../../shared/dates/calendar';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useT } from '../../i18n/I18nProvider';
import { useAlertText } from './alertText';
import { isSaveKey } from '../../components/useFormKeys';

/** 'resolve': a sync conflict's own dialog (pages/sync/SyncConflictDialog), not this one. */
export type AlertAction = 'snooze' | 'ack' | 'resolve';

export interface AlertActionDialogProps {
  alert: AlertView | null;
  action: AlertAction;
  /** The date the list was computed for (the server's today): the default snooze is a week later. */
  asOf: string;
  onClose(): void;
}

export function AlertActionDialog({ alert, action, asOf, onClose }: AlertActionDialogProps) {
  const t = useT();
  const text = useAlertText();
  const snooze = useApiMutation('alerts.snooze');
  const acknowledge = useApiMutation('alerts.acknowledge');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (alert) {
      setUntil(asOf ? addDays(asOf, 7) : '');
      setNote('');
      setErrors({});
      setFailure(null);
    }
  }, [alert, asOf]);

  const busy = snooze.isPending || acknowledge.isPending;
  const confirm = async () => {
    if (!alert) return;
    setErrors({});
    setFailure(null);
    try {
      if (action === 'snooze') {
        await snooze.mutateAsync({ key: alert.key, until, note });
        notifySuccess(t('alerts.snooze.done', { date: until }));
      } else {
        await acknowledge.mutateAsync({ key: alert.key, note });
        notifySuccess(t('alerts.ack.done'));
      }
      onClose();
    } catch (e) {
      const placed = applyServerError(e, (field, message) => setErrors((prev) => ({ ...prev, [field]: message })));
      if (!placed) setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  const prefix = action === 'snooze' ? 'alerts.snooze' : 'alerts.ack';
  return (
    <Modal opened={alert !== null} onClose={onClose} title={t(`${prefix}.title`)} centered size="md" data-testid="alert-action-dialog">
      {alert && (
        <Stack
          gap="sm"
          // Ctrl+S (or Ctrl+Enter) confirms from any field of the dialog, the date too.
          onKeyDown={(e) => {
            if (isSaveKey(e)) {
              e.preventDefault();
              void confirm();
            }
          }}
        >
          <Text size="sm" fw={600}>
            {alert.customerCode} {alert.customerName}
          </Text>
          <Text size="sm">{text.sentence(alert)}</Text>
          <Text size="xs" c="dimmed">
            {t(`${prefix}.body`)}
          </Text>
          {action === 'snooze' && (
            <DateField label={t('alerts.snooze.until')} withAsterisk clearable={false} value={until} onChange={setUntil} error={errors.until} data-testid="snooze-until" />
          )}
          <Textarea
            label={t(action === 'snooze' ? 'alerts.snooze.note' : 'alerts.ack.note')}
            placeholder={t(action === 'snooze' ? 'alerts.snooze.notePlaceholder' : 'alerts.ack.notePlaceholder')}
            withAsterisk={action === 'ack'}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="alert-note"
          />
          {failure && (
            <Notice color="red" variant="light">
              {failure}
            </Notice>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void confirm()} data-testid="alert-action-confirm">
              {t(`${prefix}.confirm`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
