/** 设置 → 结账: the closed-through date (accountant or boss), 反结账 and time-boxed exceptions (boss). */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { useMay } from './useAuth';

export function PeriodTab() {
  const t = useT();
  const state = useApiQuery('period.get', {});
  const mayClose = useMay('period.close');
  const mayReopen = useMay('period.reopen');
  const [through, setThrough] = useState('');
  const [back, setBack] = useState({ through: '', reason: '' });
  const [exc, setExc] = useState<{ customerId: string | null; throughDate: string; reason: string }>({ customerId: null, throughDate: '', reason: '' });
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      notifySuccess(t('common.saved'));
      void state.refetch();
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };
  const closed = state.data?.closedThrough;
  return (
    <Stack data-testid="period-tab" maw={900}>
      <Text size="lg" fw={600} data-testid="closed-through">
        {closed ? `${t('auth.period.closedThrough')} ${closed}` : t('auth.period.none')}
      </Text>
      {mayClose && (
        <Group align="flex-end" gap="xs">
          <DateField size="xs" w={160} label={t('auth.period.through')} value={through} onChange={setThrough} />
          <Button size="xs" onClick={() => void run(() => apiClient().call('period.close', { through }))}>
            {t('auth.period.close')}
          </Button>
        </Group>
      )}
      {mayReopen && closed && (
        <Group align="flex-end" gap="xs">
          <DateField size="xs" w={160} label={t('auth.period.reopenThrough')} value={back.through} onChange={(v) => setBack({ ...back, through: v })} />
          <TextInput size="xs" w={280} label={t('auth.period.reason')} value={back.reason} onChange={(e) => setBack({ ...back, reason: e.currentTarget.value })} />
          <Button size="xs" color="orange" onClick={() => void run(() => apiClient().call('period.reopen', { through: back.through || null, reason: back.reason }))}>
            {t('auth.period.reopen')}
          </Button>
        </Group>
      )}
      {mayReopen && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t('auth.period.exceptionTitle')}
          </Title>
          <Group align="flex-end" gap="xs" mb="sm">
            <CustomerPicker size="xs" w={280} value={exc.customerId} onChange={(id) => setExc({ ...exc, customerId: id })} label={t('auth.period.customerId')} />
            <DateField size="xs" w={160} label={t('auth.period.exceptionThrough')} value={exc.throughDate} onChange={(v) => setExc({ ...exc, throughDate: v })} />
            <TextInput size="xs" w={220} label={t('auth.period.reason')} value={exc.reason} onChange={(e) => setExc({ ...exc, reason: e.currentTarget.value })} />
            <Button size="xs" onClick={() => void run(() => apiClient().call('period.grantException', { customerId: exc.customerId ?? '', throughDate: exc.throughDate, reason: exc.reason, hours: null }))}>
              {t('auth.period.grant')}
            </Button>
          </Group>
          <Table fz="sm">
            <Table.Tbody>
              {(state.data?.exceptions ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {e.customerCode} {e.customerName}
                  </Table.Td>
                  <Table.Td>≤ {e.throughDate}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>{e.grantedBy}</Table.Td>
                  <Table.Td>{e.active ? <Badge color="orange">{t('auth.period.active')}</Badge> : <Badge color="gray">{t('auth.period.expired')}</Badge>}</Table.Td>
                  <Table.Td>
                    {e.active && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void run(() => apiClient().call('period.revokeException', { id: e.id }))}>
                        {t('auth.period.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
