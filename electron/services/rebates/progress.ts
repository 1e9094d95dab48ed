/**
 * Progress all year (point 3): for each target, as of a date, the base to
 * date, attainment, reached tier, earned so far, the projection to the period
 * end at the current pace, the gap to the next tier in money, and what has
 * been settled. One query for the targets, one for all bases, one for the
 * settlements: the whole list is three statements whatever its size.
 */
import type { RebateBaseParts, RebateProgressRow, RebateStatus } from '../../../shared/api/rebates';
import { diffDays } from '../../../shared/dates/calendar';
import { calculateRebate, projectedBaseFen, type RebateResult } from '../../../shared/rebates/calculate';
import { tierPayoutText } from '../../../shared/rebates/policyText';
import type { ServiceContext } from '../context';
import { baseOf, baseParts, scopeParams, scopeWhere, type BaseScope } from './base';
import { policyOf, toTargetDto, type TargetLineFacts, type TargetRow } from './targets';

export interface ProgressDetail {
  row: RebateProgressRow;
  parts: RebateBaseParts;
  result: RebateResult;
  onTimeBaseFen: number;
}

const targetsSql = (where: string) => `SELECT t.*, k.contract_no, k.title AS contract_title, c.id AS customer_id, c.code AS customer_code, c.name AS customer_name,
    l.seq AS line_seq, l.description AS line_description
  FROM rebate_targets t JOIN contracts k ON k.id = t.contract_id JOIN customers c ON c.id = k.customer_id
    LEFT JOIN contract_lines l ON l.id = t.contract_line_id
  WHERE t.removed_at IS NULL AND ${where}
  ORDER BY t.period_to, k.contract_no, t.period_from, ifnull(l.seq, 0)`;

const settledSql = (where: string) => `SELECT s.target_id, sum(s.amount_fen) AS settled, max(s.kind = 'settlement') AS has_main
  FROM rebate_settlements s JOIN rebate_targets t ON t.id = s.target_id
  WHERE s.active_key IS NOT NULL AND t.removed_at IS NULL AND ${where}
  GROUP BY s.target_id`;

type TargetJoin = TargetRow & TargetLineFacts & { contract_no: string; contract_title: string; customer_id: string; customer_code: string; customer_name: string };

export function progressDetails(ctx: ServiceContext, scope: BaseScope): ProgressDetail[] {
  const params = scopeParams(scope);
  const where = scopeWhere(scope, 't');
  const targets = ctx.db.prepare(targetsSql(where)).all(params) as TargetJoin[];
  if (targets.length === 0) return [];
  const parts = baseParts(ctx, scope);
  const settled = new Map(
    (ctx.db.prepare(settledSql(where)).all(params) as { target_id: string; settled: number; has_main: number }[]).map((s) => [s.target_id, s]),
  );
  return targets.map((t) => {
    const target = toTargetDto(t);
    const p = parts.get(t.id) ?? { invoicedFen: 0, returnsFen: 0, collectedFen: 0, collectedOnTimeFen: 0 };
    const baseFen = baseOf(t.basis, t.on_time_only === 1, p);
    const policy = policyOf(target);
    const result = calculateRebate(policy, { targetFen: t.target_fen, baseFen, onTimeBaseFen: p.collectedOnTimeFen });
    const periodDays = diffDays(t.period_to, t.period_from) + 1;
    const elapsed = scope.asOf < t.period_from ? 0 : diffDays(scope.asOf < t.period_to ? scope.asOf : t.period_to, t.period_from) + 1;
    const projectedBase = projectedBaseFen(Math.max(0, baseFen), periodDays, elapsed);
    const projectedOnTime = projectedBaseFen(p.collectedOnTimeFen, periodDays, elapsed);
    const projected = calculateRebate(policy, { targetFen: t.target_fen, baseFen: projectedBase, onTimeBaseFen: projectedOnTime });
    const s = settled.get(t.id);
    const settledFen = s?.settled ?? 0;
    const isSettled = (s?.has_main ?? 0) === 1;
    const ended = scope.asOf > t.period_to;
    const { differenceFen, status } = settlementStanding(result.earnedFen, settledFen, isSettled, ended);
    const nextTier = result.next ? target.tiers[result.next.tierIndex] : null;
    const row: RebateProgressRow = {
      target,
      contractNo: t.contract_no,
      contractTitle: t.contract_title,
      customer: { id: t.customer_id, code: t.customer_code, name: t.customer_name },
      asOf: scope.asOf,
      baseFen,
      attainmentPpm: result.attainmentPpm,
      tierIndex: result.tierIndex,
      tierThresholdPpm: result.tierIndex === null ? null : target.tiers[result.tierIndex].attainmentPpm,
      earnedFen: result.earnedFen,
      projectedBaseFen: projectedBase,
      projectedEarnedFen: projected.earnedFen,
      next: result.next && nextTier ? { ...result.next, payout: tierPayoutText(nextTier) } : null,
      settledFen,
      differenceFen,
      settled: isSettled,
      ended,
      daysLeft: diffDays(t.period_to, scope.asOf),
      status,
    };
    return { row, parts: p, result, onTimeBaseFen: p.collectedOnTimeFen };
  });
}

/** The difference and status of a period from what it earned and what stands settled (also used right after a settlement posts). */
export function settlementStanding(earnedFen: number, settledFen: number, isSettled: boolean, ended: boolean): { differenceFen: number; status: RebateStatus } {
  const differenceFen = isSettled ? earnedFen - settledFen : 0;
  const status: RebateStatus = isSettled
    ? differenceFen !== 0
      ? 'difference'
      : 'settled'
    : !ended
      ? 'running'
      : earnedFen - settledFen > 0
        ? 'due'
        : 'nothing';
  return { differenceFen, status };
}

export const progressRows = (ctx: ServiceContext, scope: BaseScope): RebateProgressRow[] => progressDetails(ctx, scope).map((d) => d.row);

/** What is earned and not yet settled: Σ max(0, earned − settled) over every period. */
export function obligationOf(rows: readonly RebateProgressRow[]): { earnedNotSettledFen: number; count: number } {
  let total = 0;
  let count = 0;
  for (const r of rows) {
    const owed = r.earnedFen - r.settledFen;
    if (owed > 0) {
      total += owed;
      count += 1;
    }
  }
  return { earnedNotSettledFen: total, count };
}
