/**
 * The ledger's credit check on contract activation (§4): balance plus the
 * contract's not-yet-invoiced amount must stay within the customer's limit,
 * else warn (override with a reason) or block per setting. Plugged into the
 * contracts' activation hook; what it returns goes into the activation's
 * audit row, so an override is on record with its figures and reason.
 */
import { bossAuthorized, type ServiceContext } from '../context';
import { contractNotInvoicedFen } from './contractProgress';
import { creditLimitExcess, enforceCreditLimit } from './creditLimit';
import { requireCustomer } from './customerFacts';

export function checkContractActivationCredit(
  ctx: ServiceContext,
  contract: { id: string; customerId: string; amountFen: number },
  overrideReason: string,
): Record<string, unknown> | undefined {
  const customer = requireCustomer(ctx, contract.customerId);
  const added = contractNotInvoicedFen(ctx, contract.id, contract.amountFen);
  const check = creditLimitExcess(ctx, customer, added);
  const accepted = enforceCreditLimit(check, customer, overrideReason === '' ? null : overrideReason, '合同未开票金额', 'overrideReason', bossAuthorized(ctx));
  return accepted ? { creditLimitOverride: { reason: overrideReason, ...accepted } } : undefined;
}
