/**
 * 月结对账: choose the period (last month by default), the folder, whether to
 * regenerate and whether to write a merged print file; then a progress bar
 * with the count and a cancel button while the job runs in the background.
 * Closing the dialog does not stop the job; reopening shows it again.
 *
 * The folder is never typed (issue 11, point 5): the desktop app offers
 * 选择文件夹… (the main process's own dialog, outputTarget.ts); otherwise the
 * files go to the data directory.
 */
import { Alert, Button, Checkbox, Group, Input, List, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFolder, IconFolderOpen, IconPlayerStop } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BatchJobStatus } from '../../../../shared/api/statements';
import { localDateOf } from '../../../../shared/dates/clock';
import { lastMonthPeriod } from '../../../../shared/statements/period';
import { ApiError, apiClient } from '../../api/client';
import { invalidateForTables, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { downloadFile } from '../../components/downloadFile';
import { notifyError } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { afterFolderDialog, batchOutDir, initialFolderChoice, isDesktop, shownFolder } from '../../components/outputTarget';

const POLL_MS = 400;

export function BatchDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  const qc = useQueryClient();
  const settings = useApiQuery('statements.settings', {});
  const [period, setPeriod] = useState(() => lastMonthPeriod(localDateOf(new Date())));
  const [folder, setFolder] = useState(() => initialFolderChoice(isDesktop()));
  const [choosing, setChoosing] = useState(false);
  const [force, setForce] = useState(false);
  const [merged, setMerged] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The running job survives closing the dialog (and a page change) within the session.
  const [jobId, setJobId] = useSessionState<string | null>('statements.batchJob', null);
  const [job, setJob] = useState<BatchJobStatus | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await apiClient().call('statements.jobStatus', { jobId });
        if (stopped) return;
        setJob(s);
        // Statements appear in the register as they are generated.
        invalidateForTables(qc, ['statements']);
        if (s.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (!stopped) setJobId(null);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, qc, setJobId]);

  const start = async () => {
    setError(null);
    try {
      const { jobId: id } = await apiClient().call('statements.startBatch', {
        from: period.from,
        to: period.to,
        outDir: batchOutDir(folder),
        force,
        merged,
        mergedPath: null,
      });
      setJob(null);
      setJobId(id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', field: null, message: String(e) }));
    }
  };

  const chooseFolder = async () => {
    setChoosing(true);
    try {
      const { path } = await apiClient().call('statements.chooseOutputPath', { kind: 'folder', suggestedName: '' });
      setFolder((f) => afterFolderDialog(f, path));
    } catch (e) {
      notifyError(t('statements.batch.chooseFolder'), e);
    } finally {
      setChoosing(false);
    }
  };
  const shown = shownFolder(folder, settings.data?.defaultOutDir ?? '');

  const cancel = async () => {
    if (jobId) setJob(await apiClient().call('statements.cancelJob', { jobId }));
  };

  const downloadMerged = async () => {
    if (!jobId) return;
    try {
      const f = await apiClient().call('statements.batchMergedPdf', { jobId });
      downloadFile(f.fileName, f.dataBase64, f.mime);
    } catch (e) {
      notifyError(t('statements.batch.downloadMerged'), e);
    }
  };

  const running = job?.state === 'running' || (jobId !== null && job === null);
  const finished = job !== null && job.state !== 'running';
  const reset = () => {
    setJobId(null);
    setJob(null);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('statements.batch.title')} size="lg" centered data-testid="statement-batch-dialog">
      <Stack gap="sm">
        {!jobId && (
          <>
            <Text size="sm" c="dimmed">
              {t('statements.batch.intro')}
            </Text>
            <Group gap="xs" align="flex-start">
              <DateField label={t('statements.field.from')} w={160} value={period.from} onChange={(from) => setPeriod({ ...period, from })} clearable={false} error={error?.field === 'from' ? error.message : undefined} data-testid="batch-from" />
              <DateField label={t('statements.field.to')} w={160} value={period.to} onChange={(to) => setPeriod({ ...period, to })} clearable={false} error={error?.field === 'to' ? error.message : undefined} data-testid="batch-to" />
            </Group>
            <Input.Wrapper
              label={t('statements.batch.outDir')}
              description={folder.route === 'dialog' ? t('statements.batch.outDirDesktopHint') : t('statements.batch.outDirBrowserHint')}
              error={error?.field === 'outDir' ? error.message : undefined}
            >
              <Group gap="xs" wrap="nowrap" mt={4}>
                {/* Shown, not editable: a grey box with a folder icon, unlike the date fields above. */}
                <Paper bg="gray.0" px="sm" py={6} radius="sm" style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconFolder size={16} style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-gray-6)" />
                    <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="batch-out-dir">
                      {shown.isDefault ? t('statements.batch.outDirDefault', { dir: shown.folder }) : shown.folder}
                    </Text>
                  </Group>
                </Paper>
                {folder.route === 'dialog' && (
                  <Button variant="default" leftSection={<IconFolderOpen size={15} />} loading={choosing} onClick={() => void chooseFolder()} data-testid="batch-choose-folder">
                    {t('statements.batch.chooseFolder')}
                  </Button>
                )}
                {folder.route === 'dialog' && !shown.isDefault && (
                  <Button variant="subtle" onClick={() => setFolder(initialFolderChoice(true))} data-testid="batch-default-folder">
                    {t('statements.batch.useDefaultFolder')}
                  </Button>
                )}
              </Group>
            </Input.Wrapper>
            <Checkbox label={t('statements.batch.force')} description={t('statements.batch.forceHint')} checked={force} onChange={(e) => setForce(e.currentTarget.checked)} data-testid="batch-force" />
            <Checkbox label={t('statements.batch.merged')} checked={merged} onChange={(e) => setMerged(e.currentTarget.checked)} data-testid="batch-merged" />
            {error && !['from', 'to', 'outDir'].includes(error.field ?? '') && (
              <Text c="red" size="sm">
                {error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('statements.batch.close')}
              </Button>
              <Button onClick={() => void start()} disabled={!period.from || !period.to} data-testid="batch-start">
                {t('statements.batch.start')}
              </Button>
            </Group>
          </>
        )}
        {jobId && (
          <>
            <Text size="sm" data-testid="batch-progress-text">
              {job && job.total > 0 ? t('statements.batch.progress', { done: job.done, total: job.total }) : t('statements.batch.preparing')}
            </Text>
            <Progress value={job && job.total > 0 ? (job.done / job.total) * 100 : 0} animated={running} transitionDuration={150} size="lg" data-testid="batch-progress" />
            {running && (
              <Text size="xs" c="dimmed">
                {t('statements.batch.stillRunning')}
              </Text>
            )}
            {finished && job && (
              <Alert color={job.failed.length || job.error ? 'orange' : job.cancelled ? 'gray' : 'teal'} variant="light" data-testid="batch-result">
                <Stack gap={4}>
                  <Text size="sm">{t('statements.batch.result', { generated: job.generated, skipped: job.skipped, failed: job.failed.length })}</Text>
                  {job.cancelled && <Text size="sm">{t('statements.batch.cancelled')}</Text>}
                  {job.error && <Text size="sm" c="red">{job.error}</Text>}
                  <Text size="xs" c="dimmed">
                    {t('statements.batch.savedTo', { dir: job.outDir })}
                  </Text>
                  {job.mergedPath && <Text size="xs">{t('statements.batch.mergedFile', { file: job.mergedPath, pages: job.mergedPages ?? 0 })}</Text>}
                  {job.mergedError && <Text size="xs" c="orange.8">{job.mergedError}</Text>}
                </Stack>
              </Alert>
            )}
            {finished && job && job.failed.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('statements.batch.failedTitle')}
                </Text>
                <List size="sm" spacing={2}>
                  {job.failed.map((f) => (
                    <List.Item key={f.customerCode}>
                      {f.customerCode} {f.customerName}：{f.message}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
            <Group justify="flex-end">
              {finished && job?.mergedPath && (
                <Button variant="light" leftSection={<IconDownload size={15} />} onClick={() => void downloadMerged()}>
                  {t('statements.batch.downloadMerged')}
                </Button>
              )}
              {running ? (
                <Button color="red" variant="light" leftSection={<IconPlayerStop size={15} />} onClick={() => void cancel()} data-testid="batch-cancel">
                  {t('statements.batch.cancel')}
                </Button>
              ) : (
                <Button variant="default" onClick={reset} data-testid="batch-again">
                  {t('statements.batch.again')}
                </Button>
              )}
              <Button variant="default" onClick={onClose}>
                {t('statements.batch.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
