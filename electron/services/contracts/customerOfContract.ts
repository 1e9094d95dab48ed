/**
 * Whose contract it is: a write to a contract's own rows (attachments, rebate
 * targets) names that customer in recordChange, so the alert cache recomputes
 * that customer alone instead of every rule (alerts/viewCache.ts).
 */
import type { ServiceContext } from '../context';

export function customerOfContract(ctx: ServiceContext, contractId: string): string | undefined {
  return (ctx.db.prepare('SELECT customer_id FROM contracts WHERE id = ?').get(contractId) as { customer_id: string } | undefined)?.customer_id;
}
