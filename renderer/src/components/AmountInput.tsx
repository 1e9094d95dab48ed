/**
 * A money field that accepts what clerks type (12345, 12,345.6, ５００００,
 * ¥50,000) and shows under it what the app understood (= ¥12,345.60), or
 * why it cannot read it. The typed text is the value (kept on error); the fen
 * come out through onFen and parseAmountText.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatFen } from '../../../shared/money/format';
import type { AmountOptions } from '../../../shared/money/parseAmount';
import { useT } from '../i18n/I18nProvider';
import { parseAmountText } from './amountText';

export interface AmountInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The typed text (optional so Mantine form's getInputProps spreads in directly). */
  value?: string;
  onChange(text: string): void;
  /** The parsed amount whenever the text changes: fen, or null when empty or unreadable. */
  onFen?(fen: number | null): void;
  /** Parser options (negative/zero allowed, the field's name in messages). */
  amount?: AmountOptions;
}

export function AmountInput({ value = '', onChange, onFen, amount, error, description, onBlur, ...rest }: AmountInputProps) {
  const t = useT();
  // A half-typed "12," is not an error yet: the parser's complaint waits for blur.
  const [touched, setTouched] = useState(false);
  const parsed = parseAmountText(value, amount);
  const hint =
    parsed.ok && parsed.value !== null ? t('ui.amount.parsed', { value: formatFen(parsed.value) }) : description;
  const ownError = touched && !parsed.ok ? parsed.message : null;

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={value}
      onChange={(e) => {
        const text = e.currentTarget.value;
        onChange(text);
        if (onFen) {
          const r = parseAmountText(text, amount);
          onFen(r.ok ? r.value : null);
        }
      }}
      onBlur={(e) => {
        setTouched(true);
        onBlur?.(e);
      }}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      description={error || ownError ? undefined : hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error || ownError}
    />
  );
}
