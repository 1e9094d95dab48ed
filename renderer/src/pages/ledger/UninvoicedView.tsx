/**
 * 已发货未开票: live shipments (invoices) without a VAT invoice number, oldest
 * first, filtered by customer, period and search; the total to invoice in the
 * footer. 登记发票 records the number and date (ledger.setVatInvoice) and the
 * row leaves the list.
 */
import { Button, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { UninvoicedRow } from '../../../../shared/api/ledger';
import { useApiQuery } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { useDocumentDrawer } from './document/useDocumentDrawer';
import { VatInvoiceDialog, type VatTarget } from './VatInvoiceDialog';

interface Filter {
  search: string;
  customerId: string | null;
  from: string;
  to: string;
}
const INITIAL: Filter = { search: '', customerId: null, from: '', to: '' };

export function UninvoicedView() {
  const t = useT();
  const [f, setF] = useSessionState<Filter>('ledger.uninvoiced.filter', INITIAL);
  const [search] = useDebouncedValue(f.search, 200);
  const [vat, setVat] = useState<VatTarget | null>(null);
  const set = (patch: Partial<Filter>) => setF({ ...f, ...patch });
  const { open, drawer } = useDocumentDrawer();

  const filter = useMemo(
    () => ({ search, customerId: f.customerId, from: f.from || null, to: f.to || null }),
    [search, f.customerId, f.from, f.to],
  );
  const list = usePagedList('ledger.uninvoicedShipments', filter, 100);
  // The footer's sum covers every matching row, not only the loaded pages.
  const totals = useApiQuery('ledger.uninvoicedShipments', { ...filter, limit: 1 });

  const columns: DataColumn<UninvoicedRow>[] = [
    { key: 'date', header: t('ledger.col.date'), width: 104, cell: (r) => <span className="amount">{r.date}</span> },
    { key: 'docNo', header: t('ledger.col.docNo'), width: 150, cell: (r) => <span style={{ fontFamily: 'monospace' }}>{r.docNo}</span> },
    { key: 'customer', header: t('ledger.field.customer'), width: 'minmax(180px, 2fr)', cell: (r) => `${r.customer.code} ${r.customer.name}` },
    { key: 'contract', header: t('ledger.field.contract'), width: 140, cell: (r) => r.contractNo ?? '' },
    { key: 'memo', header: t('ledger.col.memo'), width: 'minmax(120px, 2fr)', cell: (r) => r.memo },
    {
      key: 'amount',
      header: t('ledger.col.amount'),
      width: 140,
      money: (r) => r.amountFen,
      footer: totals.data ? <Money fen={totals.data.totalFen} strong /> : undefined,
    },
    { key: 'open', header: t('ledger.col.open'), width: 130, money: (r) => r.openFen },
    {
      key: 'action',
      header: '',
      width: 110,
      align: 'right',
      cell: (r) => (
        <Button
          size="compact-xs"
          variant="light"
          onClick={(e) => {
            // The button records the invoice; the rest of the row opens the document.
            e.stopPropagation();
            setVat({ docId: r.docId, docNo: r.docNo, amountFen: r.amountFen, customerName: r.customer.name, vatInvoiceNo: '', vatInvoiceDate: null });
          }}
          data-testid={`vat-${r.docNo}`}
        >
          {t('ledger.vat.record')}
        </Button>
      ),
    },
  ];

  const filtered = f.search !== '' || f.customerId !== null || f.from !== '' || f.to !== '';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('ledger.uninvoiced.intro')}
      </Text>
      <FilterBar
        search={{ value: f.search, onChange: (s) => set({ search: s }), placeholder: t('ledger.uninvoiced.search'), width: 240 }}
        right={
          <Text size="sm" c="dimmed" data-testid="uninvoiced-count">
            {list.total !== undefined ? t('ui.table.count', { count: list.total }) : ''}
          </Text>
        }
      >
        <CustomerPicker
          w={230}
          size="sm"
          value={f.customerId}
          onChange={(id) => set({ customerId: id })}
          aria-label={t('ledger.field.customer')}
          placeholder={t('ledger.documents.anyCustomer')}
        />
        <DateField w={130} value={f.from} onChange={(from) => set({ from })} placeholder={t('ledger.view.from')} aria-label={t('ledger.view.from')} />
        <DateField w={130} value={f.to} onChange={(to) => set({ to })} placeholder={t('ledger.view.to')} aria-label={t('ledger.view.to')} />
      </FilterBar>
      <DataTable
        rows={list.rows}
        columns={columns}
        rowKey={(r) => r.docId}
        height="calc(100vh - 300px)"
        loading={list.loading}
        total={list.total}
        onLoadMore={list.loadMore}
        loadingMore={list.loadingMore}
        resetKey={JSON.stringify(filter)}
        onRowClick={(r) => open(r.docId)}
        empty={
          filtered ? (
            <EmptyState
              title={t('ui.empty.noMatch')}
              description={t('ui.empty.noMatchHint')}
              actions={
                <Button variant="default" onClick={() => setF(INITIAL)}>
                  {t('ui.empty.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState icon={IconFileCheck} title={t('ledger.uninvoiced.emptyTitle')} description={t('ledger.uninvoiced.emptyBody')} />
          )
        }
        data-testid="uninvoiced-table"
      />
      <VatInvoiceDialog target={vat} onClose={() => setVat(null)} />
      {drawer}
    </Stack>
  );
}
