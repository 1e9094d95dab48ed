/**
 * The four headline figures: receivables, overdue (and its share), collected
 * month to date against the same days of last month, and DSO. Each opens what it counts: the
 * aging report (all, or sorted by overdue), the month's receipts, the DSO
 * working.
 */
import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { formatFen } from '../../../../shared/money/format';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { agingHref } from '../aging/agingLinks';
import type { FlowTarget } from './FlowDrawer';
import { StatCard } from './StatCard';

export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** `extra`: one more headline card outside the dashboard data (the role-gated exceptions count); the row widens for it. */
export function StatCards({ data, onFlow, onDso, extra }: { data: Dashboard; onFlow(target: FlowTarget): void; onDso(): void; extra?: ReactNode }) {
  const t = useT();
  // Month to date against the same days of last month (like with like), not against all of last month.
  const { thisMonth, lastMonth, lastMonthSameDays: sameDays } = data.collections;
  const change = sameDays.receivedFen > 0 ? (thisMonth.receivedFen - sameDays.receivedFen) / sameDays.receivedFen : null;
  const dso = data.dso.current;
  return (
    <SimpleGrid cols={extra ? 5 : 4} spacing="sm">
      <StatCard
        label={t('aging.dashboard.receivables')}
        value={<Money fen={data.receivablesFen} />}
        hint={t('aging.dashboard.receivablesHint', { count: data.customers, unapplied: formatFen(data.unappliedFen) })}
        onClick={() => navigate(agingHref({ basis: 'due' }))}
        data-testid="dash-receivables"
      />
      <StatCard
        label={t('aging.dashboard.overdue')}
        value={<Money fen={data.overdueFen} danger={data.overdueFen > 0} />}
        hint={[
          data.overdueShare === null ? null : t('aging.dashboard.overdueShare', { share: percent(data.overdueShare) }),
          t('aging.dashboard.overdueCustomers', { count: data.overdueCustomers }),
        ]
          .filter(Boolean)
          .join(' · ')}
        accent="var(--mantine-color-red-6)"
        onClick={() => navigate(agingHref({ basis: 'due', overdue: true }))}
        data-testid="dash-overdue"
      />
      <StatCard
        label={t('aging.dashboard.collectedThisMonth')}
        value={<Money fen={thisMonth.receivedFen} />}
        hint={
          // Two short lines: which days are compared, then the figure and the change (fits a fifth of 1366 px).
          <>
            {t('aging.dashboard.collectedSameDays', { from: sameDays.from, to: sameDays.to })}
            <br />
            {[formatFen(sameDays.receivedFen), change === null ? null : t('aging.dashboard.collectedChange', { change: `${change >= 0 ? '+' : ''}${percent(change)}` })]
              .filter(Boolean)
              .join(' · ')}
          </>
        }
        title={t('aging.dashboard.collectedTitle', { from: thisMonth.from, to: thisMonth.to, lastMonth: formatFen(lastMonth.receivedFen) })}
        accent="var(--mantine-color-teal-6)"
        onClick={() =>
          onFlow({ kind: 'receipt', from: thisMonth.from, to: thisMonth.to, title: t('aging.dashboard.receiptsTitle', { month: thisMonth.month }), totalFen: thisMonth.receivedFen })
        }
        data-testid="dash-collected"
      />
      <StatCard
        label={t('aging.dashboard.dso')}
        value={dso.days === null ? '—' : t('aging.dashboard.dsoDays', { days: dso.days.toFixed(1) })}
        hint={dso.days === null ? t('aging.dashboard.dsoNone') : t('aging.dashboard.dsoHint')}
        accent="var(--mantine-color-grape-5)"
        onClick={onDso}
        data-testid="dash-dso"
      />
      {extra}
    </SimpleGrid>
  );
}
