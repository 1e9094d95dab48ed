/**
 * The settlement sheet (返利结算单) in a drawer: every figure of the
 * calculation from the base's parts to the rounded line, the settlements so
 * far, and the actions — settle as credit or cash once the period has ended,
 * or an adjusting settlement when the figures changed after settling. The
 * service says why an action is not possible; the button shows that reason.
 */
import { Alert, Badge, Button, Divider, Drawer, Group, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { RebatePayout, RebateSheet } from '../../../../shared/api/rebates';
import { formatFen } from '../../../../shared/money/format';
import { formatPpmPercent, tierPayoutText } from '../../../../shared/rebates/policyText';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { RebateProgressBar } from './RebateProgressBar';
import { attainmentText, gapText, periodText, tierText } from './rebateText';

/** Exact fen as decimal text → yuan with every digit kept ("123456.5" fen → ¥1,234.565). */
function exactYuan(fenText: string): string {
  const [whole, frac = ''] = fenText.split('.');
  const fen = Number(whole);
  const base = formatFen(fen);
  return frac ? `${base}${frac.replace(/0+$/, '')}` : base;
}

function Line({ label, children, strong }: { label: string; children: React.ReactNode; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={strong ? 600 : undefined}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}

export function RebateSheetBody({ sheet }: { sheet: RebateSheet }) {
  const t = useT();
  const r = sheet.row;
  const rate = (ppm: number) => formatPpmPercent(ppm);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          {t('rebates.sheet.contract')} {r.contractNo} · {r.customer.name}
        </Text>
        <Text size="sm" c="dimmed">
          {t('rebates.sheet.period')} {periodText(r)} · {t('rebates.sheet.asOf')} {r.asOf}
        </Text>
      </Group>
      <RebateProgressBar row={r} />
      <Text size="sm" c="dimmed">
        {gapText(t, r)}
      </Text>
      <Table withRowBorders={false} verticalSpacing={3} data-testid="rebate-sheet">
        <Table.Tbody>
          {r.target.basis === 'sales' ? (
            <>
              <Line label={t('rebates.sheet.invoiced')}>
                <Money fen={sheet.parts.invoicedFen} />
              </Line>
              <Line label={t('rebates.sheet.returns')}>
                <Money fen={-sheet.parts.returnsFen} />
              </Line>
            </>
          ) : (
            <Line label={t('rebates.sheet.collected')}>
              <Money fen={sheet.parts.collectedFen} />
            </Line>
          )}
          <Line label={t('rebates.sheet.onTime')}>
            <Money fen={sheet.parts.collectedOnTimeFen} />
          </Line>
          <Line label={`${t('rebates.sheet.base')}（${t(`rebates.basis.${r.target.basis}`)}）`} strong>
            <Money fen={r.baseFen} strong />
          </Line>
          <Line label={t('rebates.sheet.target')}>
            <Money fen={r.target.targetFen} />
          </Line>
          <Line label={t('rebates.sheet.attainment')}>{attainmentText(r.attainmentPpm)}</Line>
          <Line label={`${t('rebates.sheet.tier')}（${t(`rebates.mode.${r.target.mode}`)}）`}>{tierText(t, r)}</Line>
          {sheet.bands.map((b) => {
            const tier = r.target.tiers[b.tierIndex];
            const label =
              r.target.mode === 'whole'
                ? tier.amountFen !== null
                  ? t('rebates.sheet.fixed')
                  : t('rebates.sheet.whole', { rate: rate(b.ratePpm) })
                : b.toFen === null
                  ? t('rebates.sheet.bandOpen', { tier: tierPayoutText(tier), from: exactYuan(b.fromFen), rate: rate(b.ratePpm) })
                  : t('rebates.sheet.band', { tier: tierPayoutText(tier), from: exactYuan(b.fromFen), to: exactYuan(b.toFen), rate: rate(b.ratePpm) });
            return (
              <Line key={b.tierIndex} label={label}>
                {exactYuan(b.amountFen)}
              </Line>
            );
          })}
          <Line label={t('rebates.sheet.tierRebate')}>{exactYuan(sheet.tierExactFen)}</Line>
          {r.target.onTimeRatePpm !== null && (
            <Line label={`${t('rebates.sheet.onTimeRebate')} ${rate(r.target.onTimeRatePpm)}`}>{exactYuan(sheet.onTimeExactFen)}</Line>
          )}
          {sheet.capped && r.target.capFen !== null && (
            <Line label={t('rebates.sheet.capped', { cap: formatFen(r.target.capFen) })}>
              <Money fen={r.target.capFen} />
            </Line>
          )}
          <Line label={t('rebates.sheet.earned')} strong>
            <Money fen={r.earnedFen} strong />
          </Line>
          <Line label={t('rebates.sheet.settled')}>
            <Money fen={r.settledFen} />
          </Line>
          {r.settled && (
            <Line label={t('rebates.sheet.difference')}>
              <Money fen={r.differenceFen} danger={r.differenceFen !== 0} />
            </Line>
          )}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('rebates.form.help')}
      </Text>
      {sheet.settlements.length > 0 && (
        <>
          <Divider label={t('rebates.sheet.history')} labelPosition="left" />
          {sheet.settlements.map((s) => (
            <Group key={s.id} justify="space-between" gap="xs">
              <Text size="sm">
                {s.settledOn} {s.docNo} {s.kind === 'settlement' ? t('rebates.sheet.kindSettlement') : t('rebates.sheet.kindAdjustment')}
                {s.voided && (
                  <Badge ml={6} size="xs" color="gray" variant="light">
                    {t('rebates.sheet.voided')}
                  </Badge>
                )}
              </Text>
              <Money fen={s.amountFen} />
            </Group>
          ))}
        </>
      )}
    </Stack>
  );
}

