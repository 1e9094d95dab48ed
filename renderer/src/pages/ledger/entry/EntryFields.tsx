/**
 * Fields every entry form starts with, wired by value/onChange so each form
 * keeps its own typed values: the customer (pinyin search), the document
 * number (pre-filled, editable for the number printed on the slip).
 */
import { Grid, TextInput } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { useT } from '../../../i18n/I18nProvider';

/** Hints under the input, so inputs side by side line up whether or not they have a hint. */
export const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export function CustomerField(props: {
  value: string | null;
  onChange(id: string | null): void;
  error?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useT();
  return (
    <CustomerPicker
      ref={props.inputRef}
      label={t('ledger.field.customer')}
      withAsterisk
      value={props.value}
      onChange={(id) => props.onChange(id)}
      error={props.error}
      data-path="customerId"
      data-testid="entry-customer"
    />
  );
}

export function DocNoField(props: { value: string; onChange(v: string): void; suggested: string | undefined; error?: ReactNode }) {
  const t = useT();
  const auto = props.suggested !== undefined && props.value.trim() === props.suggested;
  return (
    <TextInput
      label={t('ledger.field.docNo')}
      description={auto ? t('ledger.entry.docNoAuto') : t('ledger.entry.docNoTyped')}
      inputWrapperOrder={BELOW}
      maxLength={30}
      autoComplete="off"
      styles={{ input: { fontFamily: 'monospace' } }}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onFocus={(e) => e.currentTarget.select()}
      error={props.error}
      data-path="docNo"
    />
  );
}

/** The part of an entry form the slip header reads and writes (every slip has these three fields). */
interface SlipHeaderForm {
  values: { customerId: string | null; docNo: string };
  errors: Record<string, ReactNode>;
  getInputProps(path: 'date'): { value?: string; onChange(value: string): void; error?: ReactNode };
  setFieldValue(path: 'docNo', value: string): void;
}

/**
 * The first row of every slip: customer, date, number. Only what picking a
 * customer does differs between slips (a receipt resets its allocation, a
 * write-off its target), so that is passed in.
 */
export function SlipHeaderRow(props: {
  form: SlipHeaderForm;
  onCustomer(id: string | null): void;
  customerRef?: Ref<HTMLInputElement>;
  suggestedDocNo: string | undefined;
}) {
  const t = useT();
  const { form } = props;
  return (
    <>
      <Grid.Col span={6}>
        <CustomerField value={form.values.customerId} onChange={props.onCustomer} error={form.errors.customerId} inputRef={props.customerRef} />
      </Grid.Col>
      <Grid.Col span={3}>
        <DateField label={t('ledger.field.date')} withAsterisk clearable={false} {...form.getInputProps('date')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <DocNoField
          value={form.values.docNo}
          suggested={props.suggestedDocNo}
          error={form.errors.docNo}
          onChange={(s) => form.setFieldValue('docNo', s)}
        />
      </Grid.Col>
    </>
  );
}
