/**
 * Visit plans (回访计划): how often a customer should be contacted, and when
 * the next visit is due. A visit is any T/E/M interaction (phone, message,
 * meeting); O (其他) does not satisfy a plan.
 */
import type { CustomerGrade } from '../api/customerEnums';
import { addDays } from '../dates/calendar';
import type { CustomerLayer } from './enums';
import type { EvaluationSettings } from './settings';

export const VISIT_CHANNELS = ['T', 'E', 'M'] as const;

export interface PlanSubject {
  layer: CustomerLayer | null;
  grade: CustomerGrade | null;
  /** The customer's own interval, overriding the settings. */
  visitIntervalDays: number | null;
}

/** The customer's override, else its layer's plan, else its grade's; null = no plan. */
export function visitIntervalOf(c: PlanSubject, plan: EvaluationSettings['visitPlan']): number | null {
  if (c.visitIntervalDays !== null) return c.visitIntervalDays;
  const byLayer = c.layer === null ? null : plan.layer[c.layer];
  if (byLayer !== null) return byLayer;
  return c.grade === null ? null : plan.grade[c.grade];
}

/**
 * Next visit due = the last visit (T/E/M) + interval; a customer never
 * visited counts from the day the plan could start (the day it was entered).
 */
export const visitDueOn = (lastVisitOn: string | null, since: string, intervalDays: number): string => addDays(lastVisitOn ?? since, intervalDays);

/** Due on the due date itself and every day after, until a visit is logged. */
export const isVisitDue = (dueOn: string, asOf: string): boolean => dueOn <= asOf;

/** Visits the plan calls for in a period of `periodDays` days: ⌊days ÷ interval⌋. */
export const plannedVisits = (periodDays: number, intervalDays: number): number => Math.floor(periodDays / intervalDays);
