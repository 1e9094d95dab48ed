/**
 * The customer list: where every clerk starts. One search box (code, name,
 * short name, pinyin initials, contact, phone), filters, server-side sort and
 * paging, row click opens the card; import, export of what is filtered, and
 * the import batches with undo in a second tab.
 */
import { CUSTOMER_LAYERS, type CustomerLayer } from '../../../../shared/evaluation/enums';
import { Button, Checkbox, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import {
  CUSTOMER_SORT_COLUMNS,
  type CustomerFilter,
  type CustomerGrade,
  type CustomerKind,
  type CustomerSortColumn,
  type CustomerStatus,
} from '../../../../shared/api/customers';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable, type SortState } from '../../components/DataTable';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { ImportBatches } from '../../components/ImportBatches';
import { ImportWizard } from '../../components/ImportWizard';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useCustomerColumns } from './customerColumns';
import { CUSTOMER_IMPORT_COLUMNS } from './importColumns';
import { useCustomerLabels } from './labels';

interface ListState {
  search: string;
  grade: CustomerGrade | null;
  /** 客户分层 filter (issue 14); optional so a list state saved before it still loads. */
  layer?: CustomerLayer | null;
  kind: CustomerKind | null;
  region: string | null;
  salesperson: string | null;
  status: CustomerStatus | null;
  includeArchived: boolean;
  sort: SortState | null;
}

const INITIAL: ListState = {
  search: '',
  grade: null,
  kind: null,
  region: null,
  salesperson: null,
  status: null,
  includeArchived: false,
  sort: null,
};

