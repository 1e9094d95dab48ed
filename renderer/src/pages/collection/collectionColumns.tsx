/**
 * Columns of 今日催收: rank, customer (with a red 未兑现 / neutral 已承诺
 * mark), contact and mobile, last interaction, promise, overdue total and
 * age, the oldest overdue items, and the one-click 记录电话. Every amount
 * opens what it is made of: the overdue total the customer's open items, an
 * item's amount its document, a promise the customer's interactions.
 */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import type { CollectionRow } from '../../../../shared/api/alerts';
import type { DataColumn } from '../../components/DataTable';
import { ClickableAmount } from '../../components/ClickableAmount';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

/** Items shown per row; the rest are counted ("另有 n 笔"). */
const ITEMS_SHOWN = 3;

const stop = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

export interface CollectionActions {
  logCall(row: CollectionRow): void;
  /** The customer's open items (what the overdue total is made of). */
  openItems(row: CollectionRow): void;
  openDocument(docId: string): void;
}

export function useCollectionColumns(actions: CollectionActions): DataColumn<CollectionRow>[] {
  const t = useT();
  return [
    { key: 'rank', header: t('alerts.collection.rank'), width: 36, align: 'right', cell: (r) => <span className="amount">{r.rank}</span> },
    {
      key: 'customer',
      header: t('alerts.collection.customer'),
      width: 'minmax(170px, 1.5fr)',
      cell: (r) => (
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text span size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
              {r.customerCode}
            </Text>
            <Anchor size="sm" fw={500} truncate onClick={stop(() => navigate(`/customers/${r.customerId}`))}>
              {r.customerName}
            </Anchor>
          </Group>
          {r.group === 'broken' && (
            <Badge size="xs" color="red" variant="filled" tt="none" w="fit-content" data-testid="collection-broken">
              {t('alerts.kind.promise_broken')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'contact',
      header: t('alerts.collection.contact'),
      width: 116,
      cell: (r) =>
        r.contact ? (
          <Stack gap={0}>
            <Text size="sm">{r.contact.name}</Text>
            <Text size="sm" className="amount" style={{ textAlign: 'left' }}>
              {r.contact.mobile || r.contact.phone}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('alerts.collection.noContact')}
          </Text>
        ),
    },
    {
      key: 'last',
      header: t('alerts.collection.lastInteraction'),
      width: 'minmax(140px, 1.4fr)',
      cell: (r) =>
        r.lastInteraction ? (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {r.lastInteraction.date} · {t(`customers.channel.${r.lastInteraction.channel}`)}
            </Text>
            <Text size="sm" lineClamp={2}>
              {r.lastInteraction.summary}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('alerts.collection.noInteraction')}
          </Text>
        ),
    },
    {
      key: 'promise',
      header: t('alerts.collection.promise'),
      width: 150,
      cell: (r) => {
        const p = r.promise;
        if (!p) return null;
        // Status and date on one line, the amount under it: a date never breaks across lines.
        return (
          <Stack gap={0} c={p.status === 'broken' ? 'red.7' : p.status === 'pending' ? undefined : 'dimmed'} data-testid="collection-promise">
            <Text size="xs" inherit style={{ whiteSpace: 'nowrap' }}>
              {t(`alerts.collection.${p.status}`, { date: p.promiseDate })}
            </Text>
            <Text size="sm" inherit style={{ textAlign: 'left' }}>
              <ClickableAmount
                fen={p.amountFen}
                showZero
                title={t('alerts.collection.openPromise')}
                onClick={() => navigate(`/customers/${r.customerId}?tab=interactions`)}
                data-testid="collection-promise-amount"
              />
            </Text>
          </Stack>
        );
      },
    },
    {
      key: 'overdue',
      header: t('alerts.collection.overdue'),
      width: 116,
      align: 'right',
      cell: (r) => (
        <Stack gap={0} align="flex-end">
          <ClickableAmount
            fen={r.overdueFen}
            danger={r.overdueFen > 0}
            strong
            title={t('alerts.collection.openItems', { customer: r.customerName })}
            onClick={() => actions.openItems(r)}
            data-testid="collection-overdue-amount"
          />
          {r.oldestDays > 0 && (
            <Text size="xs" c="dimmed">
              {t('alerts.collection.daysLate', { days: r.oldestDays })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'items',
      header: t('alerts.collection.items'),
      width: 'minmax(180px, 1.3fr)',
      cell: (r) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          {r.items.slice(0, ITEMS_SHOWN).map((i) => (
            // Number and open amount on the line; the due date and age on hover.
            <Group key={i.docId} gap={6} wrap="nowrap" justify="space-between" title={`${i.dueOn} · ${t('alerts.collection.daysLate', { days: i.days })}`}>
              <Text span size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {i.docNo}
              </Text>
              <Text span size="xs" style={{ flexShrink: 0 }}>
                <ClickableAmount fen={i.openFen} title={t('alerts.collection.openDocument', { docNo: i.docNo })} onClick={() => actions.openDocument(i.docId)} data-testid="collection-item-amount" />
              </Text>
            </Group>
          ))}
          {r.items.length > ITEMS_SHOWN && (
            <Text size="xs" c="dimmed">
              {t('alerts.collection.itemsMore', { count: r.items.length - ITEMS_SHOWN })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: '',
      width: 112,
      cell: (r) => (
        <Button size="compact-sm" variant="light" leftSection={<IconPhone size={14} />} onClick={stop(() => actions.logCall(r))} data-testid="collection-log-call">
          {t('alerts.collection.logCall')}
        </Button>
      ),
    },
  ];
}
