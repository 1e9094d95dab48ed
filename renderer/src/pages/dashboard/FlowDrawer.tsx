/**
 * The documents behind a dashboard flow figure: a month's receipts (回款) or
 * the invoices of DSO's 90 days, voided ones left out as the figure leaves
 * them out. Paged and virtualized (a busy month has thousands of receipts);
 * a row opens the ledger's document drawer.
 */
import { Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { ArDocumentRow } from '../../../../shared/api/ledger';
import { usePagedList } from '../../api/usePagedList';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { useDocumentDrawer } from '../ledger/document/useDocumentDrawer';

export interface FlowTarget {
  kind: 'receipt' | 'invoice';
  from: string;
  to: string;
  title: string;
  /** The dashboard's own figure, shown as the total. */
  totalFen: number;
}

function FlowList({ target, openDocument }: { target: FlowTarget; openDocument(id: string): void }) {
  const t = useT();
  const list = usePagedList('ledger.documents', { kinds: [target.kind], from: target.from, to: target.to, includeVoided: false }, 200);
  const columns: DataColumn<ArDocumentRow>[] = [
    { key: 'date', header: t('aging.items.date'), width: 100, cell: (r) => r.date },
    { key: 'docNo', header: t('aging.items.docNo'), width: 140, cell: (r) => r.docNo },
    { key: 'customer', header: t('aging.report.name'), width: 'minmax(160px, 2fr)', cell: (r) => `${r.customerCode} ${r.customerName}` },
    { key: 'amount', header: t('aging.dashboard.amount'), width: 130, money: (r) => r.amountFen },
  ];
  return (
    <DataTable
      rows={list.rows}
      columns={columns}
      rowKey={(r) => r.id}
      height="calc(100vh - 160px)"
      total={list.total}
      loading={list.loading}
      onLoadMore={list.loadMore}
      loadingMore={list.loadingMore}
      onRowClick={(r) => openDocument(r.id)}
      empty={<EmptyState compact title={t('aging.dashboard.receiptsNone')} />}
      data-testid="flow-table"
    />
  );
}

export function FlowDrawer({ target, onClose }: { target: FlowTarget | null; onClose(): void }) {
  const documents = useDocumentDrawer();
  return (
    <>
      <Drawer opened={target !== null} onClose={onClose} position="right" size={720} title={null} data-testid="flow-drawer">
        {target && (
          <Stack gap="sm">
            <Group justify="space-between" align="baseline">
              <Title order={4}>{target.title}</Title>
              <Text size="sm">
                <Money fen={target.totalFen} strong />
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {target.from} – {target.to}
            </Text>
            <FlowList key={`${target.kind}-${target.from}-${target.to}`} target={target} openDocument={documents.open} />
          </Stack>
        )}
      </Drawer>
      {documents.drawer}
    </>
  );
}
