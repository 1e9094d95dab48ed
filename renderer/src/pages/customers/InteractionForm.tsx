/**
 * Logging one interaction (往来记录): date, channel T/E/M/O, what was said,
 * and optionally a promise to pay (date + amount) and the next follow-up.
 * Used on the customer card and in the calendar's day popover (compact).
 * Validation is the service's own schema, run on what the form would send.
 */
import { Button, Group, Rating, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, type KeyboardEvent } from 'react';
import { interactionCreateSchema, type Interaction, type InteractionChannel, type InteractionCreateInput } from '../../../../shared/api/customers';
import { INTERACTION_CHANNELS } from '../../../../shared/api/customerEnums';
import { localDateOf } from '../../../../shared/dates/clock';
import { useApiMutation } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { parseAmountText } from '../../components/amountText';
import { DateField } from '../../components/DateField';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { useCustomerLabels } from './labels';
import { useUnsavedGuard } from '../../components/unsavedGuard';

interface Values {
  date: string;
  channel: InteractionChannel;
  summary: string;
  promiseDate: string;
  promiseAmount: string;
  nextFollowUp: string;
  /** 0 = not rated; 1–5 (issue 14). */
  satisfaction: number;
}

const AMOUNT_LABEL = '承诺付款金额';

function toInput(customerId: string, v: Values, promiseAmountFen: number | null): InteractionCreateInput {
  return {
    customerId,
    date: v.date,
    channel: v.channel,
    summary: v.summary,
    promiseDate: v.promiseDate || null,
    promiseAmountFen,
    nextFollowUp: v.nextFollowUp || null,
    satisfaction: v.satisfaction === 0 ? null : v.satisfaction,
  };
}

/** API field -> form field. */
const formField = (f: string) => (f === 'promiseAmountFen' ? 'promiseAmount' : f);

export interface InteractionFormProps {
  customerId: string;
  /** Preset date (a calendar cell); default today in the office time zone. */
  date?: string;
  /** Narrow layout for popovers. */
  compact?: boolean;
  onSaved?(i: Interaction): void;
}

