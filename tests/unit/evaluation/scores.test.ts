/** The pure definitions at their edges: suggested grade thresholds, quadrants, visit due dates, rates. */
import { describe, expect, it } from 'vitest';
import { collectionRate, growthRate, quadrantOf, suggestedGrade, weightedDays } from '../../../shared/evaluation/scores';
import { DEFAULT_EVALUATION_SETTINGS, evaluationSettingsSchema } from '../../../shared/evaluation/settings';
import { isVisitDue, plannedVisits, visitDueOn, visitIntervalOf } from '../../../shared/evaluation/visitPlan';

const T = { A: { sales: 70, credit: 60 }, B: { sales: 50, credit: 40 }, C: { sales: 30, credit: 20 } };

describe('suggested grade at its thresholds', () => {
  it.each([
    [70, 60, 'A'],
    [69, 60, 'B'],
    [70, 59, 'B'],
    [50, 40, 'B'],
    [49, 99, 'C'],
    [99, 39, 'C'],
    [30, 20, 'C'],
    [29, 100, 'D'],
    [100, 19, 'D'],
  ] as const)('sales %i, credit %i → %s', (s, c, g) => {
    expect(suggestedGrade(s, c, T)).toBe(g);
  });
});

describe('quadrants', () => {
  it('a score at the split is high', () => {
    const split = { salesSplit: 50, creditSplit: 50 };
    expect(quadrantOf(50, 50, split)).toBe('develop');
    expect(quadrantOf(50, 49, split)).toBe('collect');
    expect(quadrantOf(49, 50, split)).toBe('maintain');
    expect(quadrantOf(49, 49, split)).toBe('shrink');
  });
});

describe('rates', () => {
  it('collection rate floors a prepaid opening at 0 and is null with nothing owed', () => {
    expect(collectionRate(30, -100, 60)).toBe(0.5);
    expect(collectionRate(10, 0, 0)).toBeNull();
    expect(collectionRate(1, 2, 1)).toBe(0.3333);
    expect(growthRate(150, 100)).toBe(0.5);
    expect(growthRate(150, 0)).toBeNull();
    expect(weightedDays(3, 10)).toBe(3.3);
    expect(weightedDays(0, 0)).toBeNull();
  });
});

describe('visit plans', () => {
  const plan = DEFAULT_EVALUATION_SETTINGS.visitPlan;
  it('override, else layer, else grade', () => {
    expect(visitIntervalOf({ layer: 'key', grade: 'A', visitIntervalDays: 7 }, plan)).toBe(7);
    expect(visitIntervalOf({ layer: 'potential', grade: 'A', visitIntervalDays: null }, plan)).toBe(180);
    expect(visitIntervalOf({ layer: null, grade: 'A', visitIntervalDays: null }, { ...plan, grade: { ...plan.grade, A: 45 } })).toBe(45);
    expect(visitIntervalOf({ layer: null, grade: 'A', visitIntervalDays: null }, plan)).toBeNull();
  });
  it('due on the due date, not the day before', () => {
    const due = visitDueOn('2026-01-31', '2025-01-01', 30);
    expect(due).toBe('2026-03-02');
    expect(isVisitDue(due, '2026-03-01')).toBe(false);
    expect(isVisitDue(due, '2026-03-02')).toBe(true);
    expect(isVisitDue(due, '2026-03-03')).toBe(true);
    expect(visitDueOn(null, '2026-01-01', 10)).toBe('2026-01-11');
    expect(plannedVisits(365, 30)).toBe(12);
  });
});

describe('settings', () => {
  it('refuses thresholds that overlap or are out of order, in Chinese', () => {
    const r = evaluationSettingsSchema.safeParse({ ...DEFAULT_EVALUATION_SETTINGS, grades: { A: { sales: 70, credit: 70 }, B: { sales: 70, credit: 50 }, C: { sales: 80, credit: 30 } } });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('B 级的销售能力门槛（70）必须低于 A 级（70），等级门槛不能重叠或颠倒');
    expect(messages).toContain('C 级的销售能力门槛（80）必须低于 B 级（70），等级门槛不能重叠或颠倒');
  });
});
