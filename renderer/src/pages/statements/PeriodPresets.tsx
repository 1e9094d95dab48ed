/**
 * The statement period's quick choices (上月 / 本月 / optionally 全部往来)
 * and the hint below them, shared by the 生成对账单 dialog and the customer's
 * statements tab so both offer the same periods the same way.
 */
import { Button, Group, Text } from '@mantine/core';
import { lastMonthPeriod } from '../../../../shared/statements/period';
import { useT } from '../../i18n/I18nProvider';

export interface Period {
  from: string;
  to: string;
}

export function PeriodPresets({ today, period, onPick, allHistory = false }: { today: string; period: Period; onPick(p: Period): void; allHistory?: boolean }) {
  const t = useT();
  const presets = [
    { label: t('statements.generate.lastMonth'), ...lastMonthPeriod(today) },
    { label: t('statements.generate.thisMonth'), from: `${today.slice(0, 7)}-01`, to: today },
    ...(allHistory ? [{ label: t('statements.generate.allHistory'), from: '', to: '' }] : []),
  ];
  return (
    <Group gap={4}>
      {presets.map((p) => (
        <Button key={p.label} size="compact-xs" variant={period.from === p.from && period.to === p.to ? 'light' : 'subtle'} onClick={() => onPick({ from: p.from, to: p.to })}>
          {p.label}
        </Button>
      ))}
    </Group>
  );
}

export function PeriodHint() {
  const t = useT();
  return (
    <Text size="xs" c="dimmed">
      {t('statements.generate.hint')}
    </Text>
  );
}
