/**
 * 往来记录 of one customer: the quick entry on top (the clerk is on the phone
 * and types as they talk), the timeline below, newest first.
 */
import { Badge, Group, Loader, Paper, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconCalendarEvent, IconCash, IconMessages } from '@tabler/icons-react';
import type { Interaction } from '../../../../shared/api/customers';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/I18nProvider';
import { InteractionForm } from './InteractionForm';
import { CHANNEL_COLORS, useCustomerLabels } from './labels';

export function InteractionsTab({ customerId, readOnly }: { customerId: string; readOnly?: boolean }) {
  const t = useT();
  const list = useApiQuery('interactions.list', { customerId });
  return (
    <Stack gap="md">
      {!readOnly && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={6}>
            {t('customers.interactions.quickTitle')}
          </Text>
          <InteractionForm customerId={customerId} />
        </Paper>
      )}
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.data?.length ? (
        <InteractionTimeline items={list.data} />
      ) : (
        <EmptyState
          compact
          icon={IconMessages}
          title={t('customers.interactions.emptyTitle')}
          description={t('customers.interactions.emptyBody')}
        />
      )}
    </Stack>
  );
}

/** Interactions as a timeline; also used by the calendar popover for one day. */
export function InteractionTimeline({ items, dense }: { items: readonly Interaction[]; dense?: boolean }) {
  const t = useT();
  const labels = useCustomerLabels();
  return (
    <Timeline bulletSize={dense ? 20 : 24} lineWidth={2} data-testid="interaction-timeline">
      {items.map((i) => (
        <Timeline.Item
          key={i.id}
          bullet={
            <ThemeIcon size={dense ? 20 : 24} radius="xl" color={CHANNEL_COLORS[i.channel]}>
              <Text span size="xs" fw={700}>
                {i.channel}
              </Text>
            </ThemeIcon>
          }
          title={
            <Group gap="xs">
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {i.date}
              </Text>
              <Text size="xs" c="dimmed">
                {labels.channel(i.channel)}
              </Text>
              {!dense && (
                <Text size="xs" c="dimmed">
                  · {t('customers.interactions.by', { user: i.user })}
                </Text>
              )}
            </Group>
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.summary}
          </Text>
          {(i.promiseDate || i.nextFollowUp) && (
            <Group gap="xs" mt={4}>
              {i.promiseDate && i.promiseAmountFen !== null && (
                <Badge variant="light" color="grape" size="sm" leftSection={<IconCash size={12} />} style={{ textTransform: 'none' }}>
                  {t('customers.interactions.promiseLine', { date: i.promiseDate, amount: formatFen(i.promiseAmountFen) })}
                </Badge>
              )}
              {i.nextFollowUp && (
                <Badge
                  variant="light"
                  color="orange"
                  size="sm"
                  leftSection={<IconCalendarEvent size={12} />}
                  style={{ textTransform: 'none' }}
                >
                  {t('customers.interactions.followUpLine', { date: i.nextFollowUp })}
                </Badge>
              )}
            </Group>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
