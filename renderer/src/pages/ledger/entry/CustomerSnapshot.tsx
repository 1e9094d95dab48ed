/**
 * Beside the entry form: the chosen customer's figures and their latest
 * documents, newest first, so the clerk sees each slip land (and can open
 * it, e.g. to void a mistake) without leaving the stack.
 */
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import type { ArDocumentRow } from '../../../../../shared/api/ledger';
import { useApiQuery } from '../../../api/hooks';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { Money } from '../../../components/Money';
import { useT } from '../../../i18n/I18nProvider';
import { navigate } from '../../../shell/router';
import { useDocumentDrawer } from '../document/useDocumentDrawer';
import { KIND_COLORS, useLedgerLabels } from '../labels';
import { SummaryCards } from '../SummaryCards';

const RECENT = 12;

export function CustomerSnapshot({ customerId }: { customerId: string | null }) {
  const t = useT();
  const labels = useLedgerLabels();
  const summary = useApiQuery('ledger.summary', { customerId: customerId ?? '' }, { enabled: Boolean(customerId) });
  const recent = useApiQuery('ledger.documents', { customerId, limit: RECENT }, { enabled: Boolean(customerId) });
  const { open, drawer } = useDocumentDrawer();

  if (!customerId) {
    return (
      <Paper withBorder>
        <EmptyState compact icon={IconReceipt} title={t('ledger.entry.snapshotEmpty')} description={t('ledger.entry.snapshotHint')} />
      </Paper>
    );
  }
  const columns: DataColumn<ArDocumentRow>[] = [
    { key: 'date', header: t('ledger.col.date'), width: 88, cell: (d) => <span className="amount">{d.date}</span> },
    {
      key: 'kind',
      header: t('ledger.col.kind'),
      width: 'minmax(168px, 1fr)',
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <Badge tt="none" size="xs" variant="light" color={KIND_COLORS[d.kind]} px={4} style={{ flexShrink: 0 }}>
            {labels.kind(d.kind)}
          </Badge>
          <Text span size="xs" ff="monospace" td={d.voidedById ? 'line-through' : undefined}>
            {d.docNo}
          </Text>
        </Group>
      ),
    },
    {
      key: 'amount',
      header: t('ledger.col.amount'),
      width: 104,
      align: 'right',
      // Signed as the ledger reads it: what raises the balance positive, what lowers it negative.
      cell: (d) => <Money fen={d.side === 'debit' ? d.amountFen : -d.amountFen} />,
    },
  ];
  return (
    <Stack gap="sm">
      {summary.data && (
        <>
          <Group justify="space-between">
            <Text size="sm" fw={600} truncate>
              {summary.data.customer.code} {summary.data.customer.name}
            </Text>
            <Anchor size="xs" onClick={() => navigate(`/ledger/accounts?customer=${customerId}`)}>
              {t('ledger.entry.openLedger')}
            </Anchor>
          </Group>
          <SummaryCards summary={summary.data} compact />
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('ledger.entry.recent')}
      </Text>
      <DataTable
        rows={recent.data?.rows ?? []}
        columns={columns}
        rowKey={(d) => d.id}
        height="auto"
        maxHeight={420}
        rowHeight={30}
        loading={recent.isPending}
        onRowClick={(d) => open(d.id)}
        empty={<Text size="sm" c="dimmed" p="sm">{t('ledger.entry.noRecent')}</Text>}
        data-testid="entry-recent"
      />
      {drawer}
    </Stack>
  );
}
