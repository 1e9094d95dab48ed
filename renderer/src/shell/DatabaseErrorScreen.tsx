/**
 * Shown instead of the app when the database cannot be opened: what and why,
 * and the backups to restore from. Never a silently created empty database.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SystemStatus } from '../../../shared/api/system';
import { apiClient } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { dateTimeSecondsOf } from '../components/dateText';

type Unavailable = Extract<SystemStatus, { state: 'unavailable' }>;

export function DatabaseErrorScreen({ status, onRecovered }: { status: Unavailable; onRecovered(): void }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const restore = async (name: string) => {
    setBusy(name);
    try {
      const next = await apiClient().call('system.restoreBackup', { name });
      if (next.state === 'ready') {
        notifications.show({ color: 'green', message: t('errors.dbRestored') });
        onRecovered();
      }
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack p="xl" maw={860} mx="auto" data-testid="db-error">
      <Title order={2}>{t('errors.dbTitle')}</Title>
      <Alert color="red">{t('errors.dbBody')}</Alert>
      <Card withBorder>
        <Text size="sm">
          <b>{t('errors.dbFile')}：</b>
          {status.dbFile}
        </Text>
        <Text size="sm">
          <b>{t('errors.dbReason')}：</b>
          {status.reason}
        </Text>
      </Card>
      <Title order={4}>{t('errors.dbBackups')}</Title>
      {status.backups.length === 0 ? (
        <Text c="dimmed">{t('errors.dbNoBackups')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Tbody>
            {status.backups.map((b, i) => (
              <Table.Tr key={b.name}>
                <Table.Td>
                  {b.name}
                  {i === 0 && (
                    <Badge ml="xs" size="sm" variant="light">
                      {t('errors.dbLatest')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{dateTimeSecondsOf(b.createdAt)}</Table.Td>
                <Table.Td>{(b.size / 1024).toFixed(0)} KB</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={b.verified === true ? 'teal' : b.verified === false ? 'red' : 'gray'}>
                    {t(b.verified === true ? 'backup.verifiedOk' : b.verified === false ? 'backup.verifiedFailed' : 'backup.verifiedUnknown')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button size="xs" variant={i === 0 ? 'filled' : 'default'} loading={busy === b.name} onClick={() => void restore(b.name)}>
                      {t('errors.dbRestore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
