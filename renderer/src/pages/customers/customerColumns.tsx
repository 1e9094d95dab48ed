/** The columns of the customer list (sort keys are the API's CustomerSortColumn). */
import { Badge, Group, Text } from '@mantine/core';
import type { CustomerListRow } from '../../../../shared/api/customers';
import type { DataColumn } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { STATUS_COLORS, useCustomerLabels } from './labels';

export function useCustomerColumns(defaultTermDays: number | undefined): DataColumn<CustomerListRow>[] {
  const { t, locale } = useI18n();
  const labels = useCustomerLabels();
  // English headers and values run longer than Chinese; the columns still have to fit 1280px without scrolling.
  const w = (zh: number, en: number) => (locale === 'en' ? en : zh);
  return [
    {
      key: 'code',
      header: t('customers.field.code'),
      width: w(84, 80),
      sortable: true,
      cell: (r) => (
        <Text span size="sm" ff="monospace">
          {r.code}
        </Text>
      ),
    },
    {
      key: 'name',
      header: t('customers.field.name'),
      width: locale === 'en' ? 'minmax(160px, 3fr)' : 'minmax(200px, 3fr)',
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
    { key: 'kind', header: t('customers.field.kind'), width: w(84, 88), sortable: true, cell: (r) => labels.kind(r.kind) },
    { key: 'grade', header: t('customers.field.grade'), width: w(64, 72), align: 'center', sortable: true, cell: (r) => r.grade ?? '' },
    { key: 'region', header: t('customers.field.region'), width: w(72, 80), sortable: true, cell: (r) => r.region },
    { key: 'salesperson', header: t('customers.field.salesperson'), width: w(76, 96), sortable: true, cell: (r) => r.salesperson },
    {
      key: 'contact',
      header: t('customers.field.contact'),
      width: w(170, 158),
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
    { key: 'creditLimitFen', header: t('customers.field.creditLimit'), width: w(120, 116), sortable: true, money: (r) => r.creditLimitFen },
    {
      key: 'paymentTermDays',
      header: t('customers.list.term'),
      width: w(76, 70),
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
      key: 'lastInteractionDate',
      header: t('customers.field.lastInteraction'),
      width: w(96, 112),
      sortable: true,
      cell: (r) => r.lastInteractionDate ?? '',
    },
    {
      key: 'status',
      header: t('customers.field.status'),
      width: w(64, 76),
      sortable: true,
      cell: (r) => (
        <Badge size="sm" variant="light" tt="none" color={STATUS_COLORS[r.status]}>
          {labels.status(r.status)}
        </Badge>
      ),
    },
  ];
}
