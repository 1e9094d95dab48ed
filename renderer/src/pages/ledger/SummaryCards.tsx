/**
 * A customer's receivables at a glance (ledger.summary): balance, overdue
 * (red, the only thing that shouts), credit limit usage, unapplied 预收, and
 * the last invoice and receipt dates. Used above the ledger and beside the
 * entry forms; `compact` stacks the figures for the narrow column.
 */
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomerArSummary } from '../../../../shared/api/ledger';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} component="div" className="amount" ta="left">
        {children}
      </Text>
    </Stack>
  );
}

export function SummaryCards({ summary, compact }: { summary: CustomerArSummary; compact?: boolean }) {
  const t = useT();
  const limit = summary.customer.creditLimitFen;
  const usage = limit && limit > 0 ? Math.round((Math.max(summary.balanceFen, 0) / limit) * 100) : null;
  const usageColor = usage === null ? 'gray' : usage > 100 ? 'red' : usage >= 90 ? 'orange' : 'indigo';
  return (
    <Paper withBorder p="sm" data-testid="ledger-summary">
      <SimpleGrid cols={compact ? 2 : 5} spacing="md" verticalSpacing="xs">
        <Figure label={t('ledger.summary.balance')} testId="summary-balance">
          <Money fen={summary.balanceFen} />
        </Figure>
        <Figure label={t('ledger.summary.overdue')} testId="summary-overdue">
          <Money fen={summary.overdueFen} danger={summary.overdueFen > 0} />
        </Figure>
        <Figure label={t('ledger.summary.unapplied')}>
          <Money fen={summary.unappliedFen} />
        </Figure>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('ledger.summary.creditLimit')}
          </Text>
          {limit === null ? (
            <Text size="sm" c="dimmed">
              {t('ledger.summary.noLimit')}
            </Text>
          ) : (
            <>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  <Money fen={limit} />
                </Text>
                <Text size="xs" c={usageColor === 'indigo' ? 'dimmed' : usageColor} fw={usageColor === 'indigo' ? undefined : 600}>
                  {t('ledger.summary.used', { pct: usage ?? 0 })}
                </Text>
              </Group>
              <Progress value={Math.min(usage ?? 0, 100)} color={usageColor} size="sm" />
            </>
          )}
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('ledger.summary.lastInvoice')} <span className="amount">{summary.lastInvoiceOn ?? '—'}</span>
          </Text>
          <Text size="xs" c="dimmed">
            {t('ledger.summary.lastReceipt')} <span className="amount">{summary.lastReceiptOn ?? '—'}</span>
          </Text>
          <Text size="xs" c="dimmed">
            {t('ledger.summary.term', { days: summary.customer.effectivePaymentTermDays })}
          </Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
