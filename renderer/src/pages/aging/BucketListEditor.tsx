/**
 * Editing one basis' bucket list. Each bucket's lower bound is the previous
 * one's upper bound + 1, so a list typed here is contiguous by construction;
 * the clerk types names and upper bounds only. The service still checks the
 * whole list (validateBuckets) and its message is shown as it comes.
 */
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AgingBasis, AgingBucket } from '../../../../shared/api/aging';
import { bucketColors } from '../../../../shared/aging/bucketColors';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

interface Row {
  label: string;
  /** '' on the last row (no upper bound) or while being typed. */
  maxDays: number | '';
}

const rowsOf = (buckets: readonly AgingBucket[]): Row[] => buckets.map((b) => ({ label: b.label, maxDays: b.maxDays ?? '' }));

/** The list the rows describe: lower bounds follow from the upper bound before. */
function bucketsOf(rows: readonly Row[]): AgingBucket[] {
  return rows.map((r, i) => {
    const previous = i === 0 ? null : rows[i - 1].maxDays;
    return {
      key: '',
      label: r.label,
      minDays: i === 0 ? null : typeof previous === 'number' ? previous + 1 : null,
      maxDays: i === rows.length - 1 ? null : r.maxDays === '' ? null : r.maxDays,
    };
  });
}

export interface BucketListEditorProps {
  basis: AgingBasis;
  title: string;
  buckets: AgingBucket[];
  isDefault: boolean;
}

export function BucketListEditor({ basis, title, buckets, isDefault }: BucketListEditorProps) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(buckets));
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('aging.updateBuckets');
  const reset = useApiMutation('aging.resetBuckets');
  // A save elsewhere (another PC, the reset button) brings the stored list back in.
  useEffect(() => setRows(rowsOf(buckets)), [JSON.stringify(buckets)]);

  const typed = bucketsOf(rows);
  const colors = bucketColors(typed);
  const dirty = JSON.stringify(typed.map((b) => [b.label, b.minDays, b.maxDays])) !== JSON.stringify(buckets.map((b) => [b.label, b.minDays, b.maxDays]));
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const addRow = () => {
    // A new bucket goes before the open-ended last one, 30 days wide.
    const before = rows.length >= 2 ? rows[rows.length - 2].maxDays : 0;
    const max = typeof before === 'number' ? before + 30 : '';
    setRows([...rows.slice(0, -1), { label: '', maxDays: max }, rows[rows.length - 1]]);
  };

  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ basis, buckets: typed });
      notifySuccess(t('aging.settings.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const restore = async () => {
    setError(null);
    try {
      await reset.mutateAsync({ basis });
      notifySuccess(t('aging.settings.resetDone'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Stack gap="xs" data-testid={`buckets-${basis}`}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Badge tt="none" size="sm" variant="light" color={isDefault ? 'gray' : 'indigo'}>
            {isDefault ? t('aging.settings.isDefault') : t('aging.settings.isCustom')}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="subtle" leftSection={<IconRestore size={14} />} disabled={isDefault} loading={reset.isPending} onClick={() => void restore()}>
            {t('aging.settings.reset')}
          </Button>
          <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={() => void submit()}>
            {t('aging.settings.save')}
          </Button>
        </Group>
      </Group>
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={20} />
            <Table.Th>{t('aging.settings.label')}</Table.Th>
            <Table.Th w={110}>{t('aging.settings.minDays')}</Table.Th>
            <Table.Th w={130}>{t('aging.settings.maxDays')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {typed.map((b, i) => {
            const last = i === rows.length - 1;
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: colors[i] }} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" value={rows[i].label} onChange={(e) => setRow(i, { label: e.currentTarget.value })} aria-label={`${t('aging.settings.label')} ${i + 1}`} maxLength={20} />
                </Table.Td>
                <Table.Td c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {b.minDays === null ? t('aging.settings.open') : b.minDays}
                </Table.Td>
                <Table.Td>
                  {last ? (
                    <Text size="sm" c="dimmed">
                      {t('aging.settings.open')}
                    </Text>
                  ) : (
                    <NumberInput
                      size="xs"
                      allowDecimal={false}
                      value={rows[i].maxDays}
                      onChange={(v) => setRow(i, { maxDays: typeof v === 'number' ? v : '' })}
                      aria-label={`${t('aging.settings.maxDays')} ${i + 1}`}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  {!last && rows.length > 2 && (
                    <ActionIcon variant="subtle" color="gray" aria-label={t('aging.settings.remove')} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                      <IconTrash size={15} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={addRow} disabled={rows.length >= 20}>
          {t('aging.settings.add')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" py={6} data-testid={`buckets-${basis}-error`}>
          {error}
        </Alert>
      )}
    </Stack>
  );
}
