/** 设置 → 备份: the backups with size, date and verification; back up now with progress; restore after asking twice. */
import { Alert, Badge, Button, Divider, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupJobStatus } from '../../../../shared/api/backup';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { BackupSettingsForm } from './BackupSettingsForm';
import { backupSize, backupTime, reasonKey } from './backupFormat';
import { RestoreDialog } from './RestoreDialog';

function useBackupJob(onFinished: () => void) {
  const [job, setJob] = useState<BackupJobStatus | null>(null);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      try {
        const next = await apiClient().call('backup.jobStatus', { jobId: job.jobId });
        setJob(next);
        if (next.state !== 'running') onFinished();
      } catch (e) {
        setJob({ ...job, state: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [job]);
  return { job, setJob };
}

export function BackupTab() {
  const t = useT();
  const qc = useQueryClient();
  const listing = useApiQuery('backup.list', {});
  const refresh = () => void qc.invalidateQueries({ queryKey: ['backup.list'] });
  const { job, setJob } = useBackupJob(refresh);
  const [restoring, setRestoring] = useState<string | null>(null);
  const start = async () => {
    try {
      const { jobId } = await apiClient().call('backup.start', {});
      setJob({ jobId, state: 'running', donePages: 0, totalPages: 0, result: null, error: null });
    } catch (e) {
      notifyError(t('backup.failed', { error: '' }), e);
    }
  };
  const backups = listing.data?.backups ?? [];
  return (
    <Stack gap="md" data-testid="backup-tab">
      <Text size="sm" c="dimmed">
        {t('backup.intro')}
      </Text>
      {listing.data && (
        <Text size="sm" ff="monospace">
          {t('backup.folder', { dir: listing.data.dir })}
        </Text>
      )}
      <Group>
        <Button onClick={() => void start()} loading={job?.state === 'running'} data-testid="backup-now">
          {t('backup.now')}
        </Button>
        {job?.state === 'running' && (
          <Stack gap={2} style={{ flex: 1 }} maw={420}>
            <Progress value={job.totalPages ? (job.donePages / job.totalPages) * 100 : 0} animated />
            <Text size="xs" c="dimmed">
              {t('backup.running', { done: job.donePages, total: job.totalPages })}
            </Text>
          </Stack>
        )}
      </Group>
      {job?.state === 'done' && job.result && <Alert color="teal">{t('backup.done', { file: job.result.file })}</Alert>}
      {job?.state === 'done' && job.result?.secondCopy?.error && <Alert color="orange">{t('backup.secondCopyFailed', { error: job.result.secondCopy.error })}</Alert>}
      {job?.state === 'failed' && <Alert color="red">{t('backup.failed', { error: job.error ?? '' })}</Alert>}
      {backups.length === 0 ? (
        <Text c="dimmed">{t('backup.empty')}</Text>
      ) : (
        <Table striped withTableBorder highlightOnHover maw={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.colDate')}</Table.Th>
              <Table.Th>{t('backup.colReason')}</Table.Th>
              <Table.Th ta="right">{t('backup.colSize')}</Table.Th>
              <Table.Th>{t('backup.colVerified')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.name} title={b.name}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{backupTime(b.createdAt)}</Table.Td>
                <Table.Td>{t(reasonKey(b.reason))}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {backupSize(b.size)}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={b.verified === true ? 'teal' : b.verified === false ? 'red' : 'gray'}>
                    {t(b.verified === true ? 'backup.verifiedOk' : b.verified === false ? 'backup.verifiedFailed' : 'backup.verifiedUnknown')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button size="xs" variant="default" disabled={b.verified === false} onClick={() => setRestoring(b.name)}>
                      {t('backup.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {restoring && <RestoreDialog name={restoring} onClose={() => setRestoring(null)} />}
      <Divider />
      <BackupSettingsForm />
    </Stack>
  );
}
