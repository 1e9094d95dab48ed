/**
 * Status changes, each an explicit action with its own audit row:
 *   draft → active (activate), active → completed (complete),
 *   draft/active → terminated (terminate, reason required),
 *   active → draft (reopen, reason required: the way to change what was agreed).
 * "Expired" is not a status: it is derived from the end date (status.ts).
 */
import type { ContractDetail, ContractStatus } from '../../../shared/api/contracts';
import { CONTRACT_STATUS_LABELS } from '../../../shared/api/contractEnums';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { beforeContractActivation } from './activationHook';
import { getContract } from './load';
import { CONTRACT_TABLES } from './persist';
import { activationProblems, throwFirst } from './rules';
import { contractSnapshot } from './snapshot';

function requireStatus(c: ContractDetail, allowed: readonly ContractStatus[], action: string): void {
  if (!allowed.includes(c.status)) {
    const from = allowed.map((s) => CONTRACT_STATUS_LABELS[s]).join('或');
    throw new DomainError('conflict', `只有${from}状态的合同可以${action}，合同 ${c.contractNo} 现在是${CONTRACT_STATUS_LABELS[c.status]}`, 'status');
  }
}

interface StatusChange {
  action: string;
  status: ContractStatus;
  set: Partial<{
    activated_at: string;
    completed_at: string;
    terminated_at: string;
    terminated_reason: string;
    reopened_at: string;
    reopen_reason: string;
  }>;
  /** Added to the audit row's after snapshot (the reason, an override). */
  note: Record<string, unknown>;
}

function applyStatus(ctx: ServiceContext, before: ContractDetail, change: StatusChange): ContractDetail {
  ctx.db.run(
    ctx.db.k
      .updateTable('contracts')
      .set({ status: change.status, updated_at: ctx.clock.now().toISOString(), ...change.set })
      .where('id', '=', before.id),
  );
  const after = getContract(ctx, before.id);
  recordChange(ctx, {
    entity: 'contract',
    entityId: before.id,
    action: change.action,
    before: contractSnapshot(before),
    after: { ...contractSnapshot(after), ...change.note },
    tables: CONTRACT_TABLES,
    customerId: after.customerId,
  });
  return after;
}

export function activateContract(ctx: ServiceContext, input: { id: string; overrideReason: string }): ContractDetail {
  return ctx.db.transaction(() => {
    const c = getContract(ctx, input.id);
    requireStatus(c, ['draft'], '生效');
    const customer = ctx.db.first(ctx.db.k.selectFrom('customers').select(['code', 'archived_at']).where('id', '=', c.customerId));
    if (customer?.archived_at) {
      throw new DomainError('conflict', `客户 ${customer.code} 已归档，合同不能生效；请先恢复该客户`, 'customerId');
    }
    throwFirst(
      activationProblems({
        kind: c.kind,
        signedOn: c.signedOn,
        lineCount: c.lines.length,
        amountFen: c.amountFen,
        installments: c.installments,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
      }),
    );
    const hookNote = beforeContractActivation(ctx, c, { overrideReason: input.overrideReason });
    const now = ctx.clock.now().toISOString();
    return applyStatus(ctx, c, {
      action: 'activate',
      status: 'active',
      // activated_at keeps the first activation: it is what fixes the number.
      set: c.activatedAt ? {} : { activated_at: now },
      note: { ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}), ...(hookNote ?? {}) },
    });
  });
}

export function completeContract(ctx: ServiceContext, input: { id: string; note: string }): ContractDetail {
  return ctx.db.transaction(() => {
    const c = getContract(ctx, input.id);
    requireStatus(c, ['active'], '标记为完成');
    return applyStatus(ctx, c, {
      action: 'complete',
      status: 'completed',
      set: { completed_at: ctx.clock.now().toISOString() },
      note: input.note ? { reason: input.note } : {},
    });
  });
}

export function terminateContract(ctx: ServiceContext, input: { id: string; reason: string }): ContractDetail {
  return ctx.db.transaction(() => {
    const c = getContract(ctx, input.id);
    requireStatus(c, ['draft', 'active'], '终止');
    return applyStatus(ctx, c, {
      action: 'terminate',
      status: 'terminated',
      set: { terminated_at: ctx.clock.now().toISOString(), terminated_reason: input.reason },
      note: { reason: input.reason },
    });
  });
}

export function reopenContract(ctx: ServiceContext, input: { id: string; reason: string }): ContractDetail {
  return ctx.db.transaction(() => {
    const c = getContract(ctx, input.id);
    requireStatus(c, ['active'], '退回草稿');
    return applyStatus(ctx, c, {
      action: 'reopen',
      status: 'draft',
      set: { reopened_at: ctx.clock.now().toISOString(), reopen_reason: input.reason },
      note: { reason: input.reason },
    });
  });
}
