/**
 * What refers to a contract from outside the contract tables, in the style of
 * the master-data registry (references/registry.ts). Contracts do not know
 * the ledger; the ledger adds its tables here with one line, e.g.
 *   { table: 'ar_documents', column: 'contract_id', label: '应收单' }
 * and contracts consult the list before anything that would orphan or
 * re-point those rows: undoing the import that created a contract, moving a
 * contract to another customer.
 */
import { sql } from 'kysely';
import type { ServiceContext } from '../context';
import type { ReferenceRule } from '../references/registry';

export const CONTRACT_REFERENCES: ReferenceRule[] = [{ table: 'ar_documents', column: 'contract_id', label: '应收单' }];

export interface FoundContractReference {
  /** The referenced contract's id. */
  id: string;
  label: string;
  count: number;
}

/** The first reference to one contract, or to any contract an import batch created. One indexed query per rule. */
export function findContractReference(ctx: ServiceContext, scope: { id: string } | { batchId: string }): FoundContractReference | null {
  const inScope =
    'id' in scope ? sql`${sql.val(scope.id)}` : sql`SELECT id FROM contracts WHERE import_batch_id = ${scope.batchId}`;
  for (const rule of CONTRACT_REFERENCES) {
    const ref = sql.ref(`r.${rule.column}`);
    const found = ctx.db.first(
      sql<{ id: string; n: number }>`SELECT ${ref} AS id, count(*) AS n FROM ${sql.table(rule.table)} AS r
        WHERE ${ref} IN (${inScope}) GROUP BY ${ref} LIMIT 1`.compile(ctx.db.k),
    );
    if (found) return { id: found.id, label: rule.label, count: found.n };
  }
  return null;
}
