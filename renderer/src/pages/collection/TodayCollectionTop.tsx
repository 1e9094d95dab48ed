/**
 * The top of today's collection list, for the dashboard: how many customers
 * are on it and how that splits (overdue / broken promise only — each count
 * opens the list showing exactly those rows), then the first few to call;
 * an amount opens the customer's open items.
 */
import { Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { ClickableAmount } from '../../components/ClickableAmount';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { OpenItemsDrawer, type OpenItemsTarget } from '../aging/OpenItemsDrawer';
import { DashCard } from '../dashboard/DashCard';
import { collectionHref } from './collectionFilter';

export function TodayCollectionTop({ count = 5 }: { count?: number }) {
  const t = useT();
  const list = useApiQuery('collection.today', { asOf: null, limit: count }).data;
  const [items, setItems] = useState<OpenItemsTarget | null>(null);
  return (
    <DashCard title={t('alerts.collection.top')} action={{ label: t('alerts.collection.openAll'), onClick: () => navigate('/collection') }} data-testid="today-collection-top">
      {list && list.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('alerts.collection.none')}
        </Text>
      )}
      {list && list.total > 0 && (
        <Group gap={6} data-testid="collection-split">
          <Anchor component="button" size="sm" onClick={() => navigate(collectionHref('all'))} data-testid="collection-split-all">
            {t('alerts.collection.split', { count: list.total })}
          </Anchor>
          <Text span size="sm" c="dimmed">
            ·
          </Text>
          <Anchor component="button" size="sm" c="red.7" onClick={() => navigate(collectionHref('overdue'))} data-testid="collection-split-overdue">
            {t('alerts.collection.splitOverdue', { count: list.overdueCustomers })}
          </Anchor>
          {list.brokenPromiseCustomers > 0 && (
            <>
              <Text span size="sm" c="dimmed">
                ·
              </Text>
              <Anchor component="button" size="sm" c="red.7" onClick={() => navigate(collectionHref('promise'))} data-testid="collection-split-promise">
                {t('alerts.collection.splitPromise', { count: list.brokenPromiseCustomers })}
              </Anchor>
            </>
          )}
        </Group>
      )}
      {list?.rows.map((r) => (
        <Group key={r.customerId} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text span size="sm" c="dimmed" className="amount" w={18}>
              {r.rank}
            </Text>
            <Anchor size="sm" truncate onClick={() => navigate(`/customers/${r.customerId}`)}>
              {r.customerName}
            </Anchor>
            {r.group === 'broken' && (
              <Text span size="xs" c="red.7" style={{ flexShrink: 0 }}>
                {t('alerts.kind.promise_broken')}
              </Text>
            )}
          </Group>
          <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
            {r.contact?.mobile && (
              <Text span size="xs" c="dimmed" className="amount">
                {r.contact.name} {r.contact.mobile}
              </Text>
            )}
            <ClickableAmount
              fen={r.overdueFen}
              danger={r.overdueFen > 0}
              title={t('alerts.collection.openItems', { customer: r.customerName })}
              onClick={() => setItems({ customerId: r.customerId, asOf: list.asOf, basis: 'due', bucket: null })}
            />
          </Group>
        </Group>
      ))}
      <OpenItemsDrawer target={items} onClose={() => setItems(null)} />
    </DashCard>
  );
}
