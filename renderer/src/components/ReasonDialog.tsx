/**
 * Every destructive action (archive, undo an import, void, write-off) goes
 * through this: it says what will happen, asks for a reason (kept in the
 * audit history), and only then calls onConfirm. Nothing is deleted silently.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { isSaveKey } from './useFormKeys';

export interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** What will happen, in plain words ("客户将从列表中隐藏，可随时恢复"). */
  consequence: ReactNode;
  confirmLabel: string;
  /** Red for irreversible-looking actions; default red. */
  color?: string;
  /** Reason mandatory (default) or optional. */
  reasonRequired?: boolean;
  /** false: a plain confirmation that only says what will happen (no reason is recorded). */
  withReason?: boolean;
  loading?: boolean;
  /** An error from the server, shown in the dialog (e.g. batch already referenced). */
  error?: string | null;
  onConfirm(reason: string): void;
  onClose(): void;
}

export function ReasonDialog(props: ReasonDialogProps) {
  const { opened, title, consequence, confirmLabel, color = 'red', withReason = true, loading, error, onConfirm, onClose } = props;
  const reasonRequired = withReason && (props.reasonRequired ?? true);
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (opened) {
      setReason('');
      setMissing(false);
    }
  }, [opened]);

  const confirm = () => {
    if (reasonRequired && reason.trim() === '') {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="md" data-testid="reason-dialog">
      <Stack gap="sm">
        <Alert color={color === 'red' ? 'orange' : color} variant="light" icon={<IconAlertTriangle size={18} />}>
          {consequence}
        </Alert>
        {withReason && (
          <Textarea
            label={t('ui.reason.label')}
            placeholder={t('ui.reason.placeholder')}
            withAsterisk={reasonRequired}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            value={reason}
            error={missing ? t('ui.reason.required') : error}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            onKeyDown={(e) => {
              if (isSaveKey(e)) {
                e.preventDefault();
                confirm();
              }
            }}
          />
        )}
        {!withReason && error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={confirm} data-autofocus={withReason ? undefined : true}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
