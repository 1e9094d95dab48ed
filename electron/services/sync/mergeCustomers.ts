/**
 * "Merge into" for duplicate customers created on two PCs (issue 12, point
 * 4), and its undo. Everything is an ordinary synced write, so the other PCs
 * follow:
 *
 * - the merged customer gets merged_into = the survivor and is archived;
 * - its documents (and their explicit targets), contracts, contacts,
 *   interactions and after-sales cases/events move to the survivor (the
 *   ledger's immutability trigger lets customer_id change only between a
 *   merged customer and its survivor, migration 0017); a moved contact
 *   stops being primary when the survivor already has one;
 * - one customer_merges row records exactly what moved and what undo puts
 *   back; undo moves those rows back (only those), restores the primary
 *   flags and the archive state, and clears merged_into.
 *
 * Statements stay with the customer they were issued to (a signed statement
 * is about that record); after an undo both customers are as before.
 * Both customers are re-derived (§4) after each step.
 */
import type { CustomerMergesTable } from '../../../db/tables/customers';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { rederiveCustomer } from '../ledger/rederive';

/** Tables whose rows follow the customer, with their key columns (key JSON as the sync log writes it). */
const MOVABLE: readonly { table: string; key: readonly string[] }[] = [
  { table: 'ar_documents', key: ['id'] },
  { table: 'ar_explicit_targets', key: ['credit_id', 'seq'] },
  { table: 'contracts', key: ['id'] },
  { table: 'contacts', key: ['id'] },
  { table: 'interactions', key: ['id'] },
  { table: 'after_sales_cases', key: ['id'] },
  { table: 'after_sales_events', key: ['id'] },
];

export type MovedRows = Record<string, unknown[][]>;

interface Restore {
  archivedAt: string | null;
  /** Contacts that were primary on the merged customer and were demoted on the survivor. */
  demotedPrimaries: string[];
}

/** A customer_merges row as stored (no generated columns, so the table type is the row type). */
export type MergeRow = CustomerMergesTable;

interface CustomerBits {
  id: string;
  code: string;
  name: string;
  archived_at: string | null;
  merged_into: string | null;
}

function customer(ctx: ServiceContext, id: string, field: string): CustomerBits {
  const row = ctx.db.prepare(`SELECT id, code, name, archived_at, merged_into FROM customers WHERE id = ?`).get(id) as CustomerBits | undefined;
  if (!row) throw new DomainError('not_found', '找不到该客户，可能已被删除', field);
  return row;
}

const where = (key: readonly string[]): string => key.map((k) => `${k} = ?`).join(' AND ');

/**
 * Derived rows of customers whose documents moved: dropped so the re-derivation
 * rebuilds them under the right customer (their keys do not name the customer).
 */
export function clearDerivedOf(ctx: ServiceContext, customerIds: Iterable<string>): void {
  for (const id of customerIds) {
    ctx.db.prepare(`DELETE FROM ar_allocations WHERE customer_id = ?`).run(id);
    ctx.db.prepare(`DELETE FROM ar_open_spans WHERE customer_id = ?`).run(id);
  }
}

/** Only when ledger rows moved: the other PCs re-derive exactly the customers whose documents moved (apply.ts). */
function rederiveBoth(ctx: ServiceContext, ids: string[], moved: MovedRows, action: string): void {
  if (!moved.ar_documents?.length && !moved.ar_explicit_targets?.length) return;
  clearDerivedOf(ctx, ids);
  for (const id of ids) rederiveCustomer(ctx, id, { action });
}

