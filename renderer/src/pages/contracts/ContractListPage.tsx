/**
 * /contracts — every contract, found in seconds: one search box (number,
 * title, customer code/name/pinyin initials), filters, server-side sort and
 * paging, a footer with the count and summed amount of everything that
 * matches (not just the loaded page), export of what is filtered, import
 * from Excel, and the import batches with undo in a second tab.
 */
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconFileText, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable } from '../../components/DataTable';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { ImportBatches } from '../../components/ImportBatches';
import { ImportWizard } from '../../components/ImportWizard';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { Money } from '../../components/Money';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useContractColumns } from './contractColumns';
import { ContractFilters } from './ContractFilters';
import { INITIAL_LIST_STATE, isFiltered, toContractFilter, type ContractListState } from './contractListState';
import { CONTRACT_IMPORT_HEADERS } from './importHeaders';

export function ContractListPage() {
  const t = useT();
  const [tab, setTab] = useSessionState<string>('contracts.tab', 'list');
  const [state, setState] = useSessionState<ContractListState>('contracts.list', INITIAL_LIST_STATE);
  const [importOpen, setImportOpen] = useState(false);
  const [debouncedSearch] = useDebouncedValue(state.search, 200);
  const set = (patch: Partial<ContractListState>) => setState({ ...state, ...patch });

  const filter = useMemo(() => toContractFilter(state, debouncedSearch), [state, debouncedSearch]);
  const list = usePagedList('contracts.list', filter, 100);
  const totals = useApiQuery('contracts.totals', filter, { placeholderData: (prev) => prev });
  // The first-run offer of demo data only makes sense on an empty database.
  const customers = useApiQuery('customers.list', { limit: 1 });
  const exportXlsx = useApiMutation('contracts.exportXlsx');

  const columns = useContractColumns({
    withCustomer: true,
    footer: {
      count: (
        <Text size="sm" fw={600}>
          {t('contracts.list.footerCount', { count: totals.data?.count ?? 0 })}
        </Text>
      ),
      amount: <Money fen={totals.data?.amountFen ?? 0} strong />,
    },
  });

  const doExport = async () => {
    try {
      const file = await exportXlsx.mutateAsync(filter);
      downloadFile(file.fileName, file.dataBase64, XLSX_MIME);
      notifySuccess(t('contracts.list.exported', { rows: file.rows }));
    } catch (e) {
      notifyError(t('contracts.list.export'), e);
    }
  };

  const empty = isFiltered(state) ? (
    <EmptyState
      title={t('ui.empty.noMatch')}
      description={t('ui.empty.noMatchHint')}
      actions={
        <Button variant="default" onClick={() => setState({ ...INITIAL_LIST_STATE, sort: state.sort })}>
          {t('ui.empty.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={IconFileText}
      title={t('contracts.list.emptyTitle')}
      description={t('contracts.list.emptyBody')}
      actions={
        <>
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/contracts/new')}>
            {t('contracts.list.new')}
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
            {t('contracts.list.emptyImport')}
          </Button>
          {customers.data?.total === 0 && <LoadDemoButton />}
        </>
      }
    />
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('contracts.list.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="contract-count">
            {list.total !== undefined ? t('contracts.list.count', { count: list.total }) : ''}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
            {t('contracts.list.import')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportXlsx.isPending}
            disabled={!list.total}
            onClick={() => void doExport()}
          >
            {t('contracts.list.export')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/contracts/new')} data-testid="contract-new">
            {t('contracts.list.new')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(v) => setTab(v ?? 'list')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('contracts.list.tabList')}</Tabs.Tab>
          <Tabs.Tab value="batches">{t('contracts.list.tabBatches')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="list" pt="sm">
          <Stack gap="sm">
            <FilterBar
              search={{
                value: state.search,
                onChange: (search) => set({ search }),
                placeholder: t('contracts.list.search'),
                width: 250,
                autoFocus: true,
              }}
            >
              <ContractFilters state={state} set={set} />
            </FilterBar>
            <DataTable
              rows={list.rows}
              columns={columns}
              rowKey={(r) => r.id}
              height="calc(100vh - 300px)"
              sort={state.sort}
              onSortChange={(sort) => set({ sort })}
              onRowClick={(r) => navigate(`/contracts/${r.id}`)}
              loading={list.loading}
              total={list.total}
              onLoadMore={list.loadMore}
              loadingMore={list.loadingMore}
              empty={empty}
              resetKey={JSON.stringify(filter)}
              data-testid="contract-table"
            />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="batches" pt="sm">
          <ImportBatches kind="contracts" kindLabel={() => t('contracts.imports.kind')} height="calc(100vh - 250px)" />
        </Tabs.Panel>
      </Tabs>

      <ImportWizard
        opened={importOpen}
        onClose={() => setImportOpen(false)}
        kind="contracts"
        kindLabel={t('contracts.imports.kind')}
        columns={CONTRACT_IMPORT_HEADERS}
      />
    </Stack>
  );
}
