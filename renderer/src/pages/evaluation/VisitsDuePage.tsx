/** /visits — 待回访: customers whose planned visit has come; a row opens the customer's interactions to log the visit. */
import { Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { VisitDueRow } from '../../../../shared/api/evaluation';
import { CUSTOMER_GRADES } from '../../../../shared/api/customerEnums';
import { CUSTOMER_LAYERS } from '../../../../shared/evaluation/enums';
import { useApiQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

export function VisitsDuePage() {
  const t = useT();
  const [asOf, setAsOf] = useState('');
  const [search, setSearch] = useState('');
  const [grade, setGrade] = useState<string[]>([]);
  const [layer, setLayer] = useState<string[]>([]);
  const q = useApiQuery(
    'visits.due',
    { asOf: asOf === '' ? null : asOf, search, grade: grade as ('A' | 'B' | 'C' | 'D')[], layer: layer as ('key' | 'ordinary' | 'potential')[] },
    { placeholderData: (prev) => prev },
  );
  const columns: DataColumn<VisitDueRow>[] = [
    { key: 'code', header: t('evaluation.col.code'), width: 90, cell: (r) => r.code },
    { key: 'name', header: t('evaluation.col.name'), width: 'minmax(180px, 2fr)', cell: (r) => r.name },
    { key: 'grade', header: t('evaluation.col.grade'), width: 70, cell: (r) => r.grade ?? '' },
    { key: 'layer', header: t('evaluation.col.layer'), width: 70, cell: (r) => (r.layer ? t(`evaluation.layer.${r.layer}`) : '') },
    { key: 'salesperson', header: t('evaluation.col.salesperson'), width: 100, cell: (r) => r.salesperson },
    { key: 'interval', header: t('evaluation.visits.interval'), width: 100, cell: (r) => t('evaluation.card.every', { days: r.intervalDays }) },
    { key: 'lastVisit', header: t('evaluation.visits.lastVisit'), width: 110, cell: (r) => r.lastVisitOn ?? t('evaluation.card.never') },
    { key: 'dueOn', header: t('evaluation.visits.dueOn'), width: 110, cell: (r) => r.dueOn },
    {
      key: 'daysLate',
      header: t('evaluation.visits.daysLate'),
      width: 90,
      align: 'right',
      cell: (r) => (
        <Text size="sm" c={r.daysLate > 30 ? 'red' : r.daysLate > 0 ? 'orange' : undefined}>
          {r.daysLate}
        </Text>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>{t('evaluation.visits.title')}</Title>
      <Text size="xs" c="dimmed">
        {t('evaluation.visits.intro')}
      </Text>
      <FilterBar search={{ value: search, onChange: setSearch, width: 200 }} right={<Text size="sm" c="dimmed">{t('evaluation.visits.total', { count: q.data?.rows.length ?? 0 })}</Text>}>
        <Group gap={4}>
          <DateField w={140} size="xs" value={asOf} onChange={setAsOf} placeholder={q.data?.asOf} aria-label={t('evaluation.visits.asOf')} />
        </Group>
        <MultiSelect w={150} size="xs" placeholder={t('evaluation.filter.grade')} data={[...CUSTOMER_GRADES]} value={grade} onChange={setGrade} clearable />
        <MultiSelect w={170} size="xs" placeholder={t('evaluation.filter.layer')} data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))} value={layer} onChange={setLayer} clearable />
      </FilterBar>
      <DataTable
        data-testid="visits-table"
        rows={q.data?.rows ?? []}
        columns={columns}
        rowKey={(r) => r.customerId}
        height="calc(100vh - 230px)"
        onRowClick={(r) => navigate(`/customers/${r.customerId}?tab=interactions`)}
        loading={q.isLoading}
        empty={<EmptyState title={t('evaluation.visits.none')} description={t('evaluation.visits.noneHint')} />}
      />
    </Stack>
  );
}
