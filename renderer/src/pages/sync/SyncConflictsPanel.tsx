/**
 * 设置 → 同步: the open sync conflicts (resolved in the alert center, where
 * each has its actions) and the customer merges with their undo.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { SyncConflictItem } from '../../../../shared/api/sync';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { dateTimeOf } from '../../components/dateText';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useAlertText } from '../alerts/alertText';

export function SyncConflictsPanel({ conflicts }: { conflicts: readonly SyncConflictItem[] }) {
  const t = useT();
  const text = useAlertText();
  const merges = useApiQuery('sync.merges', {});
  const undo = useApiMutation('sync.undoMerge');
  return (
    <Stack gap={6}>
      {conflicts.length > 0 && (
        <Stack gap={4} data-testid="sync-open-conflicts">
          <Group gap="xs">
            <Title order={5}>{text.kind('sync_conflict')}</Title>
            <Badge color="orange" variant="light">
              {conflicts.length}
            </Badge>
            <Anchor size="sm" onClick={() => navigate('/alerts')}>
              {t('sync.resolve.button')} →
            </Anchor>
          </Group>
          {conflicts.map((c) => (
            <Text key={c.key} size="sm">
              {c.value}：{c.rows.map((r) => r.label).join('、')}
            </Text>
          ))}
        </Stack>
      )}
      {(merges.data ?? []).length > 0 && (
        <Stack gap={4} data-testid="sync-merges">
          <Title order={5}>{t('sync.merge.history')}</Title>
          <Table withTableBorder>
            <Table.Tbody>
              {(merges.data ?? []).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {m.from.code} {m.from.name} → {m.into.code} {m.into.name}
                  </Table.Td>
                  <Table.Td>{dateTimeOf(m.mergedAt)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {m.undoneAt ? (
                      <Text size="sm" c="dimmed">
                        {t('sync.merge.undone', { at: dateTimeOf(m.undoneAt) })}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={undo.isPending}
                        onClick={() => void undo.mutateAsync({ mergeId: m.id }).then(() => notifySuccess(t('sync.merge.undoDone')))}
                        data-testid="merge-undo"
                      >
                        {t('sync.merge.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
