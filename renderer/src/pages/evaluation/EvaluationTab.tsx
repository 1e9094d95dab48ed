/**
 * The customer card's 评估 tab: the scorecard for a period (every figure with
 * its definition on hover), both scores with their parts, the suggested
 * grade beside the current one (the boss regrades here), the visit plan, the
 * satisfaction trend and the after-sales cases on one timeline with the
 * interactions.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomerGrade } from '../../../../shared/api/customerEnums';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { CustomerCasesPanel } from './cases/CustomerCasesPanel';
import { daysText, pct, QUADRANT_COLORS, SCORE_COLORS } from './format';
import { HelpTip } from './HelpTip';
import { PeriodFields, periodInput, type PeriodValue } from './PeriodFields';
import { RegradeDialog, type RegradeRequest } from './RegradeDialog';
import { useState } from 'react';

function Figure({ label, help, children }: { label: string; help?: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {help ? <HelpTip label={label} help={help} /> : label}
      </Text>
      <Text size="sm" fw={500} className="tabular">
        {children}
      </Text>
    </Stack>
  );
}

export function EvaluationTab({ customerId, customerName, readOnly }: { customerId: string; customerName: string; readOnly: boolean }) {
  const t = useT();
  const [period, setPeriod] = useSessionState<PeriodValue>('evaluation.period', { from: '', to: '' });
  const [regrade, setRegrade] = useState<RegradeRequest | null>(null);
  const q = useApiQuery('evaluation.card', { customerId, ...periodInput(period) }, { placeholderData: (prev) => prev });
  const d = q.data;
  const c = d?.card;
  const f = (x: number) => x.toFixed(2);
  return (
    <Stack gap="sm" data-testid="evaluation-tab">
      <Group justify="space-between">
        <PeriodFields value={period} onChange={setPeriod} from={d?.from} to={d?.to} />
        <Text size="xs" c="dimmed">
          {t('evaluation.period.hint')}
        </Text>
      </Group>
      {q.error && <Text c="red">{q.error.message}</Text>}
      {c && d && (
        <>
          <Paper withBorder p="sm">
            <Group justify="space-between" align="flex-start">
              <Group gap="xl">
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    <HelpTip label={t('evaluation.col.salesScore')} help={`${t('evaluation.help.salesScore')}。${t('evaluation.help.parts', { parts: `${f(c.salesParts.volume)} / ${f(c.salesParts.growth)} / ${f(c.salesParts.frequency)}` })}`} />
                  </Text>
                  <Badge size="xl" variant="light" color={SCORE_COLORS(c.salesScore)} data-testid="card-sales-score">
                    {c.salesScore}
                  </Badge>
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    <HelpTip
                      label={t('evaluation.col.creditScore')}
                      help={`${t('evaluation.help.creditScore')}。${t('evaluation.help.parts', { parts: `${f(c.creditParts.collection)} / ${f(c.creditParts.daysToPay)} / ${f(c.creditParts.overdue)} / ${f(c.creditParts.promises)}` })}`}
                    />
                  </Text>
                  <Badge size="xl" variant="light" color={SCORE_COLORS(c.creditScore)} data-testid="card-credit-score">
                    {c.creditScore}
                  </Badge>
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    <HelpTip label={t('evaluation.filter.quadrant')} help={t('evaluation.help.quadrant')} />
                  </Text>
                  <Badge size="lg" tt="none" color={QUADRANT_COLORS[c.quadrant]}>
                    {t(`evaluation.quadrant.${c.quadrant}`)}
                  </Badge>
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {t('evaluation.col.grade')}
                  </Text>
                  <Text fw={700} size="lg" data-testid="card-grade">
                    {c.grade ?? '—'}
                  </Text>
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    <HelpTip label={t('evaluation.col.suggested')} help={t('evaluation.help.suggested')} />
                  </Text>
                  <Text fw={700} size="lg" c={c.suggestedGrade === c.grade ? undefined : 'orange'} data-testid="card-suggested">
                    {c.suggestedGrade}
                  </Text>
                </Stack>
              </Group>
              {!readOnly && (
                <Button
                  variant={c.suggestedGrade === c.grade ? 'default' : 'filled'}
                  color="orange"
                  data-testid="card-regrade"
                  onClick={() =>
                    setRegrade({
                      title: t('evaluation.regrade.oneTitle', { name: customerName }),
                      consequence: t('evaluation.regrade.useSuggested', { grade: c.suggestedGrade }),
                      single: { customerId, initial: c.suggestedGrade as CustomerGrade },
                      period: periodInput(period),
                    })
                  }
                >
                  {t('evaluation.regrade.one')}
                </Button>
              )}
            </Group>
          </Paper>
          <Paper withBorder p="sm">
            <Title order={6} mb="xs">
              {t('evaluation.card.figures')}（{d.from} – {d.to}）
            </Title>
            <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
              <Figure label={t('evaluation.col.sales')} help={t('evaluation.help.sales')}>
                <Money fen={c.salesFen} />
              </Figure>
              <Figure label={t('evaluation.col.invoiced')}>
                <Money fen={c.invoicedFen} />
              </Figure>
              <Figure label={t('evaluation.col.credited')}>
                <Money fen={c.creditedFen} />
              </Figure>
              <Figure label={t('evaluation.col.growth')} help={t('evaluation.help.growth')}>
                {pct(c.growth)}
              </Figure>
              <Figure label={t('evaluation.col.orders')} help={t('evaluation.help.orders')}>
                {c.orderCount}
              </Figure>
              <Figure label={t('evaluation.col.opening')}>
                <Money fen={c.openingFen} />
              </Figure>
              <Figure label={t('evaluation.col.collected')} help={t('evaluation.help.collected')}>
                <Money fen={c.collectedFen} />
              </Figure>
              <Figure label={t('evaluation.col.collectionRate')} help={t('evaluation.help.collectionRate')}>
                <span data-testid="card-collection-rate">{pct(c.collectionRate)}</span>
              </Figure>
              <Figure label={t('evaluation.col.avgDaysToPay')} help={t('evaluation.help.avgDaysToPay')}>
                {daysText(c.avgDaysToPay)}
              </Figure>
              <Figure label={t('evaluation.col.balance')}>
                <Money fen={c.balanceFen} />
              </Figure>
              <Figure label={t('evaluation.col.overdue')} help={t('evaluation.help.overdue')}>
                <Money fen={c.overdueFen} danger={c.overdueFen > 0} />
              </Figure>
              <Figure label={t('evaluation.col.overdueShare')} help={t('evaluation.help.overdue')}>
                {pct(c.overdueShare)} · {t('evaluation.col.longestOverdue')} {c.longestOverdueDays}
              </Figure>
              <Figure label={t('evaluation.col.brokenPromises')} help={t('evaluation.help.brokenPromises')}>
                {c.brokenPromises}
              </Figure>
              <Figure label={t('evaluation.col.visits')} help={t('evaluation.help.visits')}>
                {`${c.visits.T} / ${c.visits.E} / ${c.visits.M}`}
              </Figure>
              <Figure label={t('evaluation.col.satisfaction')} help={t('evaluation.help.visits')}>
                {c.satisfactionAvg === null ? '—' : `${c.satisfactionAvg}（${c.satisfactionCount}）`}
              </Figure>
              <Figure label={t('evaluation.col.complaints')} help={t('evaluation.help.complaints')}>
                {c.complaints} · {t('evaluation.col.openComplaints')} {c.openComplaints}
              </Figure>
            </SimpleGrid>
          </Paper>
          <SimpleGrid cols={2} spacing="sm">
            <Paper withBorder p="sm">
              <Title order={6} mb="xs">
                {t('evaluation.card.visitPlan')}
              </Title>
              {d.visitPlan.intervalDays === null ? (
                <Text size="sm" c="dimmed">
                  {t('evaluation.card.noPlan')}
                </Text>
              ) : (
                <Stack gap={4}>
                  <Text size="sm">
                    {t('evaluation.card.every', { days: d.visitPlan.intervalDays })}
                    {d.visitPlan.source && (
                      <Text span c="dimmed" size="xs" ml="xs">
                        {t(`evaluation.card.source.${d.visitPlan.source}`)}
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    {t('evaluation.card.lastVisit')}：{d.visitPlan.lastVisitOn ?? t('evaluation.card.never')}
                  </Text>
                  <Text size="sm" c={d.visitPlan.daysLate !== null ? 'orange' : undefined}>
                    {t('evaluation.card.nextVisit')}：{d.visitPlan.dueOn}
                    {d.visitPlan.daysLate !== null &&
                      `（${d.visitPlan.daysLate === 0 ? t('evaluation.card.dueToday') : t('evaluation.card.late', { days: d.visitPlan.daysLate })}）`}
                  </Text>
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Title order={6} mb="xs">
                {t('evaluation.card.trend')}
              </Title>
              {d.satisfactionTrend.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('evaluation.card.noRatings')}
                </Text>
              ) : (
                <LineChart
                  h={140}
                  data={d.satisfactionTrend}
                  dataKey="month"
                  series={[{ name: 'average', label: t('evaluation.col.satisfaction'), color: 'indigo.6' }]}
                  yAxisProps={{ domain: [1, 5] }}
                  withDots
                />
              )}
            </Paper>
          </SimpleGrid>
          <CustomerCasesPanel customerId={customerId} readOnly={readOnly} />
        </>
      )}
      <RegradeDialog request={regrade} onClose={() => setRegrade(null)} />
    </Stack>
  );
}
