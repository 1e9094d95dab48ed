/**
 * Statement numbers: DZ<yyyymm of the period end>-<seq>, the sequence
 * running per month over all customers (DZ202611-0001, DZ202611-0002 …).
 * Numbers are taken under the generation lock (generate.ts), so two
 * statements rendered at the same time can never get the same one.
 */
import { statementNoPrefix } from '../../../shared/statements/period';
import type { ServiceContext } from '../context';

export function nextStatementNo(ctx: ServiceContext, periodTo: string): string {
  const prefix = `${statementNoPrefix(periodTo)}-`;
  const row = ctx.db
    .prepare(`SELECT max(CAST(substr(statement_no, ?) AS INTEGER)) AS seq FROM statements WHERE statement_no LIKE ?`)
    .get(prefix.length + 1, `${prefix}%`) as { seq: number | null };
  return `${prefix}${String((row.seq ?? 0) + 1).padStart(4, '0')}`;
}
