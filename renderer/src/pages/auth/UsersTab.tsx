/** 设置 → 用户与权限 (boss only): add users, change name/role, disable/enable, reset a password. */
import { Badge, Button, Group, Paper, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { useState } from 'react';
import { ROLES, type Role } from '../../../../shared/auth/roles';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { useMay } from './useAuth';

export function UsersTab() {
  const t = useT();
  const may = useMay('users.manage');
  const users = useApiQuery('users.list', {}, { enabled: may });
  const [draft, setDraft] = useState({ username: '', displayName: '', role: 'clerk' as Role, password: '' });
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [resetPw, setResetPw] = useState('');
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }));
  const run = async (f: () => Promise<unknown>, done?: () => void) => {
    try {
      await f();
      notifySuccess(t('common.saved'));
      done?.();
      void users.refetch();
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };
  return (
    <Stack data-testid="users-tab">
      <Paper withBorder>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.users.username')}</Table.Th>
              <Table.Th>{t('auth.users.displayName')}</Table.Th>
              <Table.Th>{t('auth.users.role')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>
                  {t(`auth.role.${u.role}`)} {u.disabled && <Badge color="gray">{t('auth.users.disabled')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    {resetFor === u.id ? (
                      <>
                        <PasswordInput size="xs" w={200} placeholder={t('auth.users.newPassword')} value={resetPw} onChange={(e) => setResetPw(e.currentTarget.value)} />
                        <Button size="xs" onClick={() => void run(() => apiClient().call('users.resetPassword', { id: u.id, password: resetPw }), () => setResetFor(null))}>
                          {t('auth.users.save')}
                        </Button>
                      </>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => { setResetFor(u.id); setResetPw(''); }}>
                        {t('auth.users.resetPassword')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color={u.disabled ? 'teal' : 'red'} onClick={() => void run(() => apiClient().call(u.disabled ? 'users.enable' : 'users.disable', { id: u.id }))}>
                      {u.disabled ? t('auth.users.enable') : t('auth.users.disable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('auth.users.add')}
        </Text>
        <Group align="flex-end" gap="xs">
          <TextInput size="xs" label={t('auth.users.username')} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.currentTarget.value })} />
          <TextInput size="xs" label={t('auth.users.displayName')} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })} />
          <KeySelect size="xs" w={120} label={t('auth.users.role')} data={roleOptions} value={draft.role} onChange={(v) => v && setDraft({ ...draft, role: v as Role })} allowDeselect={false} />
          <PasswordInput size="xs" w={280} label={t('auth.users.password')} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })} />
          <Button size="xs" onClick={() => void run(() => apiClient().call('users.create', draft), () => setDraft({ username: '', displayName: '', role: 'clerk', password: '' }))}>
            {t('auth.users.add')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
