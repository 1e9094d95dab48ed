/**
 * Which customers a report covers: the filter of the customer list (grade, layer,
 * kind, region, salesperson, search), archived customers included — an
 * archived customer can still owe money. Customers without documents simply
 * get no figures.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { agingFilterSchema } from '../../../shared/api/aging';
import type { ServiceContext } from '../context';
import { customerConditions, whereAll } from '../customers/search';
import { allCustomerFacts } from './customerFactsCache';

export type AgingFilterInput = z.output<typeof agingFilterSchema>;

export interface CustomerFacts {
  id: string;
  code: string;
  name: string;
  sortKey: string;
  grade: string | null;
  kind: string | null;
  region: string;
  salesperson: string;
}

/**
 * Customers matching the filter (one plain read of the customers table: a few
 * thousand short rows); the whole list, unscoped, from the connection's cache
 * while the customers have not changed (customerFactsCache.ts) when the
 * caller says it runs outside any write transaction (mayUseKept).
 */
export function filteredCustomers(ctx: ServiceContext, f: AgingFilterInput, mayUseKept = true): readonly CustomerFacts[] {
  const conds = customerConditions({
    search: f.search,
    grade: f.grade,
    layer: f.layer,
    kind: f.kind,
    region: f.region,
    salesperson: f.salesperson,
    includeArchived: true,
  });
  if (mayUseKept && conds.length === 0 && !ctx.db.scoped) return allCustomerFacts(ctx.db);
  return ctx.db.all(
    sql<CustomerFacts>`SELECT c.id, c.code, c.name, c.sort_key AS sortKey, c.grade, c.kind, c.region, c.salesperson
      FROM customers c WHERE ${whereAll(conds)}`.compile(ctx.db.k),
  );
}
