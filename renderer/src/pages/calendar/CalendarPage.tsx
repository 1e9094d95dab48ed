/**
 * /calendar — 往来日历: who was called, mailed or visited on which day this
 * month, per customer. Filters by salesperson and grade; clicking a cell shows
 * that day's entries and a small form to log one there.
 */
import { CUSTOMER_LAYERS, type CustomerLayer } from '../../../../shared/evaluation/enums';
import { ActionIcon, Button, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { MonthPickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarOff, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { CALENDAR_MAX_ROWS, type CalendarRow, type CustomerGrade } from '../../../../shared/api/customers';
import { INTERACTION_CHANNELS } from '../../../../shared/api/customerEnums';
import { addMonths } from '../../../../shared/dates/calendar';
import { localDateOf } from '../../../../shared/dates/clock';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { InteractionForm } from '../customers/InteractionForm';
import { InteractionTimeline } from '../customers/InteractionsTab';
import { CHANNEL_COLORS, useCustomerLabels } from '../customers/labels';
import { CalendarGrid, type SelectedCell } from './CalendarGrid';

interface Filters {
  month: string;
  salesperson: string | null;
  grade: CustomerGrade | null;
  /** 客户分层 (issue 14); optional so filters saved before it still load. */
  layer?: CustomerLayer | null;
  search: string;
  onlyWithEntries: boolean;
}

export function CalendarPage() {
  const t = useT();
  const labels = useCustomerLabels();
  const today = localDateOf(new Date());
  const thisMonth = today.slice(0, 7);
  const [f, setF] = useSessionState<Filters>('calendar.filters', {
    month: thisMonth,
    salesperson: null,
    grade: null,
    search: '',
    onlyWithEntries: true,
  });
  const set = (patch: Partial<Filters>) => setF({ ...f, ...patch });
  const [search] = useDebouncedValue(f.search, 200);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const facets = useApiQuery('customers.facets', {});
  const data = useApiQuery(
    'interactions.calendar',
    {
      month: f.month,
      salesperson: f.salesperson ?? '',
      grade: f.grade ? [f.grade] : [],
      layer: f.layer ? [f.layer] : [],
      search,
      onlyWithEntries: f.onlyWithEntries,
    },
    { placeholderData: (prev) => prev },
  );

  const shift = (n: number) => {
    setSelected(null);
    set({ month: addMonths(`${f.month}-01`, n).slice(0, 7) });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('customers.calendar.title')}</Title>
        <Group gap={4}>
          <ActionIcon variant="default" size="lg" onClick={() => shift(-1)} aria-label={t('customers.calendar.prev')}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <MonthPickerInput
            w={130}
            value={`${f.month}-01`}
            valueFormat={t('customers.calendar.monthFormat')}
            onChange={(v) => v && set({ month: v.slice(0, 7) })}
            data-testid="calendar-month"
          />
          <ActionIcon variant="default" size="lg" onClick={() => shift(1)} aria-label={t('customers.calendar.next')}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Button variant="default" onClick={() => set({ month: thisMonth })} disabled={f.month === thisMonth}>
            {t('customers.calendar.thisMonth')}
          </Button>
        </Group>
      </Group>

      <FilterBar
        search={{ value: f.search, onChange: (s) => set({ search: s }), placeholder: t('customers.calendar.search'), width: 240 }}
        right={
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {data.data ? t('customers.calendar.rows', { count: data.data.rows.length }) : ''}
          </Text>
        }
      >
        <KeySelect
          w={136}
          data={facets.data?.salespeople ?? []}
          placeholder={t('customers.list.anySalesperson')}
          aria-label={t('customers.field.salesperson')}
          clearable
          searchable
          value={f.salesperson}
          onChange={(v) => set({ salesperson: v })}
        />
        <KeySelect
          w={108}
          data={labels.gradeOptions}
          placeholder={t('customers.list.anyGrade')}
          aria-label={t('customers.field.grade')}
          clearable
          value={f.grade}
          onChange={(v) => set({ grade: v as CustomerGrade | null })}
        />
        <KeySelect
          w={108}
          data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))}
          placeholder={t('evaluation.layer.label')}
          aria-label={t('evaluation.layer.label')}
          clearable
          value={f.layer ?? null}
          onChange={(v) => set({ layer: v as CustomerLayer | null })}
        />
        <Checkbox
          size="xs"
          label={t('customers.calendar.onlyWithEntries')}
          checked={f.onlyWithEntries}
          onChange={(e) => set({ onlyWithEntries: e.currentTarget.checked })}
        />
      </FilterBar>

      <Legend />

      {data.data?.truncated && (
        <Text size="sm" c="orange">
          {t('customers.calendar.truncated', { max: CALENDAR_MAX_ROWS })}
        </Text>
      )}

      {!data.data ? (
        <Loader size="sm" />
      ) : data.data.rows.length === 0 ? (
        <EmptyState
          icon={IconCalendarOff}
          title={t('customers.calendar.emptyTitle')}
          description={t('customers.calendar.emptyBody')}
          actions={
            f.onlyWithEntries ? (
              <Button variant="default" onClick={() => set({ onlyWithEntries: false })}>
                {t('customers.calendar.showAll')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <CalendarGrid
          data={data.data}
          today={today}
          height="calc(100vh - 250px)"
          selected={selected}
          onSelect={setSelected}
          renderPopover={(row, date) => <DayPopover row={row} date={date} />}
        />
      )}
    </Stack>
  );
}

function Legend() {
  const t = useT();
  const labels = useCustomerLabels();
  return (
    <Group gap="md">
      {INTERACTION_CHANNELS.map((c) => (
        <Group gap={4} key={c}>
          <Text span size="sm" fw={700} c={`${CHANNEL_COLORS[c]}.7`}>
            {c}
          </Text>
          <Text span size="xs" c="dimmed">
            {labels.channel(c)}
          </Text>
        </Group>
      ))}
      <Group gap={4}>
        <span style={{ display: 'inline-block', width: 16, height: 3, background: 'var(--mantine-color-orange-5)' }} />
        <Text span size="xs" c="dimmed">
          {t('customers.calendar.followUp')}
        </Text>
      </Group>
      <Group gap={4}>
        <span style={{ display: 'inline-block', width: 16, height: 3, background: 'var(--mantine-color-grape-5)' }} />
        <Text span size="xs" c="dimmed">
          {t('customers.calendar.promise')}
        </Text>
      </Group>
      <Group gap={4}>
        <span style={{ display: 'inline-block', width: 14, height: 12, outline: '1px dashed var(--mantine-color-teal-6)' }} />
        <Text span size="xs" c="dimmed">
          {t('evaluation.calendar.planned')}
        </Text>
      </Group>
    </Group>
  );
}

/** One customer and day: what happened, and a form to log something there. */
function DayPopover({ row, date }: { row: CalendarRow; date: string }) {
  const t = useT();
  const list = useApiQuery('interactions.list', { customerId: row.customerId });
  const entries = (list.data ?? []).filter((i) => i.date === date);
  const dueHere = (list.data ?? []).filter((i) => i.date !== date && (i.nextFollowUp === date || i.promiseDate === date));
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {row.name}
        </Text>
        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
          {date}
        </Text>
      </Group>
      {list.isPending ? (
        <Loader size="xs" />
      ) : entries.length ? (
        <InteractionTimeline items={entries} dense />
      ) : (
        <Text size="xs" c="dimmed">
          {t('customers.calendar.noEntries')}
        </Text>
      )}
      {dueHere.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('customers.calendar.dueFrom')}
          </Text>
          <InteractionTimeline items={dueHere} dense />
        </Stack>
      )}
      <InteractionForm customerId={row.customerId} date={date} compact />
      <Button variant="subtle" size="compact-xs" onClick={() => navigate(`/customers/${row.customerId}?tab=interactions`)} w="fit-content">
        {t('customers.calendar.openCard')}
      </Button>
    </Stack>
  );
}
