/** The top of today's collection list, for the dashboard: the first few customers to call and a link to the rest. */
import { Anchor, Group, Text } from '@mantine/core';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { DashCard } from '../dashboard/DashCard';

export function TodayCollectionTop({ count = 5 }: { count?: number }) {
  const t = useT();
  const list = useApiQuery('collection.today', { asOf: null, limit: count }).data;
  return (
    <DashCard title={t('alerts.collection.top')} action={{ label: t('alerts.collection.openAll'), onClick: () => navigate('/collection') }} data-testid="today-collection-top">
      {list && list.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('alerts.collection.none')}
        </Text>
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
            <Money fen={r.overdueFen} danger={r.overdueFen > 0} />
          </Group>
        </Group>
      ))}
      {list && list.total > list.rows.length && (
        <Text size="xs" c="dimmed">
          {t('alerts.collection.total', { count: list.total, amount: formatFen(list.overdueFen) })}
        </Text>
      )}
    </DashCard>
  );
}
