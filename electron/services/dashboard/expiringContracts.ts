/**
 * Contracts in force that end within the next 30 days of the dashboard's
 * date, soonest first — by the contract list's own rule for "about to
 * expire" (contractConditions), so the dashboard and the filtered contract
 * list show the same contracts.
 */
import { sql } from 'kysely';
import { contractFilterSchema } from '../../../shared/api/contracts';
import type { ExpiringContract } from '../../../shared/api/dashboard';
import { diffDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { contractConditions } from '../contracts/list';
import { contractRowQuery } from '../contracts/load';
import { whereAll } from '../customers/search';

export const EXPIRING_WITHIN_DAYS = 30;
const SHOWN = 10;

export function expiringContracts(ctx: ServiceContext, asOf: string): { rows: ExpiringContract[]; total: number } {
  const filter = contractFilterSchema.parse({ endsWithinDays: EXPIRING_WITHIN_DAYS });
  const where = whereAll(contractConditions(filter, asOf));
  const rows = ctx.db.all(contractRowQuery(ctx).where(where).orderBy('k.ends_on').orderBy('k.contract_no').limit(SHOWN));
  const count = ctx.db.first(
    sql<{ n: number }>`SELECT count(*) AS n FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE ${where}`.compile(ctx.db.k),
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      contractNo: r.contract_no,
      customerId: r.customer_id,
      customerCode: r.customer_code,
      customerName: r.customer_name,
      title: r.title,
      // The condition requires an end date.
      endsOn: r.ends_on as string,
      daysToEnd: diffDays(r.ends_on as string, asOf),
      amountFen: r.amount_fen,
    })),
    total: count?.n ?? 0,
  };
}
