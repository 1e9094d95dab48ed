/**
 * Fields every entry form starts with, wired by value/onChange so each form
 * keeps its own typed values: the customer (pinyin search), the document
 * number (pre-filled, editable for the number printed on the slip).
 */
import { TextInput } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { CustomerPicker } from '../../../components/CustomerPicker';
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
