/**
 * 今日催收: whom to call today, ranked (see the service's ranking.ts — broken
 * promises first, then Σ overdue × (1 + days / 30), fresh promises last),
 * each row with what a call needs, and one click to log the call.
 */
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { CollectionRow } from '../../../../shared/api/alerts';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ReportExportButtons } from '../../components/ReportExportButtons';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useCollectionColumns } from './collectionColumns';
import { LogCallModal } from './LogCallModal';

export function TodayCollectionPage() {
  const t = useT();
  const list = useApiQuery('collection.today', { asOf: null });
  const [calling, setCalling] = useState<CollectionRow | null>(null);
  const columns = useCollectionColumns(setCalling);
  const data = list.data;

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
              {data.asOf} · {t('alerts.collection.total', { count: data.total, amount: formatFen(data.overdueFen) })}
            </Text>
            <ReportExportButtons xlsx="collection.exportXlsx" pdf="collection.exportPdf" input={{ asOf: data.asOf }} disabled={data.total === 0} testId="collection-export" />
          </Group>
        )}
      </Group>
      {list.isLoading && <Loader size="sm" />}
      {data && (
        <DataTable
          rows={data.rows}
          columns={columns}
          rowKey={(r) => r.customerId}
          height="calc(100vh - 190px)"
          rowHeight={44}
          wrap
          onRowClick={(r) => navigate(`/customers/${r.customerId}`)}
          empty={<EmptyState icon={IconPhoneCheck} title={t('alerts.collection.none')} description={t('alerts.collection.noneHint')} />}
          data-testid="collection-table"
        />
      )}
      <LogCallModal row={calling} onClose={() => setCalling(null)} />
    </Stack>
  );
}