export function useSettle() {
  const t = useT();
  const settle = useApiMutation('rebates.settle');
  const adjust = useApiMutation('rebates.adjust');
  return {
    busy: settle.isPending || adjust.isPending,
    async run(kind: 'settle' | 'adjust', targetId: string, as: RebatePayout) {
      try {
        const r = await (kind === 'settle' ? settle : adjust).mutateAsync({ targetId, as });
        notifySuccess(t('rebates.sheet.settledNotice', { amount: formatFen(r.settlement.amountFen), docNo: r.settlement.docNo }));
      } catch (e) {
        notifyError(t('common.saveFailed'), e);
      }
    },
  };
}

export function RebateSheetDrawer({ targetId, onClose }: { targetId: string | null; onClose(): void }) {
  const t = useT();
  const q = useApiQuery('rebates.sheet', { targetId: targetId ?? '', asOf: null }, { enabled: targetId !== null });
  const { busy, run } = useSettle();
  const sheet = q.data;
  const withReason = (reason: string | null, button: React.ReactElement) =>
    reason ? (
      <Tooltip label={reason} multiline w={260}>
        <span>{button}</span>
      </Tooltip>
    ) : (
      button
    );
  return (
    <Drawer opened={targetId !== null} onClose={onClose} position="right" size={560} title={t('rebates.sheet.title')} data-testid="rebate-sheet-drawer">
      {q.error && <Alert color="orange">{q.error.message}</Alert>}
      {!sheet ? (
        !q.error && <Loader size="sm" />
      ) : (
        <Stack gap="sm">
          <RebateSheetBody sheet={sheet} />
          <Group gap="xs">
            {withReason(
              sheet.settleBlocked,
              <Button disabled={sheet.settleBlocked !== null} loading={busy} onClick={() => void run('settle', sheet.row.target.id, 'credit')} data-testid="settle-credit">
                {t('rebates.sheet.settleCredit')}
              </Button>,
            )}
            {withReason(
              sheet.settleBlocked,
              <Button variant="default" disabled={sheet.settleBlocked !== null} loading={busy} onClick={() => void run('settle', sheet.row.target.id, 'cash')}>
                {t('rebates.sheet.settleCash')}
              </Button>,
            )}
            {withReason(
              sheet.adjustBlocked,
              <Button variant="light" color="orange" disabled={sheet.adjustBlocked !== null} loading={busy} onClick={() => void run('adjust', sheet.row.target.id, 'credit')}>
                {t('rebates.sheet.adjust')}
              </Button>,
            )}
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
