/**
 * Many statements at once in the register: a checkbox column, and a bar
 * that marks the selection 已发出 on one date (the month's post), all or
 * nothing (statements.markSentMany), or prints them as one merged PDF
 * (statements.printSelected). The selection is cleared after a mark
 * and whenever the filter changes, so it never holds rows no longer shown.
 */
import { Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { localDateOf } from '../../../../shared/dates/clock';
import type { StatementRecord } from '../../../../shared/api/statements';
import { useApiMutation } from '../../api/hooks';
import type { DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { downloadFile } from '../../components/downloadFile';
import { notifyError, notifySuccess } from '../../components/notify';
import { isSaveKey } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

export function useRegisterSelection(rows: readonly StatementRecord[], resetKey: string) {
  const t = useT();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelected(new Set()), [resetKey]);
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const column: DataColumn<StatementRecord> = {
    key: 'select',
    width: 36,
    header: (
      <Checkbox
        size="xs"
        aria-label={t('desk.register.selectAll')}
        checked={all}
        indeterminate={!all && selected.size > 0}
        onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
        data-testid="register-select-all"
      />
    ),
    cell: (s) => (
      // The row opens the statement on click; the checkbox must not.
      <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Checkbox size="xs" aria-label={t('desk.register.selectOne', { no: s.statementNo })} checked={selected.has(s.id)} onChange={() => toggle(s.id)} />
      </span>
    ),
  };
  return { selected, column, clear: () => setSelected(new Set()) };
}

export function RegisterSelectionBar({ selected, onDone }: { selected: ReadonlySet<string>; onDone(): void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [date, setDate] = useState(localDateOf(new Date()));
  const [error, setError] = useState<string | undefined>();
  const mark = useApiMutation('statements.markSentMany');
  const merge = useApiMutation('statements.printSelected');
  if (selected.size === 0) return null;
  // One PDF of the ticked statements, each from a new page, to print in one go.
  const printMerged = async () => {
    try {
      const f = await merge.mutateAsync({ ids: [...selected] });
      downloadFile(f.fileName, f.dataBase64, f.mime);
      notifySuccess(t('ui.download.done', { name: f.fileName }));
    } catch (e) {
      notifyError(t('desk.register.printMerged'), e);
    }
  };
  const confirm = async () => {
    try {
      const r = await mark.mutateAsync({ ids: [...selected], date: date || null });
      notifySuccess(t('desk.register.marked', { n: r.marked }));
      setAsking(false);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Paper withBorder px="sm" py={6} bg="indigo.0" data-testid="register-selection">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('desk.register.selected', { n: selected.size })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            {t('desk.register.clear')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} loading={merge.isPending} onClick={() => void printMerged()} data-testid="register-print-merged">
            {t('desk.register.printMerged')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconSend size={14} />}
            onClick={() => {
              setError(undefined);
              setAsking(true);
            }}
            data-testid="register-mark-sent"
          >
            {t('desk.register.markSent')}
          </Button>
        </Group>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('desk.register.markTitle', { n: selected.size })} centered>
        <Stack
          gap="sm"
          onKeyDown={(e) => {
            if (isSaveKey(e) || (e.key === 'Enter' && !(e.target as HTMLElement).getAttribute('aria-expanded'))) {
              e.preventDefault();
              void confirm();
            }
          }}
        >
          <DateField label={t('desk.register.sentOn')} clearable={false} value={date} onChange={setDate} error={error} data-autofocus data-testid="register-sent-on" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={mark.isPending} onClick={() => void confirm()} data-testid="register-mark-confirm">
              {t('desk.register.markSent')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
