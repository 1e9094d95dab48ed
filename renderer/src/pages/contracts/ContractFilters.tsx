/**
 * The filters of the contract list: customer (pinyin picker), status (with
 * the derived 已到期), kind, salesperson, signing-date range, and "ends
 * within N days" with quick chips for 30/60/90 and a field for any other
 * number. Only layout and state; the page owns the query.
 */
import { Chip, Group, NumberInput, Text } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import type { ContractDisplayStatus, ContractKind } from '../../../../shared/api/contracts';
import { useApiQuery } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n/I18nProvider';
import { ENDS_WITHIN_CHOICES, type ContractListState } from './contractListState';
import { useContractLabels } from './labels';

export function ContractFilters({ state, set }: { state: ContractListState; set(patch: Partial<ContractListState>): void }) {
  const t = useT();
  const labels = useContractLabels();
  const facets = useApiQuery('customers.facets', {});
  const chip = state.endsWithinDays !== null && (ENDS_WITHIN_CHOICES as readonly number[]).includes(state.endsWithinDays) ? String(state.endsWithinDays) : null;

  return (
    <>
      <CustomerPicker
        w={220}
        size="sm"
        includeArchived
        aria-label={t('contracts.field.customer')}
        placeholder={t('contracts.list.anyCustomer')}
        value={state.customerId}
        onChange={(customerId) => set({ customerId })}
      />
      <KeySelect
        w={108}
        data={labels.statusOptions}
        placeholder={t('contracts.list.anyStatus')}
        aria-label={t('contracts.field.status')}
        clearable
        value={state.status}
        onChange={(v) => set({ status: v as ContractDisplayStatus | null })}
      />
      <KeySelect
        w={132}
        data={labels.kindOptions}
        placeholder={t('contracts.list.anyKind')}
        aria-label={t('contracts.field.kind')}
        clearable
        value={state.kind}
        onChange={(v) => set({ kind: v as ContractKind | null })}
      />
      <KeySelect
        w={112}
        data={facets.data?.salespeople ?? []}
        placeholder={t('contracts.list.anySalesperson')}
        aria-label={t('contracts.field.salesperson')}
        clearable
        searchable
        value={state.salesperson}
        onChange={(v) => set({ salesperson: v })}
      />
      <Group gap={4} wrap="nowrap">
        <DateField
          w={136}
          aria-label={t('contracts.list.signedFrom')}
          placeholder={t('contracts.list.signedFrom')}
          value={state.signedFrom}
          onChange={(signedFrom) => set({ signedFrom })}
        />
        <Text size="sm" c="dimmed">
          ~
        </Text>
        <DateField
          w={136}
          aria-label={t('contracts.list.signedTo')}
          placeholder={t('contracts.list.signedTo')}
          value={state.signedTo}
          onChange={(signedTo) => set({ signedTo })}
        />
      </Group>
      <Group gap={6} wrap="nowrap" data-testid="ends-within">
        <Text size="sm" c="dimmed">
          {t('contracts.list.endsWithin')}
        </Text>
        <Chip.Group multiple={false} value={chip} onChange={(v) => set({ endsWithinDays: v === chip ? null : Number(v) })}>
          {ENDS_WITHIN_CHOICES.map((d) => (
            <Chip
              key={d}
              value={String(d)}
              size="xs"
              variant="outline"
              onClick={() => {
                // A second click on the chosen chip clears the filter (a radio chip would stay on).
                if (chip === String(d)) set({ endsWithinDays: null });
              }}
            >
              {t('contracts.list.days', { days: d })}
            </Chip>
          ))}
        </Chip.Group>
        <NumberInput
          w={78}
          size="xs"
          min={0}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          aria-label={t('contracts.list.endsWithinDays')}
          placeholder={t('contracts.list.otherDays')}
          // A chip already shows 30/60/90; the field is for any other number.
          value={chip === null ? (state.endsWithinDays ?? '') : ''}
          onChange={(v) => set({ endsWithinDays: typeof v === 'number' ? v : null })}
        />
      </Group>
    </>
  );
}
