/**
 * "Merge into" for duplicate customers (issue 12, sync conflicts), driven by
 * the keyboard: step 1 picks the customer to keep (arrow keys, Enter = next),
 * step 2 shows exactly what would move (from the server's preview) and
 * confirms (Enter on the focused button, Esc = back out).
 */
import { Alert as Notice, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MergePreview, SyncConflictRowView } from '../../../../shared/api/sync';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export interface MergeCustomerDialogProps {
  /** The duplicate customers (two or more); null = closed. */
  rows: readonly SyncConflictRowView[] | null;
  onClose(): void;
}

interface FooterButton {
  label: string;
  onClick(): void;
  testId?: string;
}

/**
 * The end of both steps: the hint that the kept customer's fields stay, the
 * refusal if any, and back/cancel beside the step's own button.
 */
function StepFooter({ failure, back, primary }: { failure: string | null; back: FooterButton; primary: FooterButton & { loading: boolean; color?: string; autoFocus?: boolean } }) {
  const t = useT();
  return (
    <>
      <Text size="xs" c="dimmed">
        {t('sync.merge.keepHint')}
      </Text>
      {failure && (
        <Notice color="red" variant="light">
          {failure}
        </Notice>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={back.onClick} data-testid={back.testId}>
          {back.label}
        </Button>
        <Button color={primary.color} autoFocus={primary.autoFocus} loading={primary.loading} onClick={primary.onClick} data-testid={primary.testId}>
          {primary.label}
        </Button>
      </Group>
    </>
  );
}

const TABLES = ['ar_documents', 'ar_explicit_targets', 'contracts', 'contacts', 'interactions', 'after_sales_cases', 'after_sales_events'] as const;

export function MergeCustomerDialog({ rows, onClose }: MergeCustomerDialogProps) {
  const t = useT();
  const previewCall = useApiMutation('sync.mergePreview');
  const merge = useApiMutation('sync.mergeCustomer');
  const [keep, setKeep] = useState('');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setKeep(rows?.[0]?.id ?? '');
    setPreview(null);
    setFailure(null);
  }, [rows]);

  // Two duplicates: the other one merges; with more, the next one after the kept (one merge at a time).
  const from = rows?.find((r) => r.id !== keep) ?? null;
  // The conflict's labels tell look-alike duplicates apart (which PC, when entered).
  const labelOf = (c: MergePreview['from']): string => rows?.find((r) => r.id === c.id)?.label ?? `${c.code} ${c.name}`;
  const fail = (e: unknown) => setFailure(e instanceof ApiError ? e.message : String(e));

  const next = async () => {
    if (!from) return;
    setFailure(null);
    try {
      setPreview(await previewCall.mutateAsync({ fromId: from.id, intoId: keep }));
    } catch (e) {
      fail(e);
    }
  };
  const confirm = async () => {
    if (!preview) return;
    try {
      await merge.mutateAsync({ fromId: preview.from.id, intoId: preview.into.id });
      notifySuccess(t('sync.merge.done', { from: `${preview.from.code} ${preview.from.name}`, into: `${preview.into.code} ${preview.into.name}` }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal opened={rows !== null} onClose={onClose} title={t('sync.merge.title')} centered size="lg" data-testid="merge-dialog">
      {rows && !preview && (
        <Stack
          gap="sm"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void next();
            }
          }}
        >
          <Radio.Group label={t('sync.merge.keep')} value={keep} onChange={setKeep}>
            <Stack gap={6} mt={6}>
              {rows.map((r, i) => (
                <Radio key={r.id} value={r.id} label={r.label} data-autofocus={i === 0 ? true : undefined} data-testid={`merge-keep-${i}`} />
              ))}
            </Stack>
          </Radio.Group>
          <StepFooter
            failure={failure}
            back={{ label: t('common.cancel'), onClick: onClose }}
            primary={{ label: t('sync.merge.next'), loading: previewCall.isPending, onClick: () => void next(), testId: 'merge-next' }}
          />
        </Stack>
      )}
      {preview && (
        <Stack gap="sm">
          <Text fw={600} data-testid="merge-confirm-title">
            {t('sync.merge.confirmTitle', { from: labelOf(preview.from), into: labelOf(preview.into) })}
          </Text>
          <Text size="sm">{t('sync.merge.moves')}</Text>
          <Table withTableBorder striped data-testid="merge-moves">
            <Table.Tbody>
              {TABLES.filter((tbl) => (preview.moves[tbl] ?? 0) > 0).map((tbl) => (
                <Table.Tr key={tbl}>
                  <Table.Td>{t(`sync.merge.table.${tbl}`)}</Table.Td>
                  <Table.Td className="amount" style={{ textAlign: 'right' }}>
                    {preview.moves[tbl]}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <StepFooter
            failure={failure}
            back={{ label: t('sync.merge.back'), onClick: () => setPreview(null), testId: 'merge-back' }}
            primary={{ label: t('sync.merge.confirm'), loading: merge.isPending, onClick: () => void confirm(), testId: 'merge-confirm', color: 'orange', autoFocus: true }}
          />
        </Stack>
      )}
    </Modal>
  );
}
