/**
 * 未核销明细 (open items) of one customer as of a date: the invoices still
 * open with their days overdue (red when overdue), then the receipts and
 * credits not applied yet (预收). Row click opens the document.
 */
import { Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import type { OpenItems } from '../../../../shared/api/ledger';
import { useApiQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { useLedgerLabels } from './labels';

type Debit = OpenItems['debits'][number];
type Credit = OpenItems['credits'][number];

export function OpenItemsView({ customerId, asOf, onOpen }: { customerId: string; asOf: string | null; onOpen(docId: string): void }) {
  const t = useT();
  const labels = useLedgerLabels();
  const q = useApiQuery('ledger.openItems', { customerId, asOf });
  const data = q.data;

  const debitColumns: DataColumn<Debit>[] = [
    { key: 'docNo', header: t('ledger.col.docNo'), width: 150, cell: (d) => <span style={{ fontFamily: 'monospace' }}>{d.docNo}</span> },
    { key: 'kind', header: t('ledger.col.kind'), width: 90, cell: (d) => labels.kind(d.kind) },
    { key: 'date', header: t('ledger.col.date'), width: 104, cell: (d) => <span className="amount">{d.date}</span> },
    { key: 'dueOn', header: t('ledger.col.dueOn'), width: 104, cell: (d) => <span className="amount">{d.dueOn ?? d.date}</span> },
    { key: 'memo', header: t('ledger.col.memo'), width: 'minmax(140px, 2fr)', cell: (d) => d.memo },
    { key: 'amount', header: t('ledger.col.amount'), width: 140, money: (d) => d.amountFen },
    {
      key: 'open',
      header: t('ledger.col.open'),
      width: 140,
      align: 'right',
      cell: (d) => <Money fen={d.openFen} danger={d.daysOverdue > 0} />,
      footer: data ? <Money fen={data.openDebitFen} strong /> : undefined,
    },
    {
      key: 'overdue',
      header: t('ledger.col.overdueDays'),
      width: 110,
      align: 'right',
      cell: (d) =>
        d.daysOverdue > 0 ? (
          <Text span size="sm" c="red.7">
            {t('ledger.view.overdueDays', { days: d.daysOverdue })}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('ledger.view.notDue')}
          </Text>
        ),
    },
  ];
  const creditColumns: DataColumn<Credit>[] = [
    { key: 'docNo', header: t('ledger.col.docNo'), width: 150, cell: (c) => <span style={{ fontFamily: 'monospace' }}>{c.docNo}</span> },
    { key: 'kind', header: t('ledger.col.kind'), width: 90, cell: (c) => labels.kind(c.kind) },
    { key: 'date', header: t('ledger.col.date'), width: 104, cell: (c) => <span className="amount">{c.date}</span> },
    { key: 'memo', header: t('ledger.col.memo'), width: 'minmax(140px, 2fr)', cell: (c) => c.memo },
    { key: 'amount', header: t('ledger.col.amount'), width: 140, money: (c) => c.amountFen },
    {
      key: 'unapplied',
      header: t('ledger.summary.unapplied'),
      width: 140,
      money: (c) => c.unappliedFen,
      footer: data ? <Money fen={data.unappliedFen} strong /> : undefined,
    },
  ];

  return (
    <Stack gap="sm" data-testid="open-items">
      <DataTable
        rows={data?.debits ?? []}
        columns={debitColumns}
        rowKey={(d) => d.debitId}
        height="auto"
        maxHeight={420}
        loading={q.isPending}
        onRowClick={(d) => onOpen(d.debitId)}
        empty={<EmptyState compact icon={IconChecks} title={t('ledger.view.nothingOpen')} />}
      />
      {data && data.credits.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('ledger.view.unappliedCredits')}
          </Text>
          <DataTable
            rows={data.credits}
            columns={creditColumns}
            rowKey={(c) => c.creditId}
            height="auto"
            maxHeight={240}
            onRowClick={(c) => onOpen(c.creditId)}
          />
        </>
      )}
    </Stack>
  );
}
