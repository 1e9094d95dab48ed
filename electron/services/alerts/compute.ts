/**
 * Every alert for a date D: each switched-on rule (settings) over the books
 * as of D, in one stable order — kind (the order of ALERT_KINDS), then
 * critical first, then the larger amount, then customer code, then key.
 */
import { ALERT_KINDS, severityRank, type AlertKind } from '../../../shared/alerts/kinds';
import type { AlertSettings } from '../../../shared/alerts/settings';
import type { Alert } from '../../../shared/alerts/types';
import type { ServiceContext } from '../context';
import { churnAlerts } from './rules/churn';
import { contractEndedAlerts, contractExpiringAlerts } from './rules/contracts';
import { creditLimitAlerts } from './rules/creditLimit';
import { caseOverdueAlerts } from './rules/afterSales';
import { followUpAlerts } from './rules/followUps';
import { visitPlanAlerts } from './rules/visitPlans';
import { installmentDueAlerts } from './rules/installments';
import { overdueAlerts } from './rules/overdue';
import { promiseBrokenAlerts } from './rules/promises';
import { statementUnconfirmedAlerts } from './rules/statements';
import { rebateNearTierAlerts, rebateUnsettledAlerts } from './rules/rebates';
import { syncConflictAlerts } from './rules/syncConflicts';
import { AlertSources } from './sources';

type Rule = (s: AlertSources) => Alert[];

// A kind may gather several rules (timed apart in the bench's breakdown).
const RULES: Record<AlertKind, readonly Rule[]> = {
  overdue: [overdueAlerts],
  credit_limit: [creditLimitAlerts],
  installment_due: [installmentDueAlerts],
  contract_expiring: [contractExpiringAlerts],
  contract_ended_with_balance: [contractEndedAlerts],
  // Visit plans past due raise the follow-up alert too (issue 14), keyed by customer and due date.
  follow_up_due: [followUpAlerts, visitPlanAlerts],
  promise_broken: [promiseBrokenAlerts],
  churn: [churnAlerts],
  statement_unconfirmed: [statementUnconfirmedAlerts],
  case_overdue: [caseOverdueAlerts],
  rebate_near_tier: [rebateNearTierAlerts],
  rebate_unsettled: [rebateUnsettledAlerts],
  sync_conflict: [syncConflictAlerts],
};

export function compareAlerts(a: Alert, b: Alert): number {
  const kind = ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind);
  if (kind !== 0) return kind;
  const severity = severityRank(b.severity) - severityRank(a.severity);
  if (severity !== 0) return severity;
  const amount = (b.amountFen ?? -1) - (a.amountFen ?? -1);
  if (amount !== 0) return amount;
  if (a.customerCode !== b.customerCode) return a.customerCode < b.customerCode ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Which kinds to compute: one kind, those a test accepts, or (undefined) every kind. */
export type KindFilter = AlertKind | ((kind: AlertKind) => boolean) | undefined;

const wanted = (only: KindFilter, kind: AlertKind): boolean => (only === undefined ? true : typeof only === 'function' ? only(kind) : only === kind);

/** Runs every switched-on rule (of the kinds `only` lets through) through `run`, then sorts: one loop for the app and the bench. */
function runRules(sources: AlertSources, only: KindFilter, run: (name: string, rule: Rule) => Alert[]): Alert[] {
  const out: Alert[] = [];
  for (const kind of ALERT_KINDS) {
    if (!sources.settings[kind].enabled || !wanted(only, kind)) continue;
    const rules = RULES[kind];
    for (const rule of rules) out.push(...run(rules.length > 1 ? `${kind} (${rule.name})` : kind, rule));
  }
  return out.sort(compareAlerts);
}

/** `only` limits the work to some kinds (finding one alert to snooze needs no other rule). */
export function computeAlerts(ctx: ServiceContext, asOf: string, settings: AlertSettings, only?: KindFilter): Alert[] {
  const sources = new AlertSources(ctx, asOf, settings);
  return runRules(sources, only, (_, rule) => rule(sources));
}

export interface RuleTiming {
  /** A rule's kind, or `shared: …` for a load the rules share (paid once, by whichever rule asks first). */
  name: string;
  cpuMs: number;
  wallMs: number;
  /** Alerts the rule made (0 for a shared load). */
  alerts: number;
}

/**
 * computeAlerts with the time of each part, for the bench's breakdown: the
 * shared loads are made first, each on its own, so every rule is charged
 * only for its own reads. CPU time is the process's, so it also counts the
 * garbage collector's helper threads while the part runs.
 */
export function timeAlertRules(ctx: ServiceContext, asOf: string, settings: AlertSettings): { alerts: Alert[]; timings: RuleTiming[] } {
  const timings: RuleTiming[] = [];
  const timed = <T>(name: string, fn: () => T): T => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = fn();
    const c = process.cpuUsage(c0);
    timings.push({ name, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0, alerts: Array.isArray(result) ? result.length : 0 });
    return result;
  };
  const sources = timed('shared: customers', () => {
    const s = new AlertSources(ctx, asOf, settings);
    s.customers();
    return s;
  });
  timed('shared: ledger as of D (crossing-void replays)', () => sources.ledger);
  timed('shared: overdue summaries', () => sources.ledger.overdueSummaries());
  timed('shared: balances, last invoices', () => sources.ledger.balanceOf(''));
  const alerts = runRules(sources, undefined, (name, rule) => timed(name, () => rule(sources)));
  return { alerts, timings };
}
