/** The 付款计划 tab: the schedule as saved, each part's share, and whether it adds up to the contract amount. */
import { Group, Text } from '@mantine/core';
import { IconCalendarDollar, IconCheck } from '@tabler/icons-react';
import type { ContractDetail, ContractInstallment } from '../../../../shared/api/contracts';
import { formatFen } from '../../../../shared/money/format';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { percentOf } from './contractMath';

export function InstallmentsTable({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const diff = c.installmentsTotalFen - c.amountFen;
  const columns: DataColumn<ContractInstallment>[] = [
    { key: 'seq', header: '#', width: 44, align: 'right', cell: (i) => String(i.seq) },
    { key: 'label', header: t('contracts.installment.label'), width: 'minmax(160px, 2fr)', cell: (i) => i.label },
    {
      key: 'dueOn',
      header: t('contracts.installment.dueOn'),
      width: 130,
      cell: (i) => <span className="amount">{i.dueOn}</span>,
      footer: <Text size="sm" fw={600}>{t('ui.table.total')}</Text>,
    },
    { key: 'amount', header: t('contracts.installment.amount'), width: 160, money: (i) => i.amountFen, footer: <Money fen={c.installmentsTotalFen} strong /> },
    {
      key: 'share',
      header: t('contracts.installment.share'),
      width: 90,
      align: 'right',
      cell: (i) => percentOf(i.amountFen, c.amountFen),
    },
    { key: 'rest', header: '', width: 'minmax(40px, 3fr)', cell: () => null },
  ];

  if (c.installments.length === 0) {
    return (
      <EmptyState
        compact
        icon={IconCalendarDollar}
        title={t('contracts.page.noInstallments')}
        description={c.status === 'draft' ? t('contracts.page.noInstallmentsHint') : undefined}
      />
    );
  }
  return (
    <>
      <DataTable rows={c.installments} columns={columns} rowKey={(i) => i.id} height="auto" maxHeight={420} data-testid="installments-table" />
      <Group gap={6} mt="xs">
        {diff === 0 ? (
          <>
            <IconCheck size={15} color="var(--mantine-color-teal-7)" />
            <Text size="sm" c="teal.7">
              {t('contracts.installment.matchesAmount', { amount: formatFen(c.amountFen) })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="red.7">
            {t(diff > 0 ? 'contracts.installment.over' : 'contracts.installment.under', { amount: formatFen(Math.abs(diff)) })}
          </Text>
        )}
      </Group>
    </>
  );
}
