/**
 * 今日催收: whom to call today, ranked (see the service's ranking.ts — broken
 * promises first, then Σ overdue × (1 + days / 30), fresh promises last),
 * each row with what a call needs, and one click to log the call. Read page
 * by page as the clerk scrolls, so the count said is the rows the list holds
 * however long it is; the overdue / broken-promise split and 只看我的 narrow
 * it on the server, and the dashboard's counts open it already narrowed.
 */
import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { CollectionRow, CollectionShow } from '../../../../shared/api/alerts';
import { formatFen } from '../../../../shared/money/format';
import { usePagedList } from '../../api/usePagedList';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { MineSwitch, useMine } from '../../components/MineSwitch';
import { ReportExportButtons } from '../../components/ReportExportButtons';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { OpenItemsDrawer, type OpenItemsTarget } from '../aging/OpenItemsDrawer';
import { useDocumentDrawer } from '../ledger/document/useDocumentDrawer';
import { useCollectionColumns } from './collectionColumns';
import { linkedShow } from './collectionFilter';
import { LogCallModal } from './LogCallModal';

export function TodayCollectionPage() {
  const t = useT();
  const mine = useMine('collection');
  const [show, setShow] = useState<CollectionShow>(() => linkedShow() ?? 'all');
  const list = usePagedList('collection.today', { asOf: null, mine: mine.mine, show }, 100);
  const [calling, setCalling] = useState<CollectionRow | null>(null);
  const [items, setItems] = useState<OpenItemsTarget | null>(null);
  const documents = useDocumentDrawer();
  const data = list.firstPage;
  // The whole list (total counts only the part shown).
  const everyone = data ? data.overdueCustomers + data.brokenPromiseCustomers : 0;
  const columns = useCollectionColumns({
    logCall: setCalling,
    openItems: (r) => setItems({ customerId: r.customerId, asOf: data?.asOf ?? '', basis: 'due', bucket: null }),
    openDocument: documents.open,
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={3}>{t('alerts.collection.title')}</Title>
          <Text size="sm" c="dimmed" maw={900}>
            {t('alerts.collection.intro')}
          </Text>
        </Stack>
        {data && (
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="collection-total">
              {data.asOf} · {t('alerts.collection.total', { count: everyone, amount: formatFen(data.overdueFen) })}
            </Text>
            <ReportExportButtons xlsx="collection.exportXlsx" pdf="collection.exportPdf" input={{ asOf: data.asOf, mine: mine.mine, show }} disabled={data.total === 0} testId="collection-export" />
          </Group>
        )}
      </Group>
      <FilterBar
        right={
          data && (
            <Text size="sm" c="dimmed" data-testid="collection-shown">
              {t('alerts.collection.shown', { count: list.total ?? 0 })}
            </Text>
          )
        }
      >
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v as CollectionShow)}
          data={[
            { value: 'all', label: t('alerts.collection.showAll', { count: everyone }) },
            { value: 'overdue', label: t('alerts.collection.showOverdue', { count: data?.overdueCustomers ?? 0 }) },
            { value: 'promise', label: t('alerts.collection.showPromise', { count: data?.brokenPromiseCustomers ?? 0 }) },
          ]}
          data-testid="collection-show"
        />
        <MineSwitch state={mine} data-testid="collection-mine" />
      </FilterBar>
      {list.error && <Alert color="orange">{list.error.message}</Alert>}
      {!data && list.loading && <Loader size="sm" />}
      {data && (
        <DataTable
          rows={list.rows}
          total={list.total}
          onLoadMore={list.loadMore}
          loadingMore={list.loadingMore}
          loading={list.loading}
          resetKey={`${show}-${mine.mine}`}
          columns={columns}
          rowKey={(r) => r.customerId}
          height="calc(100vh - 236px)"
          rowHeight={44}
          wrap
          onRowClick={(r) => navigate(`/customers/${r.customerId}`)}
          empty={<EmptyState icon={IconPhoneCheck} title={t('alerts.collection.none')} description={t('alerts.collection.noneHint')} />}
          data-testid="collection-table"
        />
      )}
      <LogCallModal row={calling} onClose={() => setCalling(null)} />
      <OpenItemsDrawer target={items} onClose={() => setItems(null)} />
      {documents.drawer}
    </Stack>
  );
}
