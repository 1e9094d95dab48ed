/**
 * A business date field: typed or picked, always 'YYYY-MM-DD'. Typing
 * accepts what clerks write (2026/3/5, 2026.3.5, 2026年3月5日, 20260305) via
 * the same parser the imports use; the calendar is zh-CN with weeks starting
 * on Monday. The value is '' when empty.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseBusinessDate } from '../../../shared/dates/parseDate';
import { useI18n, useT } from '../i18n/I18nProvider';

export interface DateFieldProps
  extends Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue' | 'valueFormat' | 'dateParser'> {
  /** 'YYYY-MM-DD' or '' (optional so Mantine form's getInputProps spreads in directly). */
  value?: string;
  onChange(value: string): void;
}

const parse = (text: string): string | null => {
  const r = parseBusinessDate(text);
  return r.ok ? r.value : null;
};

export function DateField({ value = '', onChange, clearable = true, clearButtonProps, ...rest }: DateFieldProps) {
  const t = useT();
  const { locale } = useI18n();
  return (
    <DateInput
      placeholder={t('ui.date.placeholder')}
      leftSection={<IconCalendar size={15} stroke={1.6} />}
      firstDayOfWeek={1}
      popoverProps={{ withinPortal: true }}
      clearable={clearable}
      // The month header as a Chinese reader writes it (2026年12月), not dayjs' 十二月 2026.
      monthLabelFormat={locale === 'en' ? 'YYYY-MM' : 'YYYY年M月'}
      {...rest}
      // The × is for the mouse: Tab goes from the date straight to the next field.
      clearButtonProps={{ tabIndex: -1, ...clearButtonProps }}
      value={value === '' ? null : value}
      onChange={(v) => onChange(v ?? '')}
      valueFormat="YYYY-MM-DD"
      dateParser={parse}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
