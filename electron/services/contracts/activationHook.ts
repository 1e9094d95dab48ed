/**
 * The ledger's say in activating a contract. DESIGN §4: a contract
 * activation that would take the customer past the credit limit (balance
 * plus the contract's not-yet-invoiced amount) warns or is blocked per
 * setting, and an override needs a reason, audited. That needs balances,
 * which belong to the ledger issue; this module is where it plugs in.
 *
 * Called inside the activation transaction, after contracts' own checks and
 * before the status changes. To block, throw a DomainError (code
 * 'credit_limit', field 'overrideReason' when a reason would let it pass).
 * What it returns is added to the activation's audit row (e.g. the figures
 * the decision was based on), so an override is on record with its reason.
 */
import type { ContractDetail } from '../../../shared/api/contracts';
import type { ServiceContext } from '../context';
import { checkContractActivationCredit } from '../ledger/contractActivation';

export interface ActivationCheckOptions {
  /** The clerk's reason to activate despite a warning/block; '' when none was given. */
  overrideReason: string;
}

/** Extra facts for the audit row of the activation; undefined when there is nothing to add. */
export type ActivationAuditNote = Record<string, unknown> | undefined;

export function beforeContractActivation(
  ctx: ServiceContext,
  contract: ContractDetail,
  opts: ActivationCheckOptions,
): ActivationAuditNote {
  // The ledger's check: balance + this contract's not-yet-invoiced amount against the limit.
  return checkContractActivationCredit(ctx, contract, opts.overrideReason);
}