const isSortColumn = (k: string): k is CustomerSortColumn => (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(k);

export function CustomerListPage() {
  const t = useT();
  const labels = useCustomerLabels();
  const [tab, setTab] = useSessionState<string>('customers.tab', 'list');
  const [state, setState] = useSessionState<ListState>('customers.list', INITIAL);
  const [importOpen, setImportOpen] = useState(false);
  const [debouncedSearch] = useDebouncedValue(state.search, 200);
  const set = (patch: Partial<ListState>) => setState({ ...state, ...patch });

  const facets = useApiQuery('customers.facets', {});
  const defaults = useApiQuery('customers.defaults', {});
  const exportXlsx = useApiMutation('customers.exportXlsx');

  const filter = useMemo<CustomerFilter>(
    () => ({
      search: debouncedSearch,
      grade: state.grade ? [state.grade] : [],
      layer: state.layer ? [state.layer] : [],
      kind: state.kind ? [state.kind] : [],
      region: state.region ?? '',
      salesperson: state.salesperson ?? '',
      status: state.status ? [state.status] : [],
      includeArchived: state.includeArchived,
      sort:
        state.sort && isSortColumn(state.sort.key)
          ? { column: state.sort.key, direction: state.sort.dir }
          : { column: 'code', direction: 'asc' },
    }),
    [debouncedSearch, state],
  );
  const list = usePagedList('customers.list', filter, 100);
  const columns = useCustomerColumns(defaults.data?.paymentTermDays, list.firstPage?.totals);

  const filtered =
    state.search !== '' || state.grade || state.layer || state.kind || state.region || state.salesperson || state.status || state.includeArchived;

  const doExport = async () => {
    try {
      const file = await exportXlsx.mutateAsync(filter);
      downloadFile(file.fileName, file.dataBase64, XLSX_MIME);
      notifySuccess(t('customers.list.exported', { rows: file.rows }));
    } catch (e) {
      notifyError(t('customers.list.export'), e);
    }
  };

  const empty = filtered ? (
    <EmptyState
      title={t('ui.empty.noMatch')}
      description={t('ui.empty.noMatchHint')}
      actions={
        <Button variant="default" onClick={() => setState({ ...INITIAL, sort: state.sort })}>
          {t('ui.empty.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={IconUsers}
      title={t('customers.list.emptyTitle')}
      description={t('customers.list.emptyBody')}
      actions={
        <>
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/customers/new')}>
            {t('customers.list.new')}
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
            {t('customers.list.emptyImport')}
          </Button>
          <LoadDemoButton />
        </>
      }
    />
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('customers.list.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="customer-count">
            {list.total !== undefined ? t('customers.list.count', { count: list.total }) : ''}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
            {t('customers.list.import')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportXlsx.isPending}
            disabled={!list.total}
            onClick={() => void doExport()}
          >
            {t('customers.list.export')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/customers/new')} data-testid="customer-new">
            {t('customers.list.new')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(v) => setTab(v ?? 'list')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('customers.list.tabList')}</Tabs.Tab>
          <Tabs.Tab value="batches">{t('customers.list.tabBatches')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="list" pt="sm">
          <Stack gap="sm">
            <FilterBar
              search={{
                value: state.search,
                onChange: (search) => set({ search }),
                placeholder: t('customers.list.search'),
                width: 280,
                autoFocus: true,
              }}
            >
              <KeySelect
                w={108}
                data={labels.gradeOptions}
                placeholder={t('customers.list.anyGrade')}
                aria-label={t('customers.field.grade')}
                clearable
                value={state.grade}
                onChange={(v) => set({ grade: v as CustomerGrade | null })}
              />
              <KeySelect
                w={108}
                data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))}
                placeholder={t('evaluation.layer.label')}
                aria-label={t('evaluation.layer.label')}
                clearable
                value={state.layer ?? null}
                onChange={(v) => set({ layer: v as CustomerLayer | null })}
                data-testid="customer-list-layer"
              />
              <KeySelect
                w={124}
                data={labels.kindOptions}
                placeholder={t('customers.list.anyKind')}
                aria-label={t('customers.field.kind')}
                clearable
                value={state.kind}
                onChange={(v) => set({ kind: v as CustomerKind | null })}
              />
              <KeySelect
                w={120}
                data={facets.data?.regions ?? []}
                placeholder={t('customers.list.anyRegion')}
                aria-label={t('customers.field.region')}
                clearable
                searchable
                value={state.region}
                onChange={(v) => set({ region: v })}
              />
              <KeySelect
                w={136}
                data={facets.data?.salespeople ?? []}
                placeholder={t('customers.list.anySalesperson')}
                aria-label={t('customers.field.salesperson')}
                clearable
                searchable
                value={state.salesperson}
                onChange={(v) => set({ salesperson: v })}
              />
              <KeySelect
                w={120}
                data={labels.statusOptions}
                placeholder={t('customers.list.anyStatus')}
                aria-label={t('customers.field.status')}
                clearable
                value={state.status}
                onChange={(v) => set({ status: v as CustomerStatus | null })}
              />
              <Checkbox
                size="xs"
                label={t('customers.list.showArchived')}
                checked={state.includeArchived}
                onChange={(e) => set({ includeArchived: e.currentTarget.checked })}
              />
            </FilterBar>
            <DataTable
              rows={list.rows}
              columns={columns}
              rowKey={(r) => r.id}
              height="calc(100vh - 262px)"
              sort={state.sort}
              onSortChange={(sort) => set({ sort })}
              onRowClick={(r) => navigate(`/customers/${r.id}`)}
              loading={list.loading}
              total={list.total}
              onLoadMore={list.loadMore}
              loadingMore={list.loadingMore}
              empty={empty}
              resetKey={JSON.stringify(filter)}
              rowStyle={(r) => (r.archivedAt ? { color: 'var(--mantine-color-gray-6)' } : undefined)}
              data-testid="customer-table"
            />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="batches" pt="sm">
          <ImportBatches kind="customers" kindLabel={labels.importKind} height="calc(100vh - 250px)" />
        </Tabs.Panel>
      </Tabs>

      <ImportWizard
        opened={importOpen}
        onClose={() => setImportOpen(false)}
        kind="customers"
        kindLabel={t('customers.imports.customers')}
        columns={CUSTOMER_IMPORT_COLUMNS}
      />
    </Stack>
  );
}
