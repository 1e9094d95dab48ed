/**
 * What counts as "referenced" for master data. A customer or product that is
 * referenced can be archived but never deleted, and an import batch that
 * created it can no longer be undone: deleting it would orphan business
 * records (a call log, a contract, an invoice).
 *
 * Each later issue adds its tables here with one line (contracts, ar_documents,
 * statements, contract_lines …). A customer's own contacts are NOT references:
 * they are part of the customer record and go with it.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../context';

export interface ReferenceRule {
  /** Table holding the referencing records. */
  table: string;
  /** Its column holding the customer / product id. */
  column: string;
  /** What a clerk calls those records, for messages: 往来记录, 合同, 应收单. */
  label: string;
}

export const CUSTOMER_REFERENCES: ReferenceRule[] = [
  { table: 'interactions', column: 'customer_id', label: '往来记录' },
  { table: 'contracts', column: 'customer_id', label: '合同' },
  { table: 'ar_documents', column: 'customer_id', label: '往来单据' },
];

export const PRODUCT_REFERENCES: ReferenceRule[] = [{ table: 'contract_lines', column: 'product_id', label: '合同明细' }];

export type ReferencedEntity = 'customer' | 'product';

const RULES: Record<ReferencedEntity, ReferenceRule[]> = { customer: CUSTOMER_REFERENCES, product: PRODUCT_REFERENCES };
const MASTER_TABLE: Record<ReferencedEntity, 'customers' | 'products'> = { customer: 'customers', product: 'products' };

export interface FoundReference {
  /** The referenced customer / product id. */
  id: string;
  label: string;
  count: number;
}

/**
 * The first reference to any record in scope: one record (`id`), or every
 * record an import batch created (`batchId`). One indexed query per rule, so
 * checking a 5,000-customer batch costs no more than checking one customer.
 */
export function findReference(
  ctx: ServiceContext,
  entity: ReferencedEntity,
  scope: { id: string } | { batchId: string },
): FoundReference | null {
  const master = MASTER_TABLE[entity];
  const inScope =
    'id' in scope
      ? sql`${sql.val(scope.id)}`
      : sql`SELECT id FROM ${sql.table(master)} WHERE import_batch_id = ${scope.batchId}`;
  for (const rule of RULES[entity]) {
    const ref = sql.ref(`r.${rule.column}`);
    const found = ctx.db.first(
      sql<{ id: string; n: number }>`SELECT ${ref} AS id, count(*) AS n FROM ${sql.table(rule.table)} AS r
        WHERE ${ref} IN (${inScope}) GROUP BY ${ref} LIMIT 1`.compile(ctx.db.k),
    );
    if (found) return { id: found.id, label: rule.label, count: found.n };
  }
  return null;
}
