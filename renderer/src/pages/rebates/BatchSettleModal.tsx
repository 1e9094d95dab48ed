/**
 * Batch settlement: every listed period that has ended, earned a rebate and
 * is not settled, one `rebates.settle` call each (so each is its own audited,
 * approvable act), with a progress bar that can be stopped between periods.
 */
import { Button, Group, Modal, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { RebatePayout, RebateProgressRow } from '../../../../shared/api/rebates';
import { formatFen } from '../../../../shared/money/format';
import { apiClient } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export function BatchSettleModal({ rows, opened, onClose }: { rows: RebateProgressRow[]; opened: boolean; onClose(): void }) {
  const t = useT();
  const [as, setAs] = useState<RebatePayout>('credit');
  const [done, setDone] = useState<number | null>(null);
  const [failed, setFailed] = useState<string[]>([]);
  const stop = useRef(false);
  const total = rows.reduce((s, r) => s + r.earnedFen - r.settledFen, 0);

  const start = async () => {
    stop.current = false;
    setFailed([]);
    setDone(0);
    const errors: string[] = [];
    let ok = 0;
    for (let i = 0; i < rows.length && !stop.current; i++) {
      try {
        await apiClient().call('rebates.settle', { targetId: rows[i].target.id, as });
        ok++;
      } catch (e) {
        errors.push(`${rows[i].contractNo}：${e instanceof Error ? e.message : String(e)}`);
        setFailed([...errors]);
      }
      setDone(i + 1);
    }
    notifySuccess(t('rebates.batch.done', { ok, failed: errors.length }));
  };
  const running = done !== null && done < rows.length && !stop.current;

  return (
    <Modal opened={opened} onClose={() => { stop.current = true; setDone(null); onClose(); }} title={t('rebates.batch.title')} size="lg" data-testid="batch-settle">
      <Stack gap="sm">
        <Text size="sm">{t('rebates.batch.body', { n: rows.length, amount: formatFen(total) })}</Text>
        <Group gap="xs">
          <Text size="sm">{t('rebates.batch.as')}</Text>
          <SegmentedControl
            size="xs"
            value={as}
            onChange={(v) => setAs(v as RebatePayout)}
            data={[
              { value: 'credit', label: t('rebates.batch.credit') },
              { value: 'cash', label: t('rebates.batch.cash') },
            ]}
          />
        </Group>
        {done !== null && (
          <>
            <Progress value={rows.length ? (done / rows.length) * 100 : 100} size="lg" animated={running} data-testid="batch-progress" />
            <Text size="sm" data-testid="batch-count">
              {t('rebates.batch.progress', { done, total: rows.length })}
              {failed.length > 0 && ` · ${t('rebates.batch.failed', { n: failed.length })}`}
            </Text>
            {failed.slice(0, 10).map((f) => (
              <Text key={f} size="xs" c="red">
                {f}
              </Text>
            ))}
          </>
        )}
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={() => { stop.current = true; }}>
              {t('rebates.batch.cancel')}
            </Button>
          ) : (
            <Button onClick={() => void start()} disabled={rows.length === 0 || done !== null} data-testid="batch-start">
              {t('rebates.batch.start')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
