/** The columns of the customer list (sort keys are the API's CustomerSortColumn). */
import { Badge, Group, Text } from '@mantine/core';
import type { CustomerListRow, CustomerPage } from '../../../../shared/api/customers';
import { Money } from '../../components/Money';
import type { DataColumn } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { STATUS_COLORS, useCustomerLabels } from './labels';

export function useCustomerColumns(
  defaultTermDays: number | undefined,
  totals?: CustomerPage['totals'],
): DataColumn<CustomerListRow>[] {
  const { t, locale } = useI18n();
  const labels = useCustomerLabels();
  // English headers and values run longer than Chinese; the columns still have to fit 1366px without scrolling
  // (the last interaction date gave its place to 余额/逾期: it is on the card and in the calendar).
  const w = (zh: number, en: number) => (locale === 'en' ? en : zh);
  return [
    {
      key: 'code',
      header: t('customers.field.code'),
      width: w(86, 80),
      sortable: true,
      footer: totals ? <Text size="sm" fw={600}>{t('desk.customerList.totals')}</Text> : undefined,
      cell: (r) => (
        <Text span size="sm" ff="monospace">
          {r.code}
        </Text>
      ),
    },
    {
      key: 'name',
      header: t('customers.field.name'),
      width: locale === 'en' ? 'minmax(150px, 3fr)' : 'minmax(150px, 3fr)',
      sortable: true,
      cell: (r) =>
        r.archivedAt ? (
          <Group gap={6} wrap="nowrap">
            <Text span size="sm" truncate>
              {r.name}
            </Text>
            <Badge tt="none" size="xs" color="gray" variant="outline" style={{ flexShrink: 0 }}>
              {t('customers.field.archived')}
            </Badge>
          </Group>
        ) : (
          r.name
        ),
    },
    { key: 'kind', header: t('customers.field.kind'), width: w(64, 88), sortable: true, cell: (r) => labels.kind(r.kind) },
    { key: 'grade', header: t('customers.field.grade'), width: w(60, 60), align: 'center', sortable: true, cell: (r) => r.grade ?? '' },
    { key: 'region', header: t('customers.field.region'), width: w(60, 72), sortable: true, cell: (r) => r.region },
    { key: 'salesperson', header: t('customers.field.salesperson'), width: w(72, 84), sortable: true, cell: (r) => r.salesperson },
    {
      key: 'contact',
      header: t('customers.field.contact'),
      width: w(128, 140),
      cell: (r) =>
        r.primaryContact ? (
          <Group gap={8} wrap="nowrap">
            <Text span size="sm" truncate style={{ maxWidth: 64 }}>
              {r.primaryContact.name}
            </Text>
            <Text span size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {r.primaryContact.mobile || r.primaryContact.phone}
            </Text>
          </Group>
        ) : (
          ''
        ),
    },
    { key: 'creditLimitFen', header: t('customers.field.creditLimit'), width: w(108, 108), sortable: true, money: (r) => r.creditLimitFen },
    {
      key: 'paymentTermDays',
      header: t('customers.list.term'),
      width: w(60, 64),
      align: 'right',
      sortable: true,
      cell: (r) =>
        r.paymentTermDays !== null ? (
          t('customers.list.days', { days: r.paymentTermDays })
        ) : defaultTermDays !== undefined ? (
          <Text span size="sm" c="dimmed">
            {t('customers.list.days', { days: defaultTermDays })}
          </Text>
        ) : (
          ''
        ),
    },
    {
      key: 'balanceFen',
      header: t('desk.customerList.balance'),
      width: w(116, 124),
      sortable: true,
      money: (r) => r.balanceFen,
      footer: totals ? <Money fen={totals.balanceFen} strong /> : undefined,
    },
    {
      key: 'overdueFen',
      header: t('desk.customerList.overdue'),
      width: w(112, 120),
      align: 'right',
      sortable: true,
      cell: (r) => (r.overdueFen > 0 ? <Money fen={r.overdueFen} danger /> : ''),
      footer: totals ? <Money fen={totals.overdueFen} strong danger={totals.overdueFen > 0} /> : undefined,
    },
    {
      key: 'status',
      header: t('customers.field.status'),
      width: w(68, 76),
      sortable: true,
      cell: (r) => (
        <Badge size="sm" variant="light" tt="none" color={STATUS_COLORS[r.status]}>
          {labels.status(r.status)}
        </Badge>
      ),
    },
  ];
}
