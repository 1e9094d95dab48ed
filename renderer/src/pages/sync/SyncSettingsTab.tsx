/**
 * 设置 → 同步 (issue 12): the shared folder (tested before use), this PC's
 * name and series letter, the other PCs with how far behind this one is,
 * problems with their files, conflicts to resolve, and 立即同步.
 */
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SyncProgressView, SyncStatusView, SyncVerifyView } from '../../../../shared/api/sync';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { FolderInput } from '../../components/FolderInput';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { SYNC_STATE_COLOR } from './SyncIndicator';
import { dateTimeOf } from '../../components/dateText';
import { SyncConflictsPanel } from './SyncConflictsPanel';

const when = (iso: string | null): string => (iso ? dateTimeOf(iso) : '—');

/** The running job's phase and counts (a long apply, a join, the check), polled while it runs. */
export function SyncProgressLine({ progress }: { progress: SyncProgressView }) {
  const t = useT();
  const pct = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap={4} data-testid="sync-progress">
      <Text size="sm">{t('sync.progressLine', { phase: t(`sync.phase.${progress.phase}`), done: progress.done, total: progress.total })}</Text>
      <Progress value={pct} size="sm" animated />
    </Stack>
  );
}

function VerifyResult({ result }: { result: SyncVerifyView }) {
  const t = useT();
  return (
    <Alert color={result.ok ? 'teal' : 'red'} data-testid="sync-verify-result">
      <Stack gap={6}>
        <Text size="sm">{result.message}</Text>
        {result.differences.length > 0 && (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.verifyTable')}</Table.Th>
                <Table.Th>{t('sync.verifyOnlyHere')}</Table.Th>
                <Table.Th>{t('sync.verifyOnlyInReplay')}</Table.Th>
                <Table.Th>{t('sync.verifyExamples')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.differences.map((d) => (
                <Table.Tr key={d.table}>
                  <Table.Td>{d.table}</Table.Td>
                  <Table.Td>{d.onlyHere}</Table.Td>
                  <Table.Td>{d.onlyInReplay}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {d.examples.join(', ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result.problems.map((p) => (
          <Text key={p} size="xs" c="dimmed">
            {p}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function SyncSettingsTab() {
  const t = useT();
  const test = useApiMutation('sync.testFolder');
  const setup = useApiMutation('sync.setup');
  const now = useApiMutation('sync.now');
  const verify = useApiMutation('sync.verify');
  const dismiss = useApiMutation('sync.dismissConflict');
  const [verified, setVerified] = useState<SyncVerifyView | null>(null);
  // While a round or the check runs, the status (with its progress) is polled.
  const working = setup.isPending || now.isPending || verify.isPending;
  const status = useApiQuery('sync.status', {}, { refetchInterval: (q) => (working || q.state.data?.progress ? 700 : false) });
  const [folder, setFolder] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (status.data && folder === null) {
      setFolder(status.data.folder ?? '');
      setName(status.data.name ?? '');
    }
  }, [status.data, folder]);

  if (!status.data || folder === null || name === null) return null;
  const s: SyncStatusView = status.data;
  const busy = setup.isPending || now.isPending;
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });

  const runTest = async () => {
    setMessage(null);
    try {
      const r = await test.mutateAsync({ folder });
      setMessage({ ok: r.ok, text: r.message });
    } catch (e) {
      fail(e);
    }
  };
  const runSetup = async () => {
    setMessage(null);
    try {
      const r = await setup.mutateAsync({ folder, name });
      notifySuccess(t('sync.done', { published: r.published, applied: r.applied }));
    } catch (e) {
      fail(e);
    }
  };
  const runVerify = async () => {
    setMessage(null);
    setVerified(null);
    try {
      setVerified(await verify.mutateAsync({}));
    } catch (e) {
      fail(e);
    }
    // The check writes nothing (no db:changed): fetch the status once more so its progress line goes away.
    void status.refetch();
  };
  const runNow = async () => {
    setMessage(null);
    try {
      const r = await now.mutateAsync({});
      notifySuccess(t('sync.done', { published: r.published, applied: r.applied }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack gap="md" maw={860} data-testid="sync-settings">
      <Text size="sm" c="dimmed">
        {t('sync.intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (s.enabled ? runNow() : runSetup());
        }}
      >
        <Stack gap="sm">
          <FolderInput dialog="sync.chooseFolder" label={t('sync.folder')} description={t('sync.folderHint')} value={folder} onChange={setFolder} testId="sync-folder">
            <Button variant="default" onClick={() => void runTest()} loading={test.isPending} data-testid="sync-test">
              {t('sync.test')}
            </Button>
          </FolderInput>
          <TextInput label={t('sync.name')} description={t('sync.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} maw={360} data-testid="sync-name" />
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} data-testid="sync-message">
              {message.text}
            </Alert>
          )}
          <Group gap="sm">
            {s.enabled ? (
              <Button type="submit" loading={busy} data-testid="sync-now">
                {t('sync.syncNow')}
              </Button>
            ) : (
              <Button type="submit" loading={busy} data-testid="sync-turn-on">
                {t('sync.turnOn')}
              </Button>
            )}
            <Badge color={SYNC_STATE_COLOR[s.state]} variant="light" data-testid="sync-state">
              {t(`sync.state.${s.state}`)}
            </Badge>
          </Group>
        </Stack>
      </form>

      {s.enabled && (
        <Paper withBorder p="md">
          <Stack gap={6}>
            <Title order={5}>{t('sync.thisPc')}</Title>
            <Group gap="xl">
              <Text size="sm">
                {s.name} <Text span c="dimmed" size="xs">({s.device})</Text>
              </Text>
              <Text size="sm" data-testid="sync-series">
                {t('sync.series')}：<b>{s.series ?? '—'}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('sync.published', { count: s.published })} · {t('sync.applied', { count: s.applied })}
              </Text>
              <Text size="sm" c="dimmed">
                {s.lastRoundAt ? t('sync.lastRound', { at: when(s.lastRoundAt) }) : t('sync.never')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('sync.seriesHint')}
            </Text>
            {s.progress && <SyncProgressLine progress={s.progress} />}
            <Group gap="sm" mt={4} wrap="nowrap" align="center">
              <Button variant="default" size="xs" onClick={() => void runVerify()} loading={verify.isPending} disabled={busy} data-testid="sync-verify">
                {t('sync.verify')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('sync.verifyHint')}
              </Text>
            </Group>
            {verified && <VerifyResult result={verified} />}
          </Stack>
        </Paper>
      )}

      {s.enabled && (
        <Stack gap={6}>
          <Title order={5}>{t('sync.peers')}</Title>
          {s.devices.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('sync.noPeers')}
            </Text>
          ) : (
            <Table withTableBorder striped data-testid="sync-peers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.peerName')}</Table.Th>
                  <Table.Th>{t('sync.peerSeries')}</Table.Th>
                  <Table.Th>{t('sync.lastSeen')}</Table.Th>
                  <Table.Th>{t('sync.behind')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.devices.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      {d.name} <Text span c="dimmed" size="xs">({d.id})</Text>
                    </Table.Td>
                    <Table.Td>{d.series ?? '—'}</Table.Td>
                    <Table.Td>{when(d.lastSeenAt)}</Table.Td>
                    <Table.Td>{d.behind > 0 ? t('sync.behindCount', { count: d.behind }) : t('sync.upToDate')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}

      {s.enabled && (s.lastFailure || s.errors.length > 0) && (
        <Stack gap={6}>
          <Title order={5}>{t('sync.problems')}</Title>
          {s.lastFailure && <Alert color="red">{s.lastFailure}</Alert>}
          {s.errors.map((e) => (
            <Alert key={`${e.device}${e.file}`} color="orange" data-testid="sync-error">
              <Text size="sm">{e.message}</Text>
              <Text size="xs" c="dimmed">
                {e.file}
              </Text>
            </Alert>
          ))}
        </Stack>
      )}

      <SyncConflictsPanel conflicts={s.syncConflicts} />
      {s.conflicts.length > 0 && (
        <Stack gap={6} data-testid="sync-conflicts">
          <Title order={5}>{t('sync.conflicts')}</Title>
          <Text size="xs" c="dimmed">
            {t('sync.conflictHint')}
          </Text>
          {s.conflicts.map((c) => (
            <Group key={`${c.device}${c.seq}${c.table}${c.key}`} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {c.table} {c.key}：{c.message}
              </Text>
              <Button size="compact-sm" variant="default" onClick={() => void dismiss.mutateAsync({ device: c.device, seq: c.seq, table: c.table, key: c.key })}>
                {t('sync.dismiss')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
