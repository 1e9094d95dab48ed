/**
 * Checking a returned copy: the clerk types the 核对码 printed in its footer
 * and gets the register's statement, plus whether the ledger still gives the
 * same lines and closing balance for that period (if not, something was
 * posted into the period after the statement was printed).
 */
import type { VerifyResult } from '../../../shared/api/statements';
import { DomainError, validationError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { customerLedger } from '../ledger/customerLedger';
import { toStatementLines } from './assemble';
import { statementsByCode } from './register';
import { linesDigest, normalizeVerificationCode } from './verificationCode';

export function verifyStatement(ctx: ServiceContext, typed: string): VerifyResult {
  const code = normalizeVerificationCode(typed);
  if (code === null) throw validationError('code', `核对码“${typed}”格式不对：应为 8 位字母或数字，例如 7K3M-Q9PX`);
  const [statement] = statementsByCode(ctx, code);
  if (!statement) {
    throw new DomainError(
      'not_found',
      `登记簿中没有核对码为 ${code} 的对账单：请核对抄写是否有误；如无误，这份对账单不是本系统生成的`,
      'code',
    );
  }
  return { statement, matchesLedger: ledgerMatchesStatement(ctx, { ...statement, customerId: statement.customer.id }) };
}

/** Whether the ledger still gives the statement's opening, closing and lines for its period (also used by sync, issue 12). */
export function ledgerMatchesStatement(
  ctx: ServiceContext,
  s: { customerId: string; periodFrom: string; periodTo: string; openingFen: number; closingFen: number; linesSha256: string },
): boolean {
  const ledger = customerLedger(ctx, { customerId: s.customerId, from: s.periodFrom, to: s.periodTo });
  return ledger.openingFen === s.openingFen && ledger.closingFen === s.closingFen && linesDigest(toStatementLines(ledger)) === s.linesSha256;
}
