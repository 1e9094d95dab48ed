/**
 * While a chunked import is being written, every screen says so above its
 * content: 导入进行中：已写入 X / Y 行，报表暂未包含全部导入数据. The import
 * becomes visible customer by customer (each whole), so a report read
 * meanwhile is right for the customers it shows but not the whole file yet.
 * Any API result reveals a running import (api/runningImport.ts); the banner
 * then asks imports.status every second, and when the import is over it
 * refreshes every query (an import by another process sends no db:changed).
 */
import { Alert, Progress, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useApiQuery, invalidateForTables } from '../api/hooks';
import { runningImportStore } from '../api/runningImport';
import { useT } from '../i18n/I18nProvider';

const POLL_MS = 1000;

export function ImportProgressBanner() {
  const t = useT();
  const qc = useQueryClient();
  const running = useSyncExternalStore(runningImportStore.subscribe, runningImportStore.get);
  // The poll's own result updates the store (the client notes every result's flag).
  useApiQuery('imports.status', {}, { enabled: running !== null, refetchInterval: running ? POLL_MS : false });
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      invalidateForTables(qc, ['*']);
    }
  }, [running, qc]);
  if (!running) return null;
  const fmt = (n: number) => n.toLocaleString('zh-CN');
  return (
    <Alert color="blue" variant="light" icon={<IconFileImport size={18} />} mb="sm" py={6} data-testid="import-running-banner">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('ui.import.running', { written: fmt(running.written), total: fmt(running.total) })}
        </Text>
        <Progress value={running.total > 0 ? (100 * running.written) / running.total : 0} size="sm" aria-label={t('ui.import.importing')} />
        <Text size="xs" c="dimmed">
          {t('ui.import.runningHint', { file: running.batches.map((b) => b.fileName).join('、') })}
        </Text>
      </Stack>
    </Alert>
  );
}
