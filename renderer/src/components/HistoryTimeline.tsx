/**
 * The audit history of one record (system.history): who, when, what action,
 * and field by field what changed from what to what. Field names come from
 * the caller (each area knows its labels); unlisted technical fields are
 * hidden so the clerk sees only what they can recognise.
 */
import { Badge, Group, Loader, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { HistoryEntryDto } from '../../../shared/api/history';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useT } from '../i18n/I18nProvider';
import { EmptyState } from './EmptyState';
import { dateTimeOf } from './dateText';

export interface HistoryTimelineProps {
  entries: readonly HistoryEntryDto[] | undefined;
  loading?: boolean;
  /** Label per field; fields without a label are not shown. */
  fieldLabels: Readonly<Record<string, string>>;
  /** Display of a value (money, enums, booleans); return undefined for the default. */
  formatValue?(field: string, value: unknown): ReactNode | undefined;
  /** Labels for actions not in the common list (e.g. 'setPrimary'). */
  actionLabels?: Readonly<Record<string, string>>;
}

const KNOWN_ACTIONS = ['create', 'update', 'archive', 'restore', 'delete', 'import', 'undo'] as const;
const ACTION_COLORS: Record<string, string> = { create: 'teal', archive: 'orange', delete: 'red', undo: 'orange', restore: 'indigo' };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function defaultFormat(v: unknown): string {
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

export function HistoryTimeline({ entries, loading, fieldLabels, formatValue, actionLabels }: HistoryTimelineProps) {
  const t = useT();
  if (loading && !entries) return <Loader size="sm" />;
  if (!entries?.length) return <EmptyState compact icon={IconHistory} title={t('ui.history.empty')} />;

  const show = (field: string, v: unknown): ReactNode => {
    if (isEmpty(v)) return t('ui.history.emptyValue');
    return formatValue?.(field, v) ?? defaultFormat(v);
  };
  const actionLabel = (a: string) =>
    actionLabels?.[a] ??
    ((KNOWN_ACTIONS as readonly string[]).includes(a) ? t(`ui.history.action.${a}` as MessageKey) : a);

  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="history-timeline">
      {entries.map((e) => {
        const changes = e.changes.filter((c) => fieldLabels[c.field] !== undefined);
        const isCreate = e.action === 'create';
        const visible = isCreate ? changes.filter((c) => !isEmpty(c.after)) : changes;
        return (
          <Timeline.Item
            key={e.id}
            color={ACTION_COLORS[e.action] ?? 'gray'}
            title={
              <Group gap="xs">
                <Badge tt="none" size="sm" variant="light" color={ACTION_COLORS[e.action] ?? 'gray'}>
                  {actionLabel(e.action)}
                </Badge>
                <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {dateTimeOf(e.at)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('ui.history.by', { user: e.user, device: e.device })}
                </Text>
              </Group>
            }
          >
            {visible.length === 0 ? (
              <Text size="xs" c="dimmed" mt={2}>
                {isCreate ? t('ui.history.created') : t('ui.history.noFieldChanges')}
              </Text>
            ) : (
              <Stack gap={0} mt={4}>
                <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="sm" maw={820}>
                  <Table.Tbody>
                    {visible.map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Td w={130} c="dimmed" style={{ verticalAlign: 'top' }}>
                          {fieldLabels[c.field]}
                        </Table.Td>
                        <Table.Td>
                          {/* A reason (archive, undo, void) is a note about the action, not a changed value. */}
                          {isCreate || c.field === 'reason' ? (
                            show(c.field, c.after)
                          ) : (
                            <Group gap={8} wrap="wrap">
                              <Text
                                span
                                size="sm"
                                c="dimmed"
                                td={isEmpty(c.before) ? undefined : 'line-through'}
                              >
                                {show(c.field, c.before)}
                              </Text>
                              <Text span size="sm" c="dimmed">
                                →
                              </Text>
                              <Text span size="sm" fw={500}>
                                {show(c.field, c.after)}
                              </Text>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
