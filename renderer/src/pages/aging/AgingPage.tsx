/**
 * /aging — 账龄分析: per customer, the open amounts by bucket as of a date
 * (default today) on either basis, filtered and sorted by any column, with a
 * totals footer, the ten largest balances as a stacked chart, and an export.
 * Every amount opens the documents behind it.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClockHour4, IconDownload, IconFileTypePdf, IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { AgingRow } from '../../../../shared/api/aging';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable } from '../../components/DataTable';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { linkedAging } from './agingLinks';
import { AgingFilterBar } from './AgingFilterBar';
import { applyLink, filterOf, INITIAL_AGING_STATE, isFiltered, type AgingState } from './agingState';
import { OpenItemsDrawer, type OpenItemsTarget } from './OpenItemsDrawer';
import { TopBalancesChart } from './TopBalancesChart';
import { useAgingColumns, type AmountTarget } from './useAgingColumns';

export function AgingPage() {
  const t = useT();
  const [state, setState] = useSessionState<AgingState>('aging.report', INITIAL_AGING_STATE);
  const set = (patch: Partial<AgingState>) => setState({ ...state, ...patch });
  // A link from the dashboard (`?salesperson=…&sort=overdue`) decides what the report shows when it opens.
  useEffect(() => {
    const link = linkedAging();
    if (link) setState(applyLink(state, link));
  }, []);
  const [search] = useDebouncedValue(state.search, 200);
  const filter = useMemo(() => filterOf(state, search), [state, search]);

  // The header figures (date, buckets, totals) and the chart's ten largest balances.
  const head = useApiQuery('aging.report', { ...filter, sort: { column: 'balance', direction: 'desc' }, offset: 0, limit: 10 }, { placeholderData: (p) => p });
  const list = usePagedList('aging.report', filter, 200);
  const exportXlsx = useApiMutation('aging.exportXlsx');
  const exportPdf = useApiMutation('aging.exportPdf');
  const [items, setItems] = useState<OpenItemsTarget | null>(null);

  const report = head.data;
  const open = ({ row, bucket }: AmountTarget) =>
    report && setItems({ customerId: row.customerId, asOf: report.asOf, basis: report.basis, bucket });
  const columns = useAgingColumns(report, open);

  const doExport = async () => {
    try {
      const file = await exportXlsx.mutateAsync(filter);
      downloadFile(file.fileName, file.dataBase64, XLSX_MIME);
      notifySuccess(t('aging.report.exported', { rows: file.rows }));
    } catch (e) {
      notifyError(t('aging.report.export'), e);
    }
  };

  const doExportPdf = async () => {
    try {
      const file = await exportPdf.mutateAsync(filter);
      downloadFile(file.fileName, file.dataBase64, 'application/pdf');
      notifySuccess(t('aging.report.exported', { rows: file.rows }));
    } catch (e) {
      notifyError(t('aging.report.exportPdf'), e);
    }
  };

  const empty = isFiltered(state) ? (
    <EmptyState
      compact
      title={t('aging.report.emptyFiltered')}
      actions={
        <Button variant="default" onClick={() => setState({ ...INITIAL_AGING_STATE, asOf: state.asOf, basis: state.basis })}>
          {t('aging.report.clearFilters')}
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={IconClockHour4}
      title={t('aging.report.emptyTitle')}
      description={t('aging.report.emptyBody')}
      actions={<Button onClick={() => navigate('/ledger/entry')}>{t('aging.report.enterDocuments')}</Button>}
    />
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('aging.report.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="aging-count">
            {list.total !== undefined ? t('aging.report.count', { count: list.total }) : ''}
          </Text>
        </Group>
        <Group gap="md">
          <Text size="xs" c="dimmed">
            {t('aging.report.clickHint')}
          </Text>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportXlsx.isPending}
            disabled={!list.total}
            onClick={() => void doExport()}
            data-testid="aging-export"
          >
            {t('aging.report.export')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            loading={exportPdf.isPending}
            disabled={!list.total}
            onClick={() => void doExportPdf()}
            data-testid="aging-export-pdf"
          >
            {t('aging.report.exportPdf')}
          </Button>
        </Group>
      </Group>
      <AgingFilterBar state={state} today={report?.asOf} set={set} />
      {state.asOf !== '' && report && (
        <Alert variant="light" color="indigo" py={6} icon={<IconHistory size={16} />} data-testid="aging-past">
          {t('aging.report.asOfPast', { date: report.asOf })}
        </Alert>
      )}
      {(head.error ?? list.error) && <Alert color="orange">{(head.error ?? list.error)?.message}</Alert>}
      {report && report.total > 0 && (
        <TopBalancesChart report={report} onOpen={(customerId) => setItems({ customerId, asOf: report.asOf, basis: report.basis, bucket: null })} />
      )}
      <DataTable<AgingRow>
        rows={list.rows}
        columns={columns}
        rowKey={(r) => r.customerId}
        height={520}
        sort={state.sort}
        onSortChange={(sort) => set({ sort })}
        onRowClick={(row) => open({ row, bucket: null })}
        loading={list.loading}
        total={list.total}
        onLoadMore={list.loadMore}
        loadingMore={list.loadingMore}
        empty={empty}
        resetKey={JSON.stringify(filter)}
        data-testid="aging-table"
      />
      <OpenItemsDrawer target={items} onClose={() => setItems(null)} />
    </Stack>
  );
}
