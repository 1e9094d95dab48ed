/**
 * /evaluation — 客户评估: every customer's scorecard for a period, as the
 * quadrant chart or as a sortable list; the boss selects customers and
 * applies their suggested grades in one step. `?salesperson=` (from the
 * salesperson table) narrows to one salesperson's customers.
 */
import { Alert, Button, Group, MultiSelect, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { useMemo, useState } from 'react';
import type { Scorecard } from '../../../../shared/api/evaluation';
import { CUSTOMER_GRADES } from '../../../../shared/api/customerEnums';
import { CUSTOMER_LAYERS, QUADRANTS } from '../../../../shared/evaluation/enums';
import { useApiQuery } from '../../api/hooks';
import { DataTable, type SortState } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { hashParams } from './format';
import { PeriodFields, periodInput, type PeriodValue } from './PeriodFields';
import { QuadrantChart } from './QuadrantChart';
import { RegradeDialog, type RegradeRequest } from './RegradeDialog';
import { sortScorecards, useScoreColumns } from './useScoreColumns';

export function EvaluationPage() {
  const t = useT();
  const [period, setPeriod] = useSessionState<PeriodValue>('evaluation.period', { from: '', to: '' });
  const [view, setView] = useSessionState<'quadrant' | 'list'>('evaluation.view', 'quadrant');
  const [search, setSearch] = useState('');
  const [grade, setGrade] = useState<string[]>([]);
  const [layer, setLayer] = useState<string[]>([]);
  const [quadrant, setQuadrant] = useState<string[]>([]);
  const [salesperson, setSalesperson] = useState<string | null>(() => hashParams().get('salesperson'));
  const [onlyRegrade, setOnlyRegrade] = useState(false);
  const [sort, setSort] = useState<SortState | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [regrade, setRegrade] = useState<RegradeRequest | null>(null);
  const facets = useApiQuery('customers.facets', {});
  const input = {
    ...periodInput(period),
    search,
    grade: grade as ('A' | 'B' | 'C' | 'D')[],
    layer: layer as ('key' | 'ordinary' | 'potential')[],
    quadrant: quadrant as ('develop' | 'collect' | 'maintain' | 'shrink')[],
    salesperson,
    onlyRegrade,
  };
  const list = useApiQuery('evaluation.scorecards', input, { placeholderData: (prev) => prev });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = useScoreColumns({ selected, toggle });
  const rows = useMemo(() => (list.data ? (sort ? sortScorecards(list.data.rows, sort.key, sort.dir) : list.data.rows) : []), [list.data, sort]);
  const open = (r: Scorecard) => navigate(`/customers/${r.customerId}?tab=evaluation`);
  const chosen = rows.filter((r) => selected.has(r.customerId) && r.suggestedGrade !== r.grade);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('evaluation.title')}</Title>
        <Group gap="sm">
          <PeriodFields value={period} onChange={setPeriod} from={list.data?.from} to={list.data?.to} />
          <SegmentedControl
            data-testid="evaluation-view"
            value={view}
            onChange={(v) => setView(v as 'quadrant' | 'list')}
            data={[
              { value: 'quadrant', label: t('evaluation.view.quadrant') },
              { value: 'list', label: t('evaluation.view.list') },
            ]}
          />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('evaluation.period.hint')}
      </Text>
      <FilterBar
        search={{ value: search, onChange: setSearch, width: 200 }}
        right={
          chosen.length > 0 ? (
            <Button
              size="xs"
              color="orange"
              data-testid="regrade-selected"
              onClick={() =>
                setRegrade({
                  title: t('evaluation.regrade.title'),
                  consequence: t('evaluation.regrade.consequence', { count: chosen.length }),
                  many: chosen.map((r) => ({ customerId: r.customerId, grade: r.suggestedGrade })),
                  period: periodInput(period),
                })
              }
            >
              {t('evaluation.regrade.toSuggested')}（{chosen.length}）
            </Button>
          ) : undefined
        }
      >
        <MultiSelect w={150} size="xs" placeholder={t('evaluation.filter.grade')} data={[...CUSTOMER_GRADES]} value={grade} onChange={setGrade} clearable />
        <MultiSelect
          w={170}
          size="xs"
          placeholder={t('evaluation.filter.layer')}
          data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))}
          value={layer}
          onChange={setLayer}
          clearable
          data-testid="filter-layer"
        />
        <MultiSelect
          w={190}
          size="xs"
          placeholder={t('evaluation.filter.quadrant')}
          data={QUADRANTS.map((q) => ({ value: q, label: t(`evaluation.quadrant.${q}`) }))}
          value={quadrant}
          onChange={setQuadrant}
          clearable
        />
        <KeySelect
          w={150}
          size="xs"
          placeholder={t('evaluation.filter.allSalespeople')}
          data={(facets.data?.salespeople ?? []).map((s) => ({ value: s, label: s }))}
          value={salesperson}
          onChange={setSalesperson}
          clearable
        />
        <Switch size="xs" label={t('evaluation.filter.onlyRegrade')} checked={onlyRegrade} onChange={(e) => setOnlyRegrade(e.currentTarget.checked)} />
      </FilterBar>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {view === 'quadrant' && list.data && <QuadrantChart rows={list.data.rows} settings={list.data.settings} onOpen={open} />}
      {view === 'list' && (
        <DataTable
          data-testid="scorecard-table"
          rows={rows}
          columns={columns}
          rowKey={(r) => r.customerId}
          height="calc(100vh - 250px)"
          sort={sort}
          onSortChange={setSort}
          onRowClick={open}
          loading={list.isLoading}
          total={rows.length}
          empty={<EmptyState title={t('evaluation.title')} description={t('evaluation.period.hint')} compact />}
        />
      )}
      <RegradeDialog
        request={regrade}
        onClose={(done) => {
          setRegrade(null);
          if (done) setSelected(new Set());
        }}
      />
    </Stack>
  );
}
