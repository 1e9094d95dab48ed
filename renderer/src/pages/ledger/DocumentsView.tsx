/**
 * 往来单据: every document of every customer, newest first, filtered by kind,
 * customer, period and a search over numbers, memo, bank reference, VAT and
 * bill numbers; paged in SQL. Row click opens the document. Imports of
 * invoices, receipts and opening balances start here, and their batches
 * (undo = a void per document) are in the second tab.
 */
import { Badge, Button, Checkbox, Group, Menu, MultiSelect, Stack, Tabs, Text } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconFileDollar, IconFileImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AR_DOC_KINDS, type ArDocumentRow, type DocKind } from '../../../../shared/api/ledger';
import { usePagedList } from '../../api/usePagedList';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { ImportBatches } from '../../components/ImportBatches';
import { ImportWizard } from '../../components/ImportWizard';
import { Money } from '../../components/Money';
import { useSessionState } from '../../components/useSessionState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useDocumentDrawer } from './document/useDocumentDrawer';
import { LEDGER_IMPORT_COLUMNS, LEDGER_IMPORT_KINDS, type LedgerImportKind } from './importColumns';
import { KIND_COLORS, useLedgerLabels } from './labels';

interface Filter {
  search: string;
  customerId: string | null;
  kinds: DocKind[];
  from: string;
  to: string;
  includeVoided: boolean;
}

const INITIAL: Filter = { search: '', customerId: null, kinds: [], from: '', to: '', includeVoided: true };

