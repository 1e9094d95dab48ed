/** /after-sales — 售后与投诉: the case register with filters by status, type, owner, age and overdue. */
import { Button, Group, MultiSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { localDateOf } from '../../../../../shared/dates/clock';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../../../../../shared/evaluation/enums';
import { useApiQuery } from '../../../api/hooks';
import { DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { FilterBar } from '../../../components/FilterBar';
import { useT } from '../../../i18n/I18nProvider';
import { CaseDrawer } from './CaseDrawer';
import { CaseFormModal } from './CaseFormModal';
import { useCaseColumns } from './useCaseColumns';

const AGES = [7, 30, 90];

export function CasesPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string[]>(['open', 'in_progress']);
  const [type, setType] = useState<string[]>([]);
  const [owner, setOwner] = useState<string | null>(null);
  const [minAge, setMinAge] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApiQuery(
    'cases.list',
    { search, status: status as CaseStatus[], type: type as CaseType[], owner, minAgeDays: minAge === null ? null : Number(minAge), overdueOnly },
    { placeholderData: (prev) => prev },
  );
  const columns = useCaseColumns(true);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('evaluation.cases.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-case">
          {t('evaluation.cases.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('evaluation.cases.intro')}
      </Text>
      <FilterBar search={{ value: search, onChange: setSearch, width: 200 }} right={<Text size="sm" c="dimmed">{t('evaluation.cases.total', { count: list.data?.rows.length ?? 0 })}</Text>}>
        <MultiSelect w={220} size="xs" placeholder={t('evaluation.cases.status')} data={CASE_STATUSES.map((s) => ({ value: s, label: t(`evaluation.cases.statusLabel.${s}`) }))} value={status} onChange={setStatus} clearable />
        <MultiSelect w={170} size="xs" placeholder={t('evaluation.cases.type')} data={CASE_TYPES.map((s) => ({ value: s, label: t(`evaluation.cases.typeLabel.${s}`) }))} value={type} onChange={setType} clearable />
        <KeySelect w={130} size="xs" placeholder={t('evaluation.cases.allOwners')} data={list.data?.owners ?? []} value={owner} onChange={setOwner} clearable />
        <KeySelect w={130} size="xs" placeholder={t('evaluation.cases.minAge')} data={AGES.map((d) => ({ value: String(d), label: `${t('evaluation.cases.minAge')} ${t('evaluation.cases.days', { days: d })}` }))} value={minAge} onChange={setMinAge} clearable />
        <Switch size="xs" label={t('evaluation.cases.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
      </FilterBar>
      <DataTable
        data-testid="cases-table"
        rows={list.data?.rows ?? []}
        columns={columns}
        rowKey={(r) => r.id}
        height="calc(100vh - 230px)"
        onRowClick={(r) => setOpen(r.id)}
        loading={list.isLoading}
        empty={<EmptyState title={t('evaluation.cases.none')} description={t('evaluation.cases.noneHint')} actions={<Button onClick={() => setAdding(true)}>{t('evaluation.cases.add')}</Button>} />}
      />
      <CaseFormModal opened={adding} customerId={null} today={localDateOf(new Date())} onClose={(id) => { setAdding(false); if (id) setOpen(id); }} />
      <CaseDrawer caseId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
