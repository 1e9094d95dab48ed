/**
 * Evaluation settings (设置 → 客户评估): the grade thresholds, the quadrant
 * split, the reference figures the sales score is measured against, the
 * visit plans and the default response time of after-sales cases. One
 * schema validates the form, the API and (leniently) what is stored.
 */
import { z } from 'zod';
import { CUSTOMER_GRADES } from '../api/customerEnums';

const score = (label: string) =>
  z
    .number({ error: `${label}必须是 0–100 的整数` })
    .int({ error: `${label}必须是 0–100 的整数` })
    .min(0, { error: `${label}不能小于 0` })
    .max(100, { error: `${label}不能大于 100` });

const days = (label: string) =>
  z
    .number({ error: `${label}必须是整数天数` })
    .int({ error: `${label}必须是整数天数` })
    .min(1, { error: `${label}至少为 1 天` })
    .max(3650, { error: `${label}不能超过 3650 天` });

const gradeThreshold = (g: string) => z.object({ sales: score(`${g} 级销售能力门槛`), credit: score(`${g} 级信用质量门槛`) });

export const gradeThresholdsSchema = z
  .object({ A: gradeThreshold('A'), B: gradeThreshold('B'), C: gradeThreshold('C') })
  .superRefine((t, ctx) => {
    // Strictly decreasing on each axis: equal thresholds would make a grade unreachable (they overlap),
    // a lower grade above a higher one would put them out of order.
    const pairs = [
      ['A', 'B'],
      ['B', 'C'],
    ] as const;
    for (const [hi, lo] of pairs) {
      for (const axis of ['sales', 'credit'] as const) {
        if (t[lo][axis] >= t[hi][axis]) {
          const what = axis === 'sales' ? '销售能力' : '信用质量';
          ctx.addIssue({
            code: 'custom',
            path: [lo, axis],
            message: `${lo} 级的${what}门槛（${t[lo][axis]}）必须低于 ${hi} 级（${t[hi][axis]}），等级门槛不能重叠或颠倒`,
          });
        }
      }
    }
  });

const layerPlan = z.object({ key: days('重点客户回访周期').nullable(), ordinary: days('普通客户回访周期').nullable(), potential: days('潜在客户回访周期').nullable() });
const gradePlan = z.object(Object.fromEntries(CUSTOMER_GRADES.map((g) => [g, days(`${g} 级客户回访周期`).nullable()])) as Record<
  (typeof CUSTOMER_GRADES)[number],
  z.ZodNullable<ReturnType<typeof days>>
>);

export const evaluationSettingsSchema = z.object({
  /** Suggested grade: the first grade whose both thresholds the scores reach; below C's is D. */
  grades: gradeThresholdsSchema,
  /** The quadrant lines: a score at or above the split is "high". */
  quadrant: z.object({ salesSplit: score('销售能力分界'), creditSplit: score('信用质量分界') }),
  /** Sales at which the volume part is full, per 12 months (scaled to the period). */
  fullSalesFen: z
    .number({ error: '满分销售额必须是金额' })
    .int({ error: '满分销售额必须精确到分' })
    .min(100, { error: '满分销售额至少为 ¥1.00' })
    .max(99_999_999_999_999, { error: '满分销售额超出上限' }),
  /** Invoices at which the frequency part is full, per 12 months. */
  fullOrders: z.number({ error: '满分下单次数必须是整数' }).int({ error: '满分下单次数必须是整数' }).min(1, { error: '满分下单次数至少为 1' }).max(3650, { error: '满分下单次数不能超过 3650' }),
  /** Visit frequency: the customer's own override, else its layer's, else its grade's; null = no plan. */
  visitPlan: z.object({ layer: layerPlan, grade: gradePlan }),
  /** A new case's promised response date defaults to received + this many days. */
  caseResponseDays: days('默认答复期限'),
});

export type EvaluationSettings = z.output<typeof evaluationSettingsSchema>;
export type GradeThresholds = EvaluationSettings['grades'];

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  grades: { A: { sales: 70, credit: 70 }, B: { sales: 50, credit: 50 }, C: { sales: 30, credit: 30 } },
  quadrant: { salesSplit: 50, creditSplit: 50 },
  fullSalesFen: 100_000_000,
  fullOrders: 24,
  visitPlan: { layer: { key: 30, ordinary: 90, potential: 180 }, grade: { A: null, B: null, C: null, D: null } },
  caseResponseDays: 3,
};

/** Stored settings over the defaults, part by part: a damaged part falls back to its default. */
export function mergeEvaluationSettings(stored: unknown): EvaluationSettings {
  const out: EvaluationSettings = structuredClone(DEFAULT_EVALUATION_SETTINGS);
  if (stored === null || typeof stored !== 'object') return out;
  const record = stored as Record<string, unknown>;
  const shape = evaluationSettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof EvaluationSettings)[]) {
    if (!(key in record)) continue;
    const part = shape[key].safeParse(record[key]);
    if (part.success) (out as Record<string, unknown>)[key] = part.data;
  }
  return out;
}
