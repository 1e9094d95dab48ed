/**
 * /products — the price list contract lines pick from: search, sort, create
 * and edit in a modal, archive/restore, import and export, import batches.
 */
import { Badge, Button, Checkbox, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconPackage, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PRODUCT_SORT_COLUMNS, type Product, type ProductFilter, type ProductSortColumn } from '../../../../shared/api/products';
import { useApiMutation } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable, type DataColumn, type SortState } from '../../components/DataTable';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { ImportBatches } from '../../components/ImportBatches';
import { ImportWizard } from '../../components/ImportWizard';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { PRODUCT_IMPORT_COLUMNS } from '../customers/importColumns';
import { useCustomerLabels } from '../customers/labels';
import { ProductFormModal } from './ProductFormModal';
import { dateOf } from '../../components/dateText';

const isSortColumn = (k: string): k is ProductSortColumn => (PRODUCT_SORT_COLUMNS as readonly string[]).includes(k);

export function ProductsPage() {
  const t = useT();
  const labels = useCustomerLabels();
  const [tab, setTab] = useSessionState<string>('products.tab', 'list');
  const [search, setSearch] = useSessionState('products.search', '');
  const [includeArchived, setIncludeArchived] = useSessionState('products.archived', false);
  const [sort, setSort] = useSessionState<SortState | null>('products.sort', null);
  const [debounced] = useDebouncedValue(search, 200);
  // undefined = closed, null = new, a product = editing it.
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  const [importOpen, setImportOpen] = useState(false);
  const exportXlsx = useApiMutation('products.exportXlsx');

  const filter = useMemo<ProductFilter>(
    () => ({
      search: debounced,
      includeArchived,
      sort: sort && isSortColumn(sort.key) ? { column: sort.key, direction: sort.dir } : { column: 'code', direction: 'asc' },
    }),
    [debounced, includeArchived, sort],
  );
  const list = usePagedList('products.list', filter, 100);

  const columns: DataColumn<Product>[] = [
    {
      key: 'code',
      header: t('customers.products.code'),
      width: 120,
      sortable: true,
      cell: (p) => (
        <Text span size="sm" ff="monospace">
          {p.code}
        </Text>
      ),
    },
    {
      key: 'name',
      header: t('customers.products.name'),
      width: 'minmax(220px, 3fr)',
      sortable: true,
      cell: (p) =>
        p.archivedAt ? (
          <Group gap={6} wrap="nowrap">
            <Text span size="sm" truncate>
              {p.name}
            </Text>
            <Badge tt="none" size="xs" color="gray" variant="outline">
              {t('customers.field.archived')}
            </Badge>
          </Group>
        ) : (
          p.name
        ),
    },
    { key: 'spec', header: t('customers.products.spec'), width: 'minmax(140px, 2fr)', sortable: true, cell: (p) => p.spec },
    { key: 'unit', header: t('customers.products.unit'), width: 70, sortable: true, cell: (p) => p.unit },
    { key: 'defaultPriceFen', header: t('customers.products.price'), width: 150, sortable: true, money: (p) => p.defaultPriceFen },
    {
      key: 'updatedAt',
      header: t('customers.products.updatedAt'),
      width: 110,
      sortable: true,
      cell: (p) => dateOf(p.updatedAt),
    },
  ];

  const doExport = async () => {
    try {
      const file = await exportXlsx.mutateAsync(filter);
      downloadFile(file.fileName, file.dataBase64, XLSX_MIME);
      notifySuccess(t('customers.products.exported', { rows: file.rows }));
    } catch (e) {
      notifyError(t('customers.products.export'), e);
    }
  };

  const empty =
    search || includeArchived ? (
      <EmptyState
        title={t('ui.empty.noMatch')}
        description={t('ui.empty.noMatchHint')}
        actions={
          <Button
            variant="default"
            onClick={() => {
              setSearch('');
              setIncludeArchived(false);
            }}
          >
            {t('ui.empty.clearFilters')}
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={IconPackage}
        title={t('customers.products.emptyTitle')}
        description={t('customers.products.emptyBody')}
        actions={
          <>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
              {t('customers.products.new')}
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
              {t('customers.products.emptyImport')}
            </Button>
          </>
        }
      />
    );

  return (
    <Stack gap="sm" maw={1180}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('customers.products.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="product-count">
            {list.total !== undefined ? t('customers.products.count', { count: list.total }) : ''}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
            {t('customers.products.import')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportXlsx.isPending}
            disabled={!list.total}
            onClick={() => void doExport()}
          >
            {t('customers.products.export')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="product-new">
            {t('customers.products.new')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(v) => setTab(v ?? 'list')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('customers.products.tabList')}</Tabs.Tab>
          <Tabs.Tab value="batches">{t('customers.products.tabBatches')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          <Stack gap="sm">
            <FilterBar
              search={{ value: search, onChange: setSearch, placeholder: t('customers.products.search'), width: 320, autoFocus: true }}
            >
              <Checkbox
                size="xs"
                label={t('customers.products.showArchived')}
                checked={includeArchived}
                onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
              />
            </FilterBar>
            <DataTable
              rows={list.rows}
              columns={columns}
              rowKey={(p) => p.id}
              height="calc(100vh - 262px)"
              sort={sort}
              onSortChange={setSort}
              onRowClick={(p) => setEditing(p)}
              loading={list.loading}
              total={list.total}
              onLoadMore={list.loadMore}
              loadingMore={list.loadingMore}
              empty={empty}
              resetKey={JSON.stringify(filter)}
              rowStyle={(p) => (p.archivedAt ? { color: 'var(--mantine-color-gray-6)' } : undefined)}
              data-testid="product-table"
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="batches" pt="sm">
          <ImportBatches kind="products" kindLabel={labels.importKind} height="calc(100vh - 250px)" />
        </Tabs.Panel>
      </Tabs>

      <ProductFormModal opened={editing !== undefined} product={editing ?? null} onClose={() => setEditing(undefined)} />
      <ImportWizard
        opened={importOpen}
        onClose={() => setImportOpen(false)}
        kind="products"
        kindLabel={t('customers.imports.products')}
        columns={PRODUCT_IMPORT_COLUMNS}
      />
    </Stack>
  );
}
