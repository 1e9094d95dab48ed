/**
 * Credit limit (§4, issue 5 point 6). Posting an invoice, or activating a
 * contract (balance + its not-yet-invoiced amount), that would take the
 * customer over credit_limit_fen:
 *  - 'warn' (default): refused with code 'credit_limit' and the figures until
 *    the clerk confirms with a reason; the reason and figures go into the
 *    audit row of the posting.
 *  - 'block': refused whatever the reason; the limit or the setting has to be
 *    changed first (both audited).
 * "Over" means projected balance > limit; reaching it exactly is allowed.
 * Imports never block: their report lists the customers that end over.
 */
import type { CreditLimitCheck } from '../../../shared/api/ledger';
import { formatFen } from '../../../shared/money/format';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { currentBalance, getLedgerSettings, type LedgerCustomer } from './customerFacts';

/** The figures when adding `addedFen` would pass the limit; null when within it or without a limit. */
export function creditLimitExcess(
  ctx: ServiceContext,
  customer: Pick<LedgerCustomer, 'id' | 'credit_limit_fen'>,
  addedFen: number,
): CreditLimitCheck | null {
  const limit = customer.credit_limit_fen;
  if (limit === null) return null;
  const balanceFen = currentBalance(ctx, customer.id);
  const projectedFen = balanceFen + addedFen;
  if (projectedFen <= limit) return null;
  const mode = getLedgerSettings(ctx).creditLimitMode;
  return {
    customerId: customer.id,
    limitFen: limit,
    balanceFen,
    addedFen,
    projectedFen,
    overByFen: projectedFen - limit,
    mode,
    overrideAllowed: mode === 'warn',
  };
}

/**
 * Throws 'credit_limit' unless the check passes or is overridden with a reason
 * in warn mode. Returns the figures of an accepted override (for the audit
 * row), or null when the limit was not an issue.
 */
export function enforceCreditLimit(
  check: CreditLimitCheck | null,
  customer: Pick<LedgerCustomer, 'code' | 'name'>,
  overrideReason: string | null,
  what: string,
  reasonField: string,
  /** The boss (or his authorization) may post past a block, with a reason (issue 13). */
  blockLifted = false,
): CreditLimitCheck | null {
  if (check === null) return null;
  const figures = `信用额度 ${formatFen(check.limitFen)}，当前余额 ${formatFen(check.balanceFen)}，${what} ${formatFen(check.addedFen)} 后将达到 ${formatFen(check.projectedFen)}，超出 ${formatFen(check.overByFen)}`;
  const who = `客户 ${customer.name}（${customer.code}）`;
  if (check.mode === 'block' && !blockLifted) {
    throw new DomainError('credit_limit', `${who}将超出信用额度，系统设置为禁止超额：${figures}`, null, check);
  }
  if (overrideReason === null || overrideReason.trim() === '') {
    throw new DomainError('credit_limit', `${who}将超出信用额度：${figures}。如需继续，请填写超额原因`, reasonField, check);
  }
  return check;
}