export function DocumentsView() {
  const { t, locale } = useI18n();
  const labels = useLedgerLabels();
  const [tab, setTab] = useSessionState<string>('ledger.documents.tab', 'list');
  const [f, setF] = useSessionState<Filter>('ledger.documents.filter', INITIAL);
  const [importing, setImporting] = useState<LedgerImportKind | null>(null);
  const [batchKind, setBatchKind] = useState<LedgerImportKind>('invoices');
  const [search] = useDebouncedValue(f.search, 200);
  const set = (patch: Partial<Filter>) => setF({ ...f, ...patch });
  const { open, drawer } = useDocumentDrawer();

  const filter = useMemo(
    () => ({
      search,
      customerId: f.customerId,
      kinds: f.kinds,
      from: f.from || null,
      to: f.to || null,
      includeVoided: f.includeVoided,
    }),
    [search, f.customerId, f.kinds, f.from, f.to, f.includeVoided],
  );
  const list = usePagedList('ledger.documents', filter, 100);
  const importKindLabel = (k: string) => t(`ledger.imports.${k as LedgerImportKind}`);

  const columns: DataColumn<ArDocumentRow>[] = [
    { key: 'date', header: t('ledger.col.date'), width: 104, cell: (d) => <span className="amount">{d.date}</span> },
    {
      key: 'docNo',
      header: t('ledger.col.docNo'),
      width: 150,
      cell: (d) => (
        <Text span size="sm" ff="monospace" td={d.voidedById ? 'line-through' : undefined} c={d.voidedById ? 'dimmed' : undefined}>
          {d.docNo}
        </Text>
      ),
    },
    {
      key: 'kind',
      header: t('ledger.col.kind'),
      width: locale === 'en' ? 170 : 150,
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <Badge tt="none" size="sm" variant="light" color={KIND_COLORS[d.kind]}>
            {labels.kind(d.kind)}
          </Badge>
          {d.voidedById && (
            <Badge tt="none" size="sm" variant="outline" color="red">
              {t('ledger.drawer.voided')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'customer',
      header: t('ledger.field.customer'),
      width: 'minmax(160px, 2fr)',
      cell: (d) => `${d.customerCode} ${d.customerName}`,
    },
    { key: 'memo', header: t('ledger.col.memo'), width: 'minmax(140px, 2fr)', cell: (d) => d.memo },
    { key: 'debit', header: t('ledger.col.debit'), width: 130, money: (d) => (d.side === 'debit' ? d.amountFen : null) },
    { key: 'credit', header: t('ledger.col.credit'), width: 130, money: (d) => (d.side === 'credit' ? d.amountFen : null) },
    {
      key: 'open',
      header: t('ledger.col.openOrUnapplied'),
      width: 130,
      align: 'right',
      cell: (d) => {
        const fen = d.openFen ?? d.unappliedFen;
        return fen ? <Money fen={fen} /> : null;
      },
    },
  ];

  const filtered = f.search !== '' || f.customerId !== null || f.kinds.length > 0 || f.from !== '' || f.to !== '' || !f.includeVoided;
  const importMenu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileImport size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="ledger-import">
          {t('ledger.imports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LEDGER_IMPORT_KINDS.map((k) => (
          <Menu.Item key={k} onClick={() => setImporting(k)}>
            {importKindLabel(k)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Stack gap="sm">
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'list')} keepMounted={false} variant="pills">
        <Group justify="space-between">
          <Tabs.List>
            <Tabs.Tab value="list">{t('ledger.documents.tabList')}</Tabs.Tab>
            <Tabs.Tab value="batches">{t('ledger.documents.tabBatches')}</Tabs.Tab>
          </Tabs.List>
          {importMenu}
        </Group>

        <Tabs.Panel value="list" pt="sm">
          <Stack gap="sm">
            <FilterBar
              search={{ value: f.search, onChange: (s) => set({ search: s }), placeholder: t('ledger.documents.search'), width: 210 }}
              right={
                <Text size="sm" c="dimmed" data-testid="documents-count">
                  {list.total !== undefined ? t('ui.table.count', { count: list.total }) : ''}
                </Text>
              }
            >
              <CustomerPicker
                w={210}
                size="sm"
                value={f.customerId}
                onChange={(id) => set({ customerId: id })}
                aria-label={t('ledger.field.customer')}
                placeholder={t('ledger.documents.anyCustomer')}
              />
              <MultiSelect
                w={180}
                data={AR_DOC_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                value={f.kinds}
                onChange={(v) => set({ kinds: v as DocKind[] })}
                placeholder={f.kinds.length ? undefined : t('ledger.documents.anyKind')}
                aria-label={t('ledger.col.kind')}
                clearable
              />
              <DateField w={124} value={f.from} onChange={(from) => set({ from })} placeholder={t('ledger.view.from')} aria-label={t('ledger.view.from')} />
              <DateField w={124} value={f.to} onChange={(to) => set({ to })} placeholder={t('ledger.view.to')} aria-label={t('ledger.view.to')} />
              <Checkbox size="xs" label={t('ledger.documents.includeVoided')} checked={f.includeVoided} onChange={(e) => set({ includeVoided: e.currentTarget.checked })} />
            </FilterBar>
            <DataTable
              rows={list.rows}
              columns={columns}
              rowKey={(d) => d.id}
              height="calc(100vh - 300px)"
              loading={list.loading}
              total={list.total}
              onLoadMore={list.loadMore}
              loadingMore={list.loadingMore}
              resetKey={JSON.stringify(filter)}
              onRowClick={(d) => open(d.id)}
              rowStyle={(d) => (d.voidedById || d.kind === 'void' ? { color: 'var(--mantine-color-gray-6)' } : undefined)}
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
                  <EmptyState
                    icon={IconFileDollar}
                    title={t('ledger.documents.emptyTitle')}
                    description={t('ledger.documents.emptyBody')}
                    actions={
                      <>
                        <Button onClick={() => navigate('/ledger/entry')}>{t('ledger.documents.enter')}</Button>
                        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting('opening')}>
                          {t('ledger.documents.importOpening')}
                        </Button>
                      </>
                    }
                  />
                )
              }
              data-testid="documents-table"
            />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="batches" pt="sm">
          <Stack gap="sm">
            <KeySelect
              w={200}
              data={LEDGER_IMPORT_KINDS.map((k) => ({ value: k, label: importKindLabel(k) }))}
              value={batchKind}
              allowDeselect={false}
              onChange={(v) => v && setBatchKind(v as LedgerImportKind)}
              aria-label={t('ui.batches.kind')}
            />
            <ImportBatches kind={batchKind} kindLabel={importKindLabel} height="calc(100vh - 330px)" />
          </Stack>
        </Tabs.Panel>
      </Tabs>

      {importing && (
        <ImportWizard
          opened
          onClose={() => setImporting(null)}
          kind={importing}
          kindLabel={importKindLabel(importing)}
          columns={LEDGER_IMPORT_COLUMNS[importing]}
        />
      )}
      {drawer}
    </Stack>
  );
}
