/**
 * The top of the contract page: number, title, kind and status; the
 * customer (a link to its card); the figures a boss looks for first
 * (amount, signed, term with days left, schedule, signed copies); and a
 * banner when the state needs explaining (expired, reopened, terminated).
 */
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContractDetail } from '../../../../shared/api/contracts';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { ContractActions } from './ContractActions';
import { ContractStatusBadge } from './ContractStatusBadge';
import { useContractLabels } from './labels';
import { dateOf } from '../../components/dateText';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function ContractHeader({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const labels = useContractLabels();
  const endHint = labels.endHint(c);
  const activeAttachments = c.attachments.filter((a) => a.removedAt === null).length;
  const none = t('contracts.page.none');
  const nothing = t('contracts.page.nothing');

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            <Text ff="monospace" c="dimmed" size="lg" data-testid="contract-no" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {c.contractNo}
            </Text>
            <Title
              order={3}
              data-testid="contract-title"
              title={c.title}
              style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
            >
              {c.title || labels.kind(c.kind)}
            </Title>
            <Badge tt="none" variant="light" color="gray" size="md" style={{ flexShrink: 0 }}>
              {labels.kind(c.kind)}
            </Badge>
            <ContractStatusBadge status={c.displayStatus} size="md" />
          </Group>
          <Group gap={6}>
            <Anchor size="sm" onClick={() => navigate(`/customers/${c.customerId}?tab=contracts`)} data-testid="contract-customer">
              <Text span ff="monospace" size="sm">
                {c.customerCode}
              </Text>{' '}
              {c.customerName}
            </Anchor>
            {c.salesperson && (
              <Text size="sm" c="dimmed">
                · {t('contracts.field.salesperson')} {c.salesperson}
              </Text>
            )}
          </Group>
        </Stack>
        <ContractActions contract={c} />
      </Group>

      <Paper withBorder px="md" py="sm">
        {/* The term (two dates and the days left) gets a double column so it stays on one line. */}
        <SimpleGrid spacing="lg" style={{ gridTemplateColumns: 'repeat(2, minmax(0, 1fr)) minmax(0, 2fr) repeat(2, minmax(0, 1fr))' }}>
          <Fact label={t('contracts.field.amount')} testId="contract-amount">
            <Text span size="lg" fw={600}>
              <Money fen={c.amountFen} />
            </Text>
            {c.amountManual && (
              <Text span size="xs" c="dimmed" ml={6}>
                {t('contracts.page.manualAmount')}
              </Text>
            )}
          </Fact>
          <Fact label={t('contracts.field.signedOn')}>{c.signedOn ?? none}</Fact>
          <Fact label={t('contracts.page.term')} testId="contract-term">
            {c.startsOn || c.endsOn ? `${c.startsOn ?? '…'} ~ ${c.endsOn ?? '…'}` : none}
            {endHint && (
              <Text span size="xs" ml={6} c={c.displayStatus === 'expired' ? 'orange.8' : c.daysToEnd !== null && c.daysToEnd <= 30 ? 'orange.8' : 'dimmed'}>
                {endHint}
              </Text>
            )}
          </Fact>
          <Fact label={t('contracts.page.schedule')}>
            {c.installments.length ? t('contracts.page.installmentCount', { count: c.installments.length }) : nothing}
          </Fact>
          <Fact label={t('contracts.page.attachments')}>{activeAttachments ? t('contracts.page.attachmentCount', { count: activeAttachments }) : nothing}</Fact>
        </SimpleGrid>
      </Paper>

      {c.displayStatus === 'expired' && (
        <Alert color="orange" variant="light" py={8} data-testid="expired-banner">
          {t('contracts.page.expiredBanner', { date: c.endsOn ?? '' })}
        </Alert>
      )}
      {c.status === 'draft' && c.reopenedAt && (
        <Alert color="orange" variant="light" py={8}>
          {t('contracts.page.reopenedBanner', { date: dateOf(c.reopenedAt), reason: c.reopenReason ?? '' })}
        </Alert>
      )}
      {c.status === 'terminated' && (
        <Alert color="gray" variant="light" py={8}>
          {t('contracts.page.terminatedBanner', {
            date: c.terminatedAt ? dateOf(c.terminatedAt) : '',
            reason: c.terminatedReason ?? '',
          })}
        </Alert>
      )}
    </Stack>
  );
}