/** What would move (for the confirm step of the dialog): row counts per table. */
export function mergePreview(ctx: ServiceContext, fromId: string, intoId: string): Record<string, number> {
  assertMergeable(ctx, fromId, intoId);
  const out: Record<string, number> = {};
  for (const m of MOVABLE) out[m.table] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${m.table} WHERE customer_id = ?`).get(fromId) as { n: number }).n;
  return out;
}

function assertMergeable(ctx: ServiceContext, fromId: string, intoId: string): { from: CustomerBits; into: CustomerBits } {
  if (fromId === intoId) throw new DomainError('validation', '不能把客户合并到它自己', 'intoId');
  const from = customer(ctx, fromId, 'fromId');
  const into = customer(ctx, intoId, 'intoId');
  if (from.merged_into !== null) throw new DomainError('conflict', `客户“${from.name}”已合并到其他客户，请先撤销那次合并`, 'fromId');
  if (into.merged_into !== null || into.archived_at !== null) {
    throw new DomainError('validation', `客户“${into.name}”已归档或已被合并，不能作为保留的客户`, 'intoId');
  }
  return { from, into };
}

export function mergeCustomer(ctx: ServiceContext, input: { fromId: string; intoId: string }): MergeRow {
  return ctx.db.transaction(() => {
    const { from, into } = assertMergeable(ctx, input.fromId, input.intoId);
    const now = ctx.clock.now().toISOString();
    // First: the trigger on ar_documents allows the moves once merged_into names the survivor.
    ctx.db.prepare(`UPDATE customers SET merged_into = ?, archived_at = coalesce(archived_at, ?), updated_at = ? WHERE id = ?`).run(into.id, now, now, from.id);
    const survivorHasPrimary = ctx.db.prepare(`SELECT 1 FROM contacts WHERE customer_id = ? AND is_primary = 1`).get(into.id) !== undefined;
    const demoted = survivorHasPrimary
      ? (ctx.db.prepare(`SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1 ORDER BY id`).all(from.id) as { id: string }[]).map((r) => r.id)
      : [];
    for (const id of demoted) ctx.db.prepare(`UPDATE contacts SET is_primary = 0 WHERE id = ?`).run(id);
    const moved: MovedRows = {};
    for (const m of MOVABLE) {
      const keys = (ctx.db.prepare(`SELECT ${m.key.join(', ')} FROM ${m.table} WHERE customer_id = ? ORDER BY ${m.key.join(', ')}`).raw().all(from.id) as unknown[][]);
      if (!keys.length) continue;
      moved[m.table] = keys;
      const upd = ctx.db.prepare(`UPDATE ${m.table} SET customer_id = ? WHERE ${where(m.key)}`);
      for (const k of keys) upd.run(into.id, ...k);
    }
    const restore: Restore = { archivedAt: from.archived_at, demotedPrimaries: demoted };
    const row: MergeRow = {
      id: newId(),
      from_customer_id: from.id,
      into_customer_id: into.id,
      moved: JSON.stringify(moved),
      restore: JSON.stringify(restore),
      merged_at: now,
      merged_by: ctx.actor.user,
      undone_at: null,
      undone_by: null,
    };
    ctx.db.prepare(
      `INSERT INTO customer_merges (id, from_customer_id, into_customer_id, moved, restore, merged_at, merged_by, undone_at, undone_by)
       VALUES (@id, @from_customer_id, @into_customer_id, @moved, @restore, @merged_at, @merged_by, @undone_at, @undone_by)`,
    ).run(row);
    rederiveBoth(ctx, [from.id, into.id], moved, 'merge_customer');
    recordChange(ctx, {
      entity: 'customer',
      entityId: from.id,
      action: 'merge',
      before: { code: from.code, name: from.name, archivedAt: from.archived_at, mergedInto: null },
      after: { mergedInto: into.id, intoCode: into.code, intoName: into.name, mergeId: row.id, moved: Object.fromEntries(Object.entries(moved).map(([t, k]) => [t, k.length])) },
      tables: ['customers', 'customer_merges', ...Object.keys(moved)],
    });
    return row;
  });
}

export function undoMerge(ctx: ServiceContext, input: { mergeId: string }): MergeRow {
  return ctx.db.transaction(() => {
    const m = ctx.db.prepare(`SELECT * FROM customer_merges WHERE id = ?`).get(input.mergeId) as MergeRow | undefined;
    if (!m) throw new DomainError('not_found', '找不到这次合并记录', 'mergeId');
    if (m.undone_at !== null) throw new DomainError('conflict', `这次合并已于 ${m.undone_at.slice(0, 10)} 撤销`, 'mergeId');
    const from = customer(ctx, m.from_customer_id, 'mergeId');
    if (from.merged_into !== m.into_customer_id) throw new DomainError('conflict', '该客户的合并状态已改变，不能按这条记录撤销', 'mergeId');
    const moved = JSON.parse(m.moved) as MovedRows;
    const restore = JSON.parse(m.restore) as Restore;
    const now = ctx.clock.now().toISOString();
    // Rows first (the trigger still sees merged_into), only those this merge moved and still on the survivor.
    for (const spec of MOVABLE) {
      const upd = ctx.db.prepare(`UPDATE ${spec.table} SET customer_id = ? WHERE ${where(spec.key)} AND customer_id = ?`);
      for (const k of moved[spec.table] ?? []) upd.run(from.id, ...k, m.into_customer_id);
    }
    for (const id of restore.demotedPrimaries) {
      // Only while the merged customer has no other primary (one may have been set after the merge).
      if (!ctx.db.prepare(`SELECT 1 FROM contacts WHERE customer_id = ? AND is_primary = 1`).get(from.id)) {
        ctx.db.prepare(`UPDATE contacts SET is_primary = 1 WHERE id = ? AND customer_id = ?`).run(id, from.id);
      }
    }
    ctx.db.prepare(`UPDATE customers SET merged_into = NULL, archived_at = ?, updated_at = ? WHERE id = ?`).run(restore.archivedAt, now, from.id);
    ctx.db.prepare(`UPDATE customer_merges SET undone_at = ?, undone_by = ? WHERE id = ?`).run(now, ctx.actor.user, m.id);
    rederiveBoth(ctx, [m.into_customer_id, from.id], moved, 'undo_merge_customer');
    recordChange(ctx, {
      entity: 'customer',
      entityId: from.id,
      action: 'undo_merge',
      before: { mergedInto: m.into_customer_id, mergeId: m.id },
      after: { mergedInto: null, archivedAt: restore.archivedAt },
      tables: ['customers', 'customer_merges', ...Object.keys(moved)],
    });
    return { ...m, undone_at: now, undone_by: ctx.actor.user };
  });
}

export function listMerges(ctx: ServiceContext): MergeRow[] {
  return ctx.db.prepare(`SELECT * FROM customer_merges ORDER BY merged_at DESC, id`).all() as MergeRow[];
}

/**
 * Rows that reached a merged customer after its merge: entered on another PC
 * that had not yet seen the merge (a document, a contact, a visit). They
 * follow the merge to the survivor and are added to the merge's record, so
 * undo puts them back too. Every PC holding the same rows moves the same ones
 * and writes the same record (keys kept sorted), so the PCs agree. Returns
 * the customers whose rows moved.
 */
export function followMerges(ctx: ServiceContext): string[] {
  const merged = ctx.db
    .prepare(
      `SELECT m.* FROM customers c JOIN customer_merges m ON m.from_customer_id = c.id AND m.into_customer_id = c.merged_into AND m.undone_at IS NULL
       WHERE c.merged_into IS NOT NULL ORDER BY c.id, m.merged_at DESC, m.id DESC`,
    )
    .all() as MergeRow[];
  const touched: string[] = [];
  const seen = new Set<string>();
  for (const m of merged) {
    if (seen.has(m.from_customer_id)) continue; // the newest standing merge of that customer
    seen.add(m.from_customer_id);
    const moved = JSON.parse(m.moved) as MovedRows;
    const late: MovedRows = {};
    for (const spec of MOVABLE) {
      const keys = ctx.db.prepare(`SELECT ${spec.key.join(', ')} FROM ${spec.table} WHERE customer_id = ? ORDER BY ${spec.key.join(', ')}`).raw().all(m.from_customer_id) as unknown[][];
      if (!keys.length) continue;
      late[spec.table] = keys;
      const upd = ctx.db.prepare(`UPDATE ${spec.table} SET customer_id = ? WHERE ${where(spec.key)}`);
      for (const k of keys) upd.run(m.into_customer_id, ...k);
      const all = [...(moved[spec.table] ?? []), ...keys];
      moved[spec.table] = all.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
    }
    if (!Object.keys(late).length) continue;
    ctx.db.prepare(`UPDATE customer_merges SET moved = ? WHERE id = ?`).run(JSON.stringify(moved), m.id);
    rederiveBoth(ctx, [m.from_customer_id, m.into_customer_id], late, 'merge_customer');
    recordChange(ctx, {
      entity: 'customer',
      entityId: m.from_customer_id,
      action: 'merge_follow',
      before: { mergeId: m.id },
      after: { mergedInto: m.into_customer_id, mergeId: m.id, moved: Object.fromEntries(Object.entries(late).map(([t, k]) => [t, k.length])) },
      tables: ['customer_merges', ...Object.keys(late)],
    });
    touched.push(m.from_customer_id, m.into_customer_id);
  }
  return touched;
}