export function InteractionForm({ customerId, date, compact, onSaved }: InteractionFormProps) {
  const t = useT();
  const labels = useCustomerLabels();
  const create = useApiMutation('interactions.create');
  const summaryRef = useRef<HTMLInputElement>(null);
  const initial: Values = {
    date: date ?? localDateOf(new Date()),
    channel: 'T',
    summary: '',
    promiseDate: '',
    promiseAmount: '',
    nextFollowUp: '',
    satisfaction: 0,
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const errors: Record<string, string> = {};
      const amount = parseAmountText(v.promiseAmount, { label: AMOUNT_LABEL });
      if (!amount.ok) errors.promiseAmount = amount.message;
      const r = interactionCreateSchema.safeParse(toInput(customerId, v, amount.ok ? amount.value : null));
      if (!r.success) {
        for (const issue of r.error.issues) {
          const f = formField(String(issue.path[0] ?? 'summary'));
          errors[f] ??= issue.message;
        }
      }
      return errors;
    },
  });

  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit(async (v) => {
    const amount = parseAmountText(v.promiseAmount, { label: AMOUNT_LABEL });
    try {
      const saved = await create.mutateAsync(toInput(customerId, v, amount.ok ? amount.value : null));
      notifySuccess(t('customers.interactions.saved'));
      // Ready for the next one: same date and channel, the rest cleared.
      form.setValues({ ...initial, date: v.date, channel: v.channel });
      form.resetDirty();
      summaryRef.current?.focus();
      onSaved?.(saved);
    } catch (e) {
      if (!applyServerError(e, (f, m) => form.setFieldError(formField(f), m))) notifyError(t('common.saveFailed'), e);
    }
  });
  const formKeys = useFormKeys({ onSave: () => submit(), onCancel: () => form.reset() });
  // Enter on the channel switch goes to the summary, not through each radio button.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement;
    // Esc in an open date picker only closes the picker; it must not also clear the form.
    if (e.key === 'Escape' && target.getAttribute('aria-expanded') === 'true') return;
    if (e.key === 'Enter' && target.type === 'radio' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      summaryRef.current?.focus();
      return;
    }
    formKeys(e);
  };

  const channel = (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('customers.interactions.channel')}
      </Text>
      <SegmentedControl
        size="sm"
        data={INTERACTION_CHANNELS.map((c) => ({ value: c, label: compact ? c : `${c} ${labels.channel(c)}` }))}
        value={form.getValues().channel}
        onChange={(v) => form.setFieldValue('channel', v as InteractionChannel)}
        data-testid="interaction-channel"
      />
    </Stack>
  );
  const dateField = <DateField label={t('customers.interactions.date')} withAsterisk clearable={false} {...form.getInputProps('date')} />;
  const summary = (
    <TextInput
      ref={summaryRef}
      label={t('customers.interactions.summary')}
      placeholder={t('customers.interactions.summaryPlaceholder')}
      withAsterisk
      maxLength={2000}
      data-autofocus
      {...form.getInputProps('summary')}
    />
  );
  // Inside the calendar's popover, a date picker in a portal would count as a click outside and close it.
  const pickerProps = compact ? { popoverProps: { withinPortal: false } } : {};
  const promiseDate = (
    <DateField label={t('customers.interactions.promiseDate')} {...pickerProps} {...form.getInputProps('promiseDate')} />
  );
  const promiseAmount = (
    <AmountInput
      label={t('customers.interactions.promiseAmount')}
      amount={{ label: AMOUNT_LABEL }}
      {...form.getInputProps('promiseAmount')}
    />
  );
  const nextFollowUp = (
    <DateField label={t('customers.interactions.nextFollowUp')} {...pickerProps} {...form.getInputProps('nextFollowUp')} />
  );
  const satisfaction = (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t('evaluation.form.satisfaction')}
      </Text>
      <Rating
        value={form.getValues().satisfaction}
        onChange={(v) => form.setFieldValue('satisfaction', v)}
        aria-label={t('evaluation.form.satisfaction')}
        title={t('evaluation.form.satisfactionHint')}
        data-testid="interaction-satisfaction"
        mt={6}
      />
      {form.errors.satisfaction && (
        <Text size="xs" c="red">
          {form.errors.satisfaction}
        </Text>
      )}
    </Stack>
  );
  const button = (
    <Button type="submit" loading={create.isPending} data-testid="interaction-save">
      {t('customers.interactions.add')}
    </Button>
  );

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="interaction-form">
      {compact ? (
        <Stack gap="xs">
          {channel}
          {summary}
          <Group grow align="flex-start" gap="xs">
            {promiseDate}
            {promiseAmount}
          </Group>
          <Group align="flex-end" justify="space-between" gap="xs">
            {nextFollowUp}
            <div style={{ order: 2 }}>{button}</div>
            {/* After the button in the DOM, shown before it: Enter in 下次跟进 still saves (the rating is optional). */}
            <div style={{ order: 1 }}>{satisfaction}</div>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <div style={{ width: 150, flexShrink: 0 }}>{dateField}</div>
            {channel}
            <div style={{ flex: 1 }}>{summary}</div>
          </Group>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <div style={{ width: 150, flexShrink: 0 }}>{promiseDate}</div>
            <div style={{ width: 190 }}>{promiseAmount}</div>
            <div style={{ width: 150 }}>{nextFollowUp}</div>
            <div style={{ flex: 1, display: 'flex', justifyContent: 'flex-end', paddingTop: 25, order: 2 }}>{button}</div>
            {/* After the button in the DOM, shown before it: Enter in 下次跟进 still saves (the rating is optional). */}
            <div style={{ width: 130, order: 1 }}>{satisfaction}</div>
          </Group>
        </Stack>
      )}
    </form>
  );
}
