/** The period of every evaluation screen: from..to (to = the as-of date), empty = the 12 months to today. */
import { Group, Text } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n/I18nProvider';

export interface PeriodValue {
  from: string;
  to: string;
}

export function PeriodFields({ value, onChange, from, to }: { value: PeriodValue; onChange(v: PeriodValue): void; from?: string; to?: string }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap">
      <DateField w={140} value={value.from} onChange={(v) => onChange({ ...value, from: v })} placeholder={from} aria-label={t('evaluation.period.from')} data-testid="period-from" />
      <Text size="sm" c="dimmed">
        –
      </Text>
      <DateField w={140} value={value.to} onChange={(v) => onChange({ ...value, to: v })} placeholder={to} aria-label={t('evaluation.period.to')} data-testid="period-to" />
    </Group>
  );
}

export const periodInput = (p: PeriodValue) => ({ from: p.from === '' ? null : p.from, to: p.to === '' ? null : p.to });
