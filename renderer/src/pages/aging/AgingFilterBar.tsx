/**
 * The strip above the aging table: the as-of date (empty = today), the
 * basis, the customer filters, "overdue only" and the search box.
 */
import { CUSTOMER_LAYERS, type CustomerLayer } from '../../../../shared/evaluation/enums';
import { Chip, MultiSelect, SegmentedControl, Tooltip } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import type { CustomerGrade, CustomerKind } from '../../../../shared/api/customerEnums';
import { useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { FilterBar } from '../../components/FilterBar';
import { useT } from '../../i18n/I18nProvider';
import { useCustomerLabels } from '../customers/labels';
import type { AgingState } from './agingState';

export interface AgingFilterBarProps {
  state: AgingState;
  /** What "today" is on the server (the placeholder of the empty date field). */
  today: string | undefined;
  set(patch: Partial<AgingState>): void;
}

export function AgingFilterBar({ state, today, set }: AgingFilterBarProps) {
  const t = useT();
  const labels = useCustomerLabels();
  const facets = useApiQuery('customers.facets', {});
  return (
    <FilterBar
      search={{ value: state.search, onChange: (search) => set({ search }), placeholder: t('aging.report.search'), width: 170 }}
      right={
        <Chip size="sm" checked={state.overdueOnly} onChange={(overdueOnly) => set({ overdueOnly })} color="red" variant="light" data-testid="aging-overdue-only">
          {t('aging.report.overdueOnly')}
        </Chip>
      }
    >
      <DateField
        w={146}
        value={state.asOf}
        onChange={(asOf) => set({ asOf })}
        placeholder={today}
        aria-label={t('aging.report.asOf')}
        data-testid="aging-asof"
      />
      <Tooltip label={state.basis === 'due' ? t('aging.basis.dueHint') : t('aging.basis.documentHint')} withArrow>
        <SegmentedControl
          size="sm"
          value={state.basis}
          onChange={(v) => set({ basis: v === 'document' ? 'document' : 'due', sort: state.sort?.key.startsWith('bucket') ? null : state.sort })}
          data={[
            { value: 'due', label: t('aging.basis.due') },
            { value: 'document', label: t('aging.basis.document') },
          ]}
          aria-label={t('aging.report.basis')}
          data-testid="aging-basis"
        />
      </Tooltip>
      <MultiSelect
        w={state.grade.length > 1 ? 150 : 96}
        data={labels.gradeOptions}
        placeholder={state.grade.length ? undefined : t('aging.report.grade')}
        aria-label={t('aging.report.grade')}
        clearable
        value={state.grade}
        onChange={(v) => set({ grade: v as CustomerGrade[] })}
      />
      <MultiSelect
        w={state.layer.length > 1 ? 150 : 96}
        data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))}
        placeholder={state.layer.length ? undefined : t('evaluation.layer.label')}
        aria-label={t('evaluation.layer.label')}
        clearable
        value={state.layer}
        onChange={(v) => set({ layer: v as CustomerLayer[] })}
        data-testid="aging-layer"
      />
      <MultiSelect
        w={state.kind.length > 1 ? 200 : 110}
        data={labels.kindOptions}
        placeholder={state.kind.length ? undefined : t('aging.report.kind')}
        aria-label={t('aging.report.kind')}
        clearable
        value={state.kind}
        onChange={(v) => set({ kind: v as CustomerKind[] })}
      />
      <KeySelect
        w={96}
        data={facets.data?.regions ?? []}
        placeholder={t('aging.report.region')}
        aria-label={t('aging.report.region')}
        clearable
        searchable
        value={state.region}
        onChange={(region) => set({ region })}
      />
      <KeySelect
        w={104}
        data={facets.data?.salespeople ?? []}
        placeholder={t('aging.report.salesperson')}
        aria-label={t('aging.report.salesperson')}
        clearable
        searchable
        value={state.salesperson}
        onChange={(salesperson) => set({ salesperson })}
        data-testid="aging-salesperson"
      />
    </FilterBar>
  );
}
