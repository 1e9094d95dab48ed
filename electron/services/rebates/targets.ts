/**
 * Targets with their rebate policy (任务目标与返利政策): one row per contract
 * and period. Saving checks what zod cannot: the contract exists, the period
 * lies inside the contract's term, and no other target covers the same
 * period; a target whose period stands settled cannot change (void the
 * settlement's document first), so a settled figure is never rewritten.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { RebateTargetsTable } from '../../../db/tables/rebates';
import type { RebateBasis, RebatePeriodKind, RebateTargetDto, saveTargetSchema } from '../../../shared/api/rebates';
import { DomainError, validationError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { RebateMode, RebatePolicy, RebateTier } from '../../../shared/rebates/calculate';
import { formatTierText } from '../../../shared/rebates/policyText';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { customerOfContract } from '../contracts/customerOfContract';

export type TargetRow = Selectable<RebateTargetsTable>;

/** The target's product line as read alongside it (LEFT JOIN contract_lines); both null for a whole-contract target. */
export interface TargetLineFacts {
  line_seq: number | null;
  line_description: string | null;
}

export function toTargetDto(row: TargetRow & TargetLineFacts): RebateTargetDto {
  const tiers = JSON.parse(row.tiers) as RebateTier[];
  return {
    id: row.id,
    contractId: row.contract_id,
    contractLineId: row.contract_line_id,
    contractLine: row.contract_line_id !== null && row.line_seq !== null ? { seq: row.line_seq, description: row.line_description ?? '' } : null,
    periodKind: row.period_kind as RebatePeriodKind,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    basis: row.basis as RebateBasis,
    onTimeOnly: row.on_time_only === 1,
    targetFen: row.target_fen,
    mode: row.mode as RebateMode,
    tiers,
    tiersText: formatTierText(tiers),
    capFen: row.cap_fen,
    onTimeRatePpm: row.on_time_rate_ppm,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const policyOf = (t: RebateTargetDto): RebatePolicy => ({ mode: t.mode, tiers: t.tiers, capFen: t.capFen, onTimeRatePpm: t.onTimeRatePpm });

export function requireTarget(ctx: ServiceContext, id: string, field = 'targetId'): TargetRow {
  const row = ctx.db.first(ctx.db.k.selectFrom('rebate_targets').selectAll().where('id', '=', id).where('removed_at', 'is', null));
  if (!row) throw new DomainError('not_found', '返利目标不存在或已删除', field);
  return row;
}

/** A settlement of this target that still stands (its document not voided). */
export const hasStandingSettlement = (ctx: ServiceContext, targetId: string): boolean =>
  ctx.db.prepare('SELECT 1 FROM rebate_settlements WHERE target_id = ? AND active_key IS NOT NULL LIMIT 1').get(targetId) !== undefined;

type SaveInput = z.output<typeof saveTargetSchema>;

function lineFacts(ctx: ServiceContext, lineId: string | null): TargetLineFacts & { line_contract_id: string | null } {
  if (lineId === null) return { line_seq: null, line_description: null, line_contract_id: null };
  const line = ctx.db.prepare('SELECT seq, description, contract_id FROM contract_lines WHERE id = ?').get(lineId) as
    | { seq: number; description: string; contract_id: string }
    | undefined;
  return { line_seq: line?.seq ?? null, line_description: line?.description ?? null, line_contract_id: line?.contract_id ?? null };
}

/** The period of a product line clashes only with the same line's periods (a whole-contract target and a line target may overlap). */
const lineLabel = (l: { line_seq: number | null; line_description: string | null }): string =>
  l.line_seq === null ? '' : `第 ${l.line_seq} 行（${l.line_description ?? ''}）`;

/** What the database must say about a target before it is saved (contract, product line, term, overlap), or null. */
export function targetProblem(
  ctx: ServiceContext,
  input: Pick<SaveInput, 'id' | 'contractId' | 'contractLineId' | 'periodFrom' | 'periodTo'>,
): { field: string; message: string; code: 'validation' | 'not_found' } | null {
  const contract = ctx.db.first(
    ctx.db.k.selectFrom('contracts').select(['id', 'contract_no', 'starts_on', 'ends_on']).where('id', '=', input.contractId),
  );
  if (!contract) return { code: 'not_found', field: 'contractId', message: '合同不存在' };
  const line = lineFacts(ctx, input.contractLineId);
  if (input.contractLineId !== null && line.line_contract_id !== contract.id) {
    return { code: 'validation', field: 'contractLineId', message: `所选产品线不是合同 ${contract.contract_no} 的合同行` };
  }
  if (contract.starts_on !== null && input.periodFrom < contract.starts_on) {
    return { code: 'validation', field: 'periodFrom', message: `期间起 ${input.periodFrom} 早于合同 ${contract.contract_no} 的开始日期 ${contract.starts_on}，期间必须在合同期内` };
  }
  if (contract.ends_on !== null && input.periodTo > contract.ends_on) {
    return { code: 'validation', field: 'periodTo', message: `期间止 ${input.periodTo} 晚于合同 ${contract.contract_no} 的结束日期 ${contract.ends_on}，期间必须在合同期内` };
  }
  const clash = ctx.db.first(
    ctx.db.k
      .selectFrom('rebate_targets')
      .select(['id', 'period_from', 'period_to'])
      .where('contract_id', '=', input.contractId)
      .where('removed_at', 'is', null)
      .where('period_from', '<=', input.periodTo)
      .where('period_to', '>=', input.periodFrom)
      .where('id', '!=', input.id ?? '')
      .where((eb) => (input.contractLineId === null ? eb('contract_line_id', 'is', null) : eb('contract_line_id', '=', input.contractLineId))),
  );
  if (clash) {
    const of = input.contractLineId === null ? '' : `产品线${lineLabel(line)}`;
    return { code: 'validation', field: 'periodFrom', message: `合同 ${contract.contract_no} ${of}已有期间 ${clash.period_from}~${clash.period_to} 的目标，与本期间重叠` };
  }
  return null;
}

export function saveTarget(ctx: ServiceContext, input: SaveInput, opts: { importBatchId?: string; action?: string } = {}): RebateTargetDto {
  return ctx.db.transaction(() => {
    const problem = targetProblem(ctx, input);
    if (problem) throw new DomainError(problem.code, problem.message, problem.field);
    const now = ctx.clock.now().toISOString();
    const values = {
      contract_id: input.contractId,
      period_kind: input.periodKind,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      basis: input.basis,
      on_time_only: input.onTimeOnly ? 1 : 0,
      contract_line_id: input.contractLineId,
      target_fen: input.target,
      mode: input.mode,
      tiers: JSON.stringify(input.tiers),
      cap_fen: input.cap,
      on_time_rate_ppm: input.onTimeRate,
      notes: input.notes,
      updated_at: now,
    };
    if (input.id === null) {
      const id = newId();
      const row = { id, ...values, import_batch_id: opts.importBatchId ?? null, removed_at: null, created_at: now };
      ctx.db.run(ctx.db.k.insertInto('rebate_targets').values(row));
      recordChange(ctx, { entity: 'rebate_target', entityId: id, action: opts.action ?? 'create', before: null, after: row, tables: ['rebate_targets'], customerId: customerOfContract(ctx, row.contract_id) });
      return toTargetDto({ ...row, ...lineFacts(ctx, row.contract_line_id) });
    }
    const before = requireTarget(ctx, input.id, 'id');
    if (before.contract_id !== input.contractId) throw validationError('contractId', '返利目标不能改到另一份合同');
    if (hasStandingSettlement(ctx, before.id)) {
      throw new DomainError('conflict', `期间 ${before.period_from}~${before.period_to} 已结算返利，不能修改目标或政策；如需更改，请先冲销结算单据`, 'id');
    }
    ctx.db.run(ctx.db.k.updateTable('rebate_targets').set(values).where('id', '=', before.id));
    const after = { ...before, ...values };
    recordChange(ctx, { entity: 'rebate_target', entityId: before.id, action: 'update', before, after, tables: ['rebate_targets'], customerId: customerOfContract(ctx, after.contract_id) });
    return toTargetDto({ ...after, ...lineFacts(ctx, after.contract_line_id) });
  });
}

export function removeTarget(ctx: ServiceContext, id: string, reason = ''): { removed: true } {
  return ctx.db.transaction(() => {
    const before = requireTarget(ctx, id, 'id');
    if (hasStandingSettlement(ctx, id)) {
      throw new DomainError('conflict', `期间 ${before.period_from}~${before.period_to} 已结算返利，不能删除；请先冲销结算单据`, 'id');
    }
    const now = ctx.clock.now().toISOString();
    ctx.db.run(ctx.db.k.updateTable('rebate_targets').set({ removed_at: now, updated_at: now }).where('id', '=', id));
    recordChange(ctx, { entity: 'rebate_target', entityId: id, action: 'remove', before, after: { ...before, removed_at: now, reason }, tables: ['rebate_targets'], customerId: customerOfContract(ctx, before.contract_id) });
    return { removed: true };
  });
}
