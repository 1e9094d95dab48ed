/**
 * 审批: the boss's inbox of pending requests (approve: the exact content he
 * sees, by its hash; reject with a reason) and everyone's own requests.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApprovalDto } from '../../../../shared/api/controls';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { useAuthStatus, useMay } from './useAuth';
import { dateTimeOf } from '../../components/dateText';

const COLORS: Record<ApprovalDto['status'], string> = { pending: 'orange', approved: 'teal', rejected: 'red', withdrawn: 'gray', failed: 'red', expired: 'gray' };

export function ApprovalsPage() {
  const t = useT();
  const list = useApiQuery('approvals.list', { status: 'all' });
  const mayDecide = useMay('approvals.decide');
  const me = useAuthStatus().data?.user;
  const [rejecting, setRejecting] = useState<{ id: string; note: string } | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      notifySuccess(t('common.saved'));
      setRejecting(null);
      void list.refetch();
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
      void list.refetch();
    }
  };
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={3}>{t('auth.approvals.title')}</Title>
      <Paper withBorder>
        <Table fz="sm" data-testid="approvals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.approvals.requestedAt')}</Table.Th>
              <Table.Th>{t('auth.approvals.requestedBy')}</Table.Th>
              <Table.Th>{t('auth.approvals.summary')}</Table.Th>
              <Table.Th ta="right">{t('auth.exceptions.amount')}</Table.Th>
              <Table.Th>{t('auth.approvals.reason')}</Table.Th>
              <Table.Th>{t('auth.approvals.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{dateTimeOf(a.requestedAt)}</Table.Td>
                <Table.Td>{a.requestedBy}</Table.Td>
                <Table.Td>{a.summary}</Table.Td>
                <Table.Td ta="right">{a.amountFen === null ? '' : <Money fen={a.amountFen} />}</Table.Td>
                <Table.Td>{a.reason}</Table.Td>
                <Table.Td>
                  <Badge color={COLORS[a.status]} variant="light" title={a.decisionNote}>
                    {t(`auth.approvals.statusLabel.${a.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {a.status === 'pending' && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {mayDecide && rejecting?.id !== a.id && (
                        <>
                          <Button size="xs" onClick={() => void run(() => apiClient().call('approvals.approve', { id: a.id, payloadSha256: a.payloadSha256, note: '' }))}>
                            {t('auth.approvals.approve')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setRejecting({ id: a.id, note: '' })}>
                            {t('auth.approvals.reject')}
                          </Button>
                        </>
                      )}
                      {rejecting?.id === a.id && (
                        <>
                          <TextInput size="xs" placeholder={t('auth.approvals.rejectReason')} value={rejecting.note} onChange={(e) => setRejecting({ id: a.id, note: e.currentTarget.value })} />
                          <Button size="xs" color="red" onClick={() => void run(() => apiClient().call('approvals.reject', { id: a.id, note: rejecting.note }))}>
                            {t('auth.approvals.reject')}
                          </Button>
                        </>
                      )}
                      {!mayDecide && me && (
                        <Button size="xs" variant="subtle" onClick={() => void run(() => apiClient().call('approvals.withdraw', { id: a.id }))}>
                          {t('auth.approvals.withdraw')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && rows.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t('auth.approvals.empty')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
