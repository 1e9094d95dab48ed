/**
 * The resolve actions of sync conflicts as the API offers them: the open
 * conflicts list, renaming one duplicate, "merge into" with its preview,
 * undo and the list of merges. Each write is audited and synced.
 */
import type { CustomerMergeView, MergeCustomerRef, MergePreview, SyncConflictItem } from '../../../shared/api/sync';
import { DomainError } from '../../../shared/errors';
import { customerUpdateSchema } from '../../../shared/api/customers';
import { toHalfWidth } from '../../../shared/text/normalize';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { contractNoTaken } from '../contracts/numbering';
import { updateCustomer } from '../customers/customers';
import { conflictAlertKey, listSyncConflicts, openSyncConflicts } from './conflicts';
import { listMerges, mergeCustomer, mergePreview, undoMerge, type MergeRow, type MovedRows } from './mergeCustomers';

export function openConflictItems(ctx: ServiceContext): SyncConflictItem[] {
  return openSyncConflicts(ctx).map((c) => ({ ...c, alertKey: conflictAlertKey(c) }));
}

function ref(ctx: ServiceContext, id: string): MergeCustomerRef {
  const r = ctx.db.prepare(`SELECT id, code, name FROM customers WHERE id = ?`).get(id) as MergeCustomerRef | undefined;
  return r ?? { id, code: '', name: '' };
}

function mergeView(ctx: ServiceContext, m: MergeRow): CustomerMergeView {
  const moved = JSON.parse(m.moved) as MovedRows;
  return {
    id: m.id,
    from: ref(ctx, m.from_customer_id),
    into: ref(ctx, m.into_customer_id),
    moved: Object.fromEntries(Object.entries(moved).map(([t, keys]) => [t, keys.length])),
    mergedAt: m.merged_at,
    mergedBy: m.merged_by,
    undoneAt: m.undone_at,
    undoneBy: m.undone_by,
  };
}

export function previewMerge(ctx: ServiceContext, input: { fromId: string; intoId: string }): MergePreview {
  const moves = mergePreview(ctx, input.fromId, input.intoId);
  return { from: ref(ctx, input.fromId), into: ref(ctx, input.intoId), moves };
}

export const mergeCustomerView = (ctx: ServiceContext, input: { fromId: string; intoId: string }): CustomerMergeView =>
  mergeView(ctx, mergeCustomer(ctx, input));
export const undoMergeView = (ctx: ServiceContext, input: { mergeId: string }): CustomerMergeView => mergeView(ctx, undoMerge(ctx, input));
export const mergesView = (ctx: ServiceContext): CustomerMergeView[] => listMerges(ctx).map((m) => mergeView(ctx, m));

export interface RenameInput {
  table: 'customers' | 'contracts';
  id: string;
  field: 'code' | 'name' | 'taxId' | 'contractNo';
  value: string;
}

function renameContract(ctx: ServiceContext, id: string, typed: string): void {
  const value = toHalfWidth(typed).trim();
  if (/\s/.test(value) || value.length > 40) throw new DomainError('validation', '合同号不能包含空格，且不能超过 40 个字符', 'value');
  ctx.db.transaction(() => {
    const row = ctx.db.prepare(`SELECT contract_no FROM contracts WHERE id = ?`).get(id) as { contract_no: string } | undefined;
    if (!row) throw new DomainError('not_found', '找不到该合同', 'id');
    if (contractNoTaken(ctx, value, id)) throw new DomainError('conflict', `合同号 ${value} 已被使用，请换一个`, 'value');
    const now = ctx.clock.now().toISOString();
    ctx.db.prepare(`UPDATE contracts SET contract_no = ?, updated_at = ? WHERE id = ?`).run(value, now, id);
    recordChange(ctx, {
      entity: 'contract',
      entityId: id,
      action: 'rename_duplicate',
      before: { contractNo: row.contract_no },
      after: { contractNo: value },
      tables: ['contracts'],
    });
  });
}

/** Gives one of the duplicates a new value, with the checks of typing it on this PC. */
export async function renameDuplicate(ctx: ServiceContext, input: RenameInput): Promise<SyncConflictItem[]> {
  if (input.table === 'contracts') {
    if (input.field !== 'contractNo') throw new DomainError('validation', '合同只能改合同号', 'field');
    renameContract(ctx, input.id, input.value);
  } else {
    if (input.field === 'contractNo') throw new DomainError('validation', '客户没有合同号', 'field');
    const row = ctx.db.prepare(`SELECT updated_at FROM customers WHERE id = ?`).get(input.id) as { updated_at: string } | undefined;
    if (!row) throw new DomainError('not_found', '找不到该客户，可能已被删除', 'id');
    // The customer form's own field rules (code without spaces, the tax id's check digit …).
    const parsed = customerUpdateSchema.safeParse({ id: input.id, [input.field]: input.value });
    if (!parsed.success) throw new DomainError('validation', parsed.error.issues[0]?.message ?? '新值不正确', 'value');
    await updateCustomer(ctx, parsed.data);
  }
  return listSyncConflicts(ctx).map((c) => ({ ...c, alertKey: conflictAlertKey(c) }));
}
