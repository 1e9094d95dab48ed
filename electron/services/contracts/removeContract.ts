/**
 * Removing a contract outright. Only undoing the import that created it
 * does this (a contract entered by mistake is terminated, with a reason,
 * instead); the audit row keeps the full snapshot of what was removed.
 * Attachments block the undo before we get here, so no scan is orphaned.
 */
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getContract } from './load';
import { CONTRACT_TABLES } from './persist';
import { contractSnapshot } from './snapshot';

export function removeContractRows(ctx: ServiceContext, contractId: string, reason: string): void {
  const before = getContract(ctx, contractId);
  ctx.db.run(ctx.db.k.deleteFrom('contract_installments').where('contract_id', '=', contractId));
  ctx.db.run(ctx.db.k.deleteFrom('contract_lines').where('contract_id', '=', contractId));
  ctx.db.run(ctx.db.k.deleteFrom('contracts').where('id', '=', contractId));
  recordChange(ctx, {
    entity: 'contract',
    entityId: contractId,
    action: 'remove',
    before: contractSnapshot(before),
    after: { removed: true, reason },
    tables: CONTRACT_TABLES,
    customerId: before.customerId,
  });
}
