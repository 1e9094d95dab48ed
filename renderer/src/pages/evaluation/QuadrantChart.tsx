/**
 * 四象限: every customer a point of sales ability (x) × credit quality (y),
 * coloured by its current grade, the quadrant lines at the settings' splits
 * and the four quadrants named in their corners. Clicking a point opens the
 * customer (its scorecard tab).
 */
import { Group, Paper, Text } from '@mantine/core';
import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scorecard } from '../../../../shared/api/evaluation';
import type { EvaluationSettings } from '../../../../shared/evaluation/settings';
import { useT } from '../../i18n/I18nProvider';
import { GRADE_FILL } from './format';

interface Point {
  x: number;
  y: number;
  row: Scorecard;
}

// Quadrant names sit outside the plot, above and below the half they name,
// so no customer point or its label can ever cover them.
function QuadrantName({ label, fill }: { label: string; fill: string }) {
  return (
    <Text size="xs" fw={600} px={6} style={{ background: fill, borderRadius: 4 }}>
      {label}
    </Text>
  );
}

export function QuadrantChart({ rows, settings, onOpen }: { rows: readonly Scorecard[]; settings: EvaluationSettings; onOpen(row: Scorecard): void }) {
  const t = useT();
  const { salesSplit, creditSplit } = settings.quadrant;
  const groups = ['A', 'B', 'C', 'D', 'none'].map((g) => ({
    grade: g,
    points: rows.filter((r) => (r.grade ?? 'none') === g).map((r): Point => ({ x: r.salesScore, y: r.creditScore, row: r })),
  }));
  // Left edge of the plot: the Y axis (recharts' default width 60) plus the chart's left margin.
  const plotInset = { paddingLeft: 68, paddingRight: 24 };
  return (
    <Paper withBorder p="sm" data-testid="quadrant-chart">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('evaluation.quadrantChart.title')}
          <Text span size="xs" c="dimmed" ml="sm" fw={400}>
            {t('evaluation.quadrantChart.hint')}
          </Text>
        </Text>
        <Group gap="sm">
          {groups.map((g) => (
            <Group key={g.grade} gap={4}>
              <span style={{ width: 10, height: 10, borderRadius: 5, background: GRADE_FILL[g.grade], display: 'inline-block' }} />
              <Text size="xs">{g.grade === 'none' ? t('evaluation.quadrantChart.noGrade') : g.grade}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <Group justify="space-between" style={plotInset} data-testid="quadrant-names-top">
        <QuadrantName label={t('evaluation.quadrant.maintain')} fill="#edf2ff" />
        <QuadrantName label={t('evaluation.quadrant.develop')} fill="#e6fcf5" />
      </Group>
      <ResponsiveContainer width="100%" height={420}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <ReferenceArea x1={salesSplit} x2={100} y1={creditSplit} y2={100} fill="#e6fcf5" fillOpacity={0.6} />
          <ReferenceArea x1={salesSplit} x2={100} y1={0} y2={creditSplit} fill="#fff4e6" fillOpacity={0.6} />
          <ReferenceArea x1={0} x2={salesSplit} y1={creditSplit} y2={100} fill="#edf2ff" fillOpacity={0.6} />
          <ReferenceArea x1={0} x2={salesSplit} y1={0} y2={creditSplit} fill="#f1f3f5" fillOpacity={0.6} />
          <XAxis type="number" dataKey="x" domain={[0, 100]} name={t('evaluation.quadrantChart.x')} label={{ value: t('evaluation.quadrantChart.x'), position: 'insideBottom', offset: -12 }} />
          <YAxis type="number" dataKey="y" domain={[0, 100]} name={t('evaluation.quadrantChart.y')} label={{ value: t('evaluation.quadrantChart.y'), angle: -90, position: 'insideLeft' }} />
          <ReferenceLine x={salesSplit} stroke="#868e96" />
          <ReferenceLine y={creditSplit} stroke="#868e96" />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as Point | undefined;
              if (!p) return null;
              return (
                <Paper withBorder p={6} shadow="xs">
                  <Text size="xs" fw={600}>
                    {p.row.code} {p.row.name}
                  </Text>
                  <Text size="xs">
                    {t('evaluation.col.salesScore')} {p.row.salesScore} · {t('evaluation.col.creditScore')} {p.row.creditScore}
                  </Text>
                  <Text size="xs">
                    {t('evaluation.col.grade')} {p.row.grade ?? '—'} → {t('evaluation.col.suggested')} {p.row.suggestedGrade}
                  </Text>
                </Paper>
              );
            }}
          />
          {groups.map((g) => (
            <Scatter
              key={g.grade}
              data={g.points}
              fill={GRADE_FILL[g.grade]}
              isAnimationActive={false}
              shape={(props: { cx?: number; cy?: number; payload?: Point }) => (
                <g>
                  {/* Names beside the points while they stay readable (a few dozen customers). */}
                  {/* Right of the point, or left of it near the right edge so the name stays inside the plot. */}
                  {rows.length <= 40 && (
                    <text
                      x={(props.cx ?? 0) + ((props.payload?.x ?? 0) > 75 ? -9 : 9)}
                      y={(props.cy ?? 0) + 4}
                      textAnchor={(props.payload?.x ?? 0) > 75 ? 'end' : 'start'}
                      fontSize={11}
                      fill="#495057"
                      style={{ pointerEvents: 'none' }}
                    >
                      {props.payload?.row.name.slice(0, 8)}
                    </text>
                  )}
                  <circle
                  cx={props.cx}
                  cy={props.cy}
                  r={6}
                  fill={GRADE_FILL[g.grade]}
                  fillOpacity={0.8}
                  stroke="#fff"
                  style={{ cursor: 'pointer' }}
                  data-testid={`point-${props.payload?.row.code}`}
                  data-quadrant={props.payload?.row.quadrant}
                  onClick={() => props.payload && onOpen(props.payload.row)}
                  />
                </g>
              )}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
      <Group justify="space-between" style={plotInset} data-testid="quadrant-names-bottom">
        <QuadrantName label={t('evaluation.quadrant.shrink')} fill="#f1f3f5" />
        <QuadrantName label={t('evaluation.quadrant.collect')} fill="#fff4e6" />
      </Group>
    </Paper>
  );
}
