/**
 * 操作日志 (issue 13 point 6): who did what, when, from which PC, authorized
 * by whom; filter by user, date, record type and action; each row opens its
 * field-by-field changes; export to Excel.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { dateTimeSecondsOf } from '../../components/dateText';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState({ from: '', to: '', user: '', entity: '', action: '' });
  const input = { ...filter, from: filter.from || null, to: filter.to || null, limit: 200 };
  const list = useApiQuery('audit.list', input);
  const [open, setOpen] = useState<string | null>(null);
  const field = (k: keyof typeof filter, label: string, w = 130) => (
    <TextInput size="xs" w={w} label={label} value={filter[k]} onChange={(e) => setFilter({ ...filter, [k]: e.currentTarget.value })} data-testid={`audit-filter-${k}`} />
  );
  const exportXlsx = async () => {
    try {
      const f = await apiClient().call('audit.exportXlsx', input);
      downloadFile(f.fileName, f.dataBase64, XLSX_MIME);
    } catch (e) {
      notifyError(t('auth.audit.export'), e);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('auth.audit.title')}</Title>
        <Button size="xs" variant="default" onClick={() => void exportXlsx()}>
          {t('auth.audit.export')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end">
        {field('from', t('auth.audit.from'))}
        {field('to', t('auth.audit.to'))}
        {field('user', t('auth.audit.user'))}
        {field('entity', t('auth.audit.entity'))}
        {field('action', t('auth.audit.action'))}
        <Text size="xs" c="dimmed">
          {t('auth.audit.total', { count: list.data?.total ?? 0 })}
        </Text>
      </Group>
      <Paper withBorder>
        <Table striped highlightOnHover stickyHeader fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('auth.audit.at')}</Table.Th>
              <Table.Th>{t('auth.audit.user')}</Table.Th>
              <Table.Th>{t('auth.audit.authorizedBy')}</Table.Th>
              <Table.Th>{t('auth.audit.entity')}</Table.Th>
              <Table.Th>{t('auth.audit.action')}</Table.Th>
              <Table.Th>{t('auth.audit.device')}</Table.Th>
              <Table.Th>{t('auth.audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((r) => (
              <Fragment key={r.id}>
                <Table.Tr onClick={() => setOpen(open === r.id ? null : r.id)} style={{ cursor: 'pointer' }} data-testid="audit-row">
                  <Table.Td>{dateTimeSecondsOf(r.at)}</Table.Td>
                  <Table.Td>{r.user}</Table.Td>
                  <Table.Td>{r.authorizedBy ? <Badge color="orange" variant="light" data-testid="audit-authorized-by">{r.authorizedBy}</Badge> : ''}</Table.Td>
                  <Table.Td>{r.entity}</Table.Td>
                  <Table.Td>{r.action}</Table.Td>
                  <Table.Td>
                    {r.device}
                    {r.channel ? ` · ${r.channel}` : ''}
                  </Table.Td>
                  <Table.Td>{r.changes.length}</Table.Td>
                </Table.Tr>
                {open === r.id && (
                  <Table.Tr>
                    <Table.Td colSpan={7} bg="gray.0">
                      <Table fz="xs" withColumnBorders data-testid="audit-changes">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('auth.audit.field')}</Table.Th>
                            <Table.Th>{t('auth.audit.before')}</Table.Th>
                            <Table.Th>{t('auth.audit.after')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {r.changes.map((c) => (
                            <Table.Tr key={c.field}>
                              <Table.Td>{c.field}</Table.Td>
                              <Table.Td>{show(c.before)}</Table.Td>
                              <Table.Td>{show(c.after)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.rows.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t('auth.audit.empty')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
