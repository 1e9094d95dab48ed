/**
 * The list of import batches (one per successful import) with undo of a
 * whole batch, behind a reason dialog that says what will be removed. The
 * service refuses an undo once a record of the batch is referenced; the
 * reason is shown on the row so the clerk knows why the button is off.
 */
import { Badge, Button, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportBatch } from '../../../shared/api/imports';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { DataTable, type DataColumn } from './DataTable';
import { EmptyState } from './EmptyState';
import { notifySuccess } from './notify';
import { ReasonDialog } from './ReasonDialog';
import { dateOf, dateTimeOf } from './dateText';

export interface ImportBatchesProps {
  /** Only batches of this kind ('' or omitted = all). */
  kind?: string;
  /** What a kind is called in the UI language. */
  kindLabel(kind: string): string;
  height?: number | string;
}

export function ImportBatches({ kind = '', kindLabel, height = 360 }: ImportBatchesProps) {
  const t = useT();
  const batches = useApiQuery('imports.batches', { kind });
  const undo = useApiMutation('imports.undo');
  const [target, setTarget] = useState<ImportBatch | null>(null);
  const [error, setError] = useState<string | null>(null);

  const columns: DataColumn<ImportBatch>[] = [
    { key: 'at', header: t('ui.batches.at'), width: 150, cell: (b) => dateTimeOf(b.createdAt) },
    { key: 'file', header: t('ui.batches.file'), width: 'minmax(180px, 2fr)', cell: (b) => b.fileName },
    { key: 'kind', header: t('ui.batches.kind'), width: 80, cell: (b) => kindLabel(b.kind) },
    { key: 'rows', header: t('ui.batches.rows'), width: 70, align: 'right', cell: (b) => String(b.rows) },
    { key: 'user', header: t('ui.batches.user'), width: 90, cell: (b) => b.user },
    {
      key: 'status',
      header: t('ui.batches.status'),
      width: 'minmax(160px, 2fr)',
      cell: (b) =>
        b.undoneAt ? (
          <Text size="sm" c="dimmed" truncate title={b.undoReason ?? undefined}>
            <Badge tt="none" size="sm" color="gray" variant="light" mr={6}>
              {t('ui.batches.undone')}
            </Badge>
            {dateOf(b.undoneAt)} {b.undoReason}
          </Text>
        ) : (
          <Badge tt="none" size="sm" color="teal" variant="light">
            {t('ui.batches.active')}
          </Badge>
        ),
    },
    {
      key: 'action',
      header: '',
      width: 120,
      align: 'right',
      cell: (b) =>
        b.undoneAt ? null : (
          <Tooltip label={b.undoBlockedReason} disabled={!b.undoBlockedReason} multiline maw={320} withinPortal>
            <span>
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                disabled={Boolean(b.undoBlockedReason)}
                onClick={() => {
                  setError(null);
                  setTarget(b);
                }}
              >
                {t('ui.batches.undo')}
              </Button>
            </span>
          </Tooltip>
        ),
    },
  ];

  const confirm = async (reason: string) => {
    if (!target) return;
    try {
      await undo.mutateAsync({ batchId: target.id, reason });
      notifySuccess(t('ui.batches.undoneNotice'));
      setTarget(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Stack gap="xs" data-testid="import-batches">
      <Text size="sm" c="dimmed">
        {t('ui.batches.intro')}
      </Text>
      <DataTable
        rows={batches.data ?? []}
        columns={columns}
        rowKey={(b) => b.id}
        loading={batches.isPending}
        height={height}
        rowStyle={(b) => (b.undoneAt ? { color: 'var(--mantine-color-gray-6)' } : undefined)}
        empty={<EmptyState compact icon={IconFileImport} title={t('ui.batches.empty')} description={t('ui.batches.emptyHint')} />}
      />
      <ReasonDialog
        opened={target !== null}
        title={t('ui.batches.undoTitle')}
        consequence={
          target ? t('ui.batches.undoConsequence', { file: target.fileName, rows: target.rows, kind: kindLabel(target.kind) }) : ''
        }
        confirmLabel={t('ui.batches.undoConfirm')}
        loading={undo.isPending}
        error={error}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setTarget(null)}
      />
    </Stack>
  );
}
