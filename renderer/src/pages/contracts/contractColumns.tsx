/**
 * Columns of the contract lists (the /contracts list and the customer card's
 * tab; sort keys are the API's ContractSortColumn). The end date carries how
 * many days are left, in orange when the contract ends within 30 days or has
 * expired: that is what the boss scans this list for.
 */
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContractListRow } from '../../../../shared/api/contracts';
import type { DataColumn } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ContractStatusBadge } from './ContractStatusBadge';
import { useContractLabels } from './labels';

/** Within this many days an end date is a warning (the alert rule's default, DESIGN §4). */
const ENDING_SOON_DAYS = 30;

export interface ContractColumnOptions {
  /** The customer column is left out on the customer's own card. */
  withCustomer: boolean;
  /** Content of the footer row under the number and amount columns. */
  footer?: { count: ReactNode; amount: ReactNode };
}

export function useContractColumns({ withCustomer, footer }: ContractColumnOptions): DataColumn<ContractListRow>[] {
  const { t, locale } = useI18n();
  const labels = useContractLabels();
  // English headers and values run longer than Chinese; the columns still have to fit 1280px without scrolling.
  const w = <T,>(zh: T, en: T): T => (locale === 'en' ? en : zh);

  const columns: (DataColumn<ContractListRow> | false)[] = [
    {
      key: 'contractNo',
      header: t('contracts.field.contractNo'),
      width: w(132, 124),
      sortable: true,
      cell: (r) => (
        <Text span size="sm" ff="monospace">
          {r.contractNo}
        </Text>
      ),
      footer: footer?.count,
    },
    withCustomer && {
      key: 'customerName',
      header: t('contracts.field.customer'),
      width: w('minmax(190px, 2fr)', 'minmax(170px, 2fr)'),
      sortable: true,
      cell: (r) => (
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text span size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {r.customerCode}
          </Text>
          <Text span size="sm" truncate title={r.customerName}>
            {r.customerName}
          </Text>
        </Group>
      ),
    },
    { key: 'title', header: t('contracts.field.title'), width: w('minmax(130px, 1.5fr)', 'minmax(110px, 1.5fr)'), sortable: true, cell: (r) => r.title },
    { key: 'kind', header: t('contracts.field.kind'), width: w(100, 140), sortable: true, cell: (r) => labels.kind(r.kind) },
    withCustomer && { key: 'salesperson', header: t('contracts.field.salesperson'), width: w(64, 80), cell: (r) => r.salesperson },
    { key: 'signedOn', header: t('contracts.field.signedOn'), width: w(96, 92), sortable: true, cell: (r) => <span className="amount">{r.signedOn ?? ''}</span> },
    {
      key: 'endsOn',
      header: t('contracts.field.endsOn'),
      width: w(156, 160),
      sortable: true,
      cell: (r) => {
        const hint = labels.endHint(r);
        const warn = r.displayStatus === 'expired' || (r.daysToEnd !== null && r.daysToEnd <= ENDING_SOON_DAYS && hint !== '');
        return (
          <Group gap={6} wrap="nowrap">
            <span className="amount">{r.endsOn ?? ''}</span>
            {hint && (
              <Text span size="xs" c={warn ? 'orange.8' : 'dimmed'}>
                {hint}
              </Text>
            )}
          </Group>
        );
      },
    },
    { key: 'amountFen', header: t('contracts.field.amount'), width: w(132, 124), sortable: true, money: (r) => r.amountFen, footer: footer?.amount },
    {
      key: 'status',
      header: t('contracts.field.status'),
      width: w(76, 102),
      sortable: true,
      cell: (r) => <ContractStatusBadge status={r.displayStatus} />,
    },
  ];
  return columns.filter((c): c is DataColumn<ContractListRow> => c !== false);
}
