/**
 * A customer with two primary contacts after a sync round: each of two PCs
 * made a different contact primary while apart. The later choice wins (the
 * primary contact changed last, by its synced updated_at, then by id), the
 * same on every PC since both hold the same rows; the others are demoted with
 * capture on, so the demotion travels and every PC ends with the same single
 * primary. Nothing is refused and no conflict is shown: which contact is
 * primary is a preference, and the later one is what the office chose last.
 */
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';

interface PrimaryRow {
  id: string;
  customer_id: string;
  name: string;
  updated_at: string;
}

const DOUBLE_PRIMARIES_SQL = `SELECT id, customer_id, name, updated_at FROM contacts
  WHERE is_primary = 1 AND customer_id IN (SELECT customer_id FROM contacts WHERE is_primary = 1 GROUP BY customer_id HAVING count(*) > 1)
  ORDER BY customer_id, updated_at DESC, id DESC`;

/** Demotes all but the latest primary contact of each customer; returns the customers settled. */
export function settleDoublePrimaries(ctx: ServiceContext): string[] {
  const rows = ctx.db.prepare(DOUBLE_PRIMARIES_SQL).all() as PrimaryRow[];
  const settled: string[] = [];
  const demote = ctx.db.prepare(`UPDATE contacts SET is_primary = 0 WHERE id = ?`);
  for (const [i, row] of rows.entries()) {
    if (i === 0 || rows[i - 1].customer_id !== row.customer_id) {
      settled.push(row.customer_id);
      continue; // the first of each customer (latest updated_at, then id) stays primary
    }
    // updated_at is left as it is: it records the user's last edit, and keeps the choice the same on every PC.
    demote.run(row.id);
    recordChange(ctx, {
      entity: 'contact',
      entityId: row.id,
      action: 'sync_unset_primary',
      before: { isPrimary: true, name: row.name },
      after: { isPrimary: false, name: row.name },
      tables: ['contacts'],
    });
  }
  return settled;
}
