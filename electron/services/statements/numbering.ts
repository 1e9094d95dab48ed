/**
 * Statement numbers: DZ<yyyymm of the period end>-<seq>, the sequence
 * running per month over all customers (DZ202611-0001, DZ202611-0002 …).
 * Numbers are taken under the generation lock (generate.ts), so two
 * statements rendered at the same time can never get the same one.
 */
import { statementNoPrefix } from '../../../shared/statements/period';
import type { ServiceContext } from '../context';
import { seriesLetter } from '../sync/series';

export function nextStatementNo(ctx: ServiceContext, periodTo: string): string {
  const prefix = `${statementNoPrefix(periodTo)}-`;
  // With LAN sync on, the PC's series letter ends the number (DZ202611-0001A; the table's
  // check wants a digit right after the dash), and each letter counts on its own.
  const series = seriesLetter(ctx);
  const rows = ctx.db.prepare(`SELECT statement_no FROM statements WHERE statement_no LIKE ?`).all(`${prefix}%`) as { statement_no: string }[];
  let max = 0;
  for (const { statement_no: no } of rows) {
    const m = /^(\d+)([A-Z]?)$/.exec(no.slice(prefix.length));
    if (m && m[2] === series) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}${series}`;
}
