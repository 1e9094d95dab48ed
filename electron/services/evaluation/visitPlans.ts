/**
 * Visit plans (回访计划): each customer's interval (its override, else its
 * layer's, else its grade's), its last T/E/M interaction, the next due date,
 * the 待回访 list and the planned visits the contact calendar shows.
 */
import type { z } from 'zod';
import type { CustomerGrade } from '../../../shared/api/customerEnums';
import type { PlannedVisit, VisitDueRow, VisitPlanStatus, VisitsDue, plannedVisitsSchema, visitsDueSchema } from '../../../shared/api/evaluation';
import { addDays, diffDays } from '../../../shared/dates/calendar';
import { localDateOf } from '../../../shared/dates/clock';
import type { CustomerLayer } from '../../../shared/evaluation/enums';
import type { EvaluationSettings } from '../../../shared/evaluation/settings';
import { isVisitDue, visitDueOn, visitIntervalOf } from '../../../shared/evaluation/visitPlan';
import type { ServiceContext } from '../context';
import { searchWords } from '../customers/search';
import type { CustomerHead } from './scorecards';
import { getEvaluationSettings } from './settings';

/** The day a never-visited customer's plan starts: the business date it was entered. */
export const planStart = (h: Pick<CustomerHead, 'created_at'>): string => localDateOf(new Date(h.created_at));

const LAST_VISITS = `SELECT customer_id AS id, max(date) AS last FROM interactions INDEXED BY interactions_visits
  WHERE channel IN ('T', 'E', 'M') AND date <= ? GROUP BY customer_id`;

/** Each customer's latest T/E/M interaction dated ≤ asOf. */
export function lastVisits(ctx: ServiceContext, asOf: string): Map<string, string> {
  return new Map((ctx.db.prepare(LAST_VISITS).all(asOf) as { id: string; last: string }[]).map((r) => [r.id, r.last]));
}

function lastVisitOf(ctx: ServiceContext, customerId: string, asOf: string): string | null {
  const r = ctx.db
    .prepare(`SELECT max(date) AS last FROM interactions INDEXED BY interactions_visits WHERE customer_id = ? AND channel IN ('T', 'E', 'M') AND date <= ?`)
    .get(customerId, asOf) as { last: string | null };
  return r.last;
}

const subject = (h: CustomerHead) => ({
  layer: h.layer as CustomerLayer | null,
  grade: h.grade as CustomerGrade | null,
  visitIntervalDays: h.visit_interval_days,
});

function sourceOf(h: CustomerHead, plan: EvaluationSettings['visitPlan']): VisitPlanStatus['source'] {
  if (h.visit_interval_days !== null) return 'customer';
  if (h.layer !== null && plan.layer[h.layer as CustomerLayer] !== null) return 'layer';
  if (h.grade !== null && plan.grade[h.grade as CustomerGrade] !== null) return 'grade';
  return null;
}

export function visitPlanStatus(ctx: ServiceContext, h: CustomerHead, settings: EvaluationSettings, asOf: string): VisitPlanStatus {
  const intervalDays = visitIntervalOf(subject(h), settings.visitPlan);
  const lastVisitOn = lastVisitOf(ctx, h.id, asOf);
  if (intervalDays === null) return { intervalDays, source: null, lastVisitOn, dueOn: null, daysLate: null };
  const dueOn = visitDueOn(lastVisitOn, planStart(h), intervalDays);
  return { intervalDays, source: sourceOf(h, settings.visitPlan), lastVisitOn, dueOn, daysLate: isVisitDue(dueOn, asOf) ? diffDays(asOf, dueOn) : null };
}

const PLAN_HEADS = `SELECT id, code, name, short_name, pinyin, grade, layer, salesperson, status, visit_interval_days, created_at
  FROM customers WHERE archived_at IS NULL AND status <> 'closed' ORDER BY code COLLATE NOCASE, id`;

/** Every customer due for a visit on asOf (due date ≤ asOf), most overdue first. Archived and closed customers have no plan. */
export function dueVisits(ctx: ServiceContext, asOf: string, settings: EvaluationSettings): VisitDueRow[] {
  const last = lastVisits(ctx, asOf);
  const out: VisitDueRow[] = [];
  for (const h of ctx.db.prepare(PLAN_HEADS).all() as CustomerHead[]) {
    const intervalDays = visitIntervalOf(subject(h), settings.visitPlan);
    if (intervalDays === null) continue;
    const lastVisitOn = last.get(h.id) ?? null;
    const dueOn = visitDueOn(lastVisitOn, planStart(h), intervalDays);
    if (!isVisitDue(dueOn, asOf)) continue;
    out.push({
      customerId: h.id,
      code: h.code,
      name: h.name,
      grade: h.grade as CustomerGrade | null,
      layer: h.layer as CustomerLayer | null,
      salesperson: h.salesperson,
      intervalDays,
      lastVisitOn,
      dueOn,
      daysLate: diffDays(asOf, dueOn),
    });
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || (a.code < b.code ? -1 : 1));
}

export function visitsDue(ctx: ServiceContext, q: z.output<typeof visitsDueSchema>): VisitsDue {
  const asOf = q.asOf ?? ctx.clock.today();
  const words = searchWords(q.search);
  const rows = dueVisits(ctx, asOf, getEvaluationSettings(ctx)).filter(
    (r) =>
      (q.grade.length === 0 || (r.grade !== null && q.grade.includes(r.grade))) &&
      (q.layer.length === 0 || (r.layer !== null && q.layer.includes(r.layer))) &&
      (q.salesperson === null || r.salesperson === q.salesperson) &&
      (words.length === 0 || words.every((w) => `${r.code} ${r.name}`.toLowerCase().includes(w))),
  );
  return { asOf, rows };
}

/**
 * Planned visits dated from..to: the next due date as of today (a missed one
 * stays on its day), then every interval after it, as if each planned visit
 * were made on its day.
 */
export function plannedVisits(ctx: ServiceContext, q: z.output<typeof plannedVisitsSchema>): PlannedVisit[] {
  const settings = getEvaluationSettings(ctx);
  const today = ctx.clock.today();
  const last = lastVisits(ctx, today);
  const wanted = q.customerIds.length > 0 ? new Set(q.customerIds) : null;
  const out: PlannedVisit[] = [];
  for (const h of ctx.db.prepare(PLAN_HEADS).all() as CustomerHead[]) {
    if (wanted && !wanted.has(h.id)) continue;
    const intervalDays = visitIntervalOf(subject(h), settings.visitPlan);
    if (intervalDays === null) continue;
    let due = visitDueOn(last.get(h.id) ?? null, planStart(h), intervalDays);
    for (let i = 0; i < 400 && due <= q.to; i++, due = addDays(due, intervalDays)) {
      if (due >= q.from) out.push({ customerId: h.id, dueOn: due });
    }
  }
  return out;
}
