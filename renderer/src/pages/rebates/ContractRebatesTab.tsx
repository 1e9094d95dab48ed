/**
 * The contract page's 返利 tab: each target period with its progress bar
 * (ticks at the tiers), base, attainment, earned, projection and the gap to
 * the next tier in money; add, edit, remove, and the settlement sheet.
 */
import { Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDiscount } from '@tabler/icons-react';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/api/contracts';
import type { RebateTargetDto } from '../../../../shared/api/rebates';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { RebateProgressBar } from './RebateProgressBar';
import { RebateSheetDrawer } from './RebateSheetDrawer';
import { STATUS_COLORS, attainmentText, gapText, lineText, periodText, tierText } from './rebateText';
import { TargetFormModal } from './TargetFormModal';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function ContractRebatesTab({ contract }: { contract: ContractDetail }) {
  const t = useT();
  const q = useApiQuery('rebates.contractTargets', { contractId: contract.id, asOf: null });
  const remove = useApiMutation('rebates.removeTarget');
  const [editing, setEditing] = useState<RebateTargetDto | null | 'new'>(null);
  const [sheet, setSheet] = useState<string | null>(null);

  if (!q.data) return <Loader size="sm" />;
  const rows = q.data;
  const add = (
    <Button size="xs" onClick={() => setEditing('new')} data-testid="add-target">
      {t('rebates.tab.add')}
    </Button>
  );
  const doRemove = async (target: RebateTargetDto) => {
    if (!window.confirm(t('rebates.tab.removeConfirm', { period: `${target.periodFrom} ~ ${target.periodTo}` }))) return;
    try {
      await remove.mutateAsync({ id: target.id });
      notifySuccess(t('rebates.tab.removed'));
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };

  return (
    <Stack gap="sm" data-testid="contract-rebates">
      {rows.length === 0 ? (
        <EmptyState icon={IconDiscount} compact title={t('rebates.tab.empty')} description={t('rebates.tab.emptyHint')} actions={add} />
      ) : (
        <Group justify="flex-end">{add}</Group>
      )}
      {rows.map((r) => (
        <Paper key={r.target.id} withBorder p="sm" data-testid="target-card">
          <Group justify="space-between" mb={4}>
            <Group gap="xs">
              <Text fw={600}>{periodText(r)}</Text>
              {r.target.contractLine && (
                <Badge size="sm" variant="outline" color="grape" tt="none" data-testid="target-line">
                  {lineText(t, r)}
                </Badge>
              )}
              <Badge size="sm" variant="light" tt="none">
                {t(`rebates.basis.${r.target.basis}`)} · {t(`rebates.mode.${r.target.mode}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {r.target.tiersText}
              </Text>
              <Badge size="sm" variant="light" color={STATUS_COLORS[r.status]} tt="none" data-testid="target-status">
                {t(`rebates.status.${r.status}`)}
              </Badge>
            </Group>
            <Group gap={6}>
              <Button size="xs" variant="light" onClick={() => setSheet(r.target.id)} data-testid="open-sheet">
                {t('rebates.tab.sheet')}
              </Button>
              <Button size="xs" variant="default" disabled={r.settled} onClick={() => setEditing(r.target)}>
                {t('rebates.tab.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" disabled={r.settled} onClick={() => void doRemove(r.target)}>
                {t('rebates.tab.remove')}
              </Button>
            </Group>
          </Group>
          <RebateProgressBar row={r} />
          <SimpleGrid cols={7} mt="xs" spacing="xs">
            <Figure label={t('rebates.col.target')}>
              <Money fen={r.target.targetFen} />
            </Figure>
            <Figure label={t('rebates.col.base')}>
              <Money fen={r.baseFen} />
            </Figure>
            <Figure label={t('rebates.col.attainment')}>{attainmentText(r.attainmentPpm)}</Figure>
            <Figure label={t('rebates.col.tier')}>{tierText(t, r)}</Figure>
            <Figure label={t('rebates.col.earned')}>
              <Money fen={r.earnedFen} />
            </Figure>
            <Figure label={t('rebates.col.projected')}>{r.ended ? t('rebates.ended') : <Money fen={r.projectedEarnedFen} />}</Figure>
            <Figure label={t('rebates.col.settled')}>
              <Money fen={r.settledFen} />
            </Figure>
          </SimpleGrid>
          <Text size="sm" mt={4} c={r.next ? 'indigo' : 'teal'} data-testid="target-gap">
            {gapText(t, r)}
            {!r.ended && ` · ${t('rebates.daysLeft', { days: r.daysLeft })}`}
          </Text>
        </Paper>
      ))}
      <TargetFormModal
        opened={editing !== null}
        contract={{ id: contract.id, startsOn: contract.startsOn, endsOn: contract.endsOn, lines: contract.lines }}
        target={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <RebateSheetDrawer targetId={sheet} onClose={() => setSheet(null)} />
    </Stack>
  );
}
