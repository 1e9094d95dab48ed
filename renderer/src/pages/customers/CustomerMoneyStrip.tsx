/**
 * The figures a boss looks for first, above every tab of a customer card:
 * balance, overdue (amount and the oldest item's days), credit used of the
 * limit as a bar, unapplied prepayment, last receipt and next promise.
 * Balance and overdue open the ledger tab.
 */
import { Group, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';

function Figure({ label, children, hint, onClick, testId }: { label: string; children: ReactNode; hint?: ReactNode; onClick?(): void; testId: string }) {
  const body = (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md" fw={600} component="div">
        {children}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
    </Stack>
  );
  return onClick ? <UnstyledButton onClick={onClick}>{body}</UnstyledButton> : body;
}

export function CustomerMoneyStrip({ customerId, onOpenLedger }: { customerId: string; onOpenLedger(): void }) {
  const t = useT();
  const q = useApiQuery('customers.moneyHeader', { id: customerId });
  const m = q.data;
  if (!m) return <Paper withBorder h={74} />;
  const usedPct = m.creditLimitFen ? Math.round((Math.max(m.balanceFen, 0) / m.creditLimitFen) * 100) : null;
  return (
    <Paper withBorder px="md" py="xs" data-testid="customer-money">
      <Group gap="xl" wrap="nowrap" align="flex-start">
        <Figure label={t('desk.money.balance')} onClick={onOpenLedger} testId="money-balance">
          <Money fen={m.balanceFen} />
        </Figure>
        <Figure
          label={t('desk.money.overdue')}
          onClick={onOpenLedger}
          hint={m.oldestOverdueDays !== null ? t('desk.money.oldest', { days: m.oldestOverdueDays }) : t('desk.money.noOverdue')}
          testId="money-overdue"
        >
          <Money fen={m.overdueFen} danger={m.overdueFen > 0} />
        </Figure>
        <Figure
          label={t('desk.money.credit')}
          hint={
            usedPct !== null ? (
              <Group gap={6} wrap="nowrap">
                <Progress w={90} size="sm" value={Math.min(usedPct, 100)} color={usedPct > 100 ? 'red' : usedPct >= 90 ? 'orange' : 'indigo'} />
                {t('desk.money.creditUsed', { pct: usedPct })}
              </Group>
            ) : undefined
          }
          testId="money-credit"
        >
          {m.creditLimitFen !== null ? <Money fen={m.creditLimitFen} /> : <Text c="dimmed">{t('desk.money.noLimit')}</Text>}
        </Figure>
        <Figure label={t('desk.money.unapplied')} testId="money-unapplied">
          <Money fen={m.unappliedFen} />
        </Figure>
        <Figure label={t('desk.money.lastReceipt')} hint={m.lastReceipt?.date} testId="money-last-receipt">
          {m.lastReceipt ? <Money fen={m.lastReceipt.amountFen} /> : t('desk.money.none')}
        </Figure>
        <Figure label={t('desk.money.nextPromise')} hint={m.nextPromise?.date} testId="money-next-promise">
          {m.nextPromise ? <Money fen={m.nextPromise.amountFen} /> : t('desk.money.none')}
        </Figure>
      </Group>
    </Paper>
  );
}
