/**
 * Resolving one sync conflict from the alert center (issue 12): the records
 * involved, and for duplicates a rename of the chosen one (Ctrl+Enter) or,
 * for duplicate customers, "merge into" (MergeCustomerDialog). Conflicts
 * that need no change of data (a double void, a duplicate document number,
 * a confirmed period changed, a credit limit passed) are acknowledged in
 * the alert center once checked.
 */
import { Alert as Notice, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import type { SyncConflictItem, SyncConflictKind } from '../../../../shared/api/sync';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { isSaveKey } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { useAlertText } from '../alerts/alertText';
import { MergeCustomerDialog } from './MergeCustomerDialog';

type RenameField = 'code' | 'name' | 'taxId' | 'contractNo';
const RENAME_FIELD: Partial<Record<SyncConflictKind, RenameField>> = {
  duplicate_customer_code: 'code',
  duplicate_customer_name: 'name',
  duplicate_tax_id: 'taxId',
  duplicate_contract_no: 'contractNo',
};
const MERGEABLE: ReadonlySet<SyncConflictKind> = new Set(['duplicate_customer_code', 'duplicate_customer_name', 'duplicate_tax_id']);

export function SyncConflictDialog({ alert, onClose }: { alert: AlertView | null; onClose(): void }) {
  const t = useT();
  const text = useAlertText();
  const list = useApiQuery('sync.conflicts', {}, { enabled: alert !== null });
  const rename = useApiMutation('sync.rename');
  const conflict: SyncConflictItem | undefined = list.data?.find((c) => c.alertKey === alert?.key);
  const [picked, setPicked] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<SyncConflictItem['rows'] | null>(null);

  useEffect(() => {
    // The second row by default: the first is the older record, usually the one to keep.
    setPicked(conflict?.rows[1]?.id ?? conflict?.rows[0]?.id ?? '');
    setValue('');
    setError(null);
  }, [conflict?.key]);

  const field = conflict ? RENAME_FIELD[conflict.kind] : undefined;
  const doRename = async () => {
    if (!conflict || !field) return;
    const row = conflict.rows.find((r) => r.id === picked);
    if (!row) return;
    setError(null);
    try {
      await rename.mutateAsync({ table: row.table === 'contracts' ? 'contracts' : 'customers', id: row.id, field, value });
      notifySuccess(t('sync.resolve.renamed', { value }));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <>
      <Modal opened={alert !== null && merging === null} onClose={onClose} title={t('sync.resolve.title')} centered size="lg" data-testid="sync-conflict-dialog">
        {alert && (
          <Stack
            gap="sm"
            onKeyDown={(e) => {
              if (isSaveKey(e)) {
                e.preventDefault();
                void doRename();
              }
            }}
          >
            <Text size="sm">{text.sentence(alert)}</Text>
            {conflict && (
              <Radio.Group label={field ? t('sync.resolve.pick') : t('sync.resolve.rows')} value={picked} onChange={setPicked}>
                <Stack gap={6} mt={6}>
                  {conflict.rows.map((r, i) => (
                    <Radio key={r.id} value={r.id} label={r.label} disabled={!field} data-testid={`conflict-row-${i}`} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {conflict && field && (
              <TextInput
                label={`${t('sync.resolve.renameLabel')}（${t(`sync.resolve.field.${field}`)}）`}
                value={value}
                data-autofocus
                onChange={(e) => setValue(e.currentTarget.value)}
                error={error}
                data-testid="conflict-rename-value"
              />
            )}
            {conflict && !field && (
              <Text size="sm" c="dimmed">
                {t('sync.resolve.ackHint')}
              </Text>
            )}
            {!field && error && <Notice color="red">{error}</Notice>}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              {conflict && MERGEABLE.has(conflict.kind) && (
                <Button variant="light" onClick={() => setMerging(conflict.rows)} data-testid="conflict-merge">
                  {t('sync.resolve.merge')}
                </Button>
              )}
              {field && (
                <Button loading={rename.isPending} disabled={!value.trim()} onClick={() => void doRename()} data-testid="conflict-rename">
                  {t('sync.resolve.rename')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
      <MergeCustomerDialog
        rows={merging}
        onClose={() => {
          setMerging(null);
          onClose();
        }}
      />
    </>
  );
}
