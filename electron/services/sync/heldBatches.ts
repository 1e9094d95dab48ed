/**
 * Chunked imports and the outbox (issue 12 point 5, with issue 11's
 * `committing` batches). A batch written in many short transactions is
 * invisible until its status turns `done`; its rows must not reach another
 * PC before that either, and a batch that is discarded must never travel.
 *
 * - Publishing stops before the first outbox change of any batch still
 *   committing (the insert of its batch row): nothing from that point on is
 *   numbered into a segment until the batch is done (other edits made
 *   meanwhile wait with it; an import takes minutes at most). The segments
 *   then carry the batch row as `committing`, its documents, and the switch
 *   to `done`, in that order, so on the other PC too the documents stay
 *   hidden until the last of them has arrived.
 * - Discarding a batch removes its changes from the (still unnumbered)
 *   outbox: the batch row, its documents, their explicit targets and audit
 *   rows, and the deletes the discard itself captured.
 */
import type { Db } from '../../../db/query';

/** Outbox rows at or after this id may not be numbered yet (a batch is still committing); null: no limit. */
export function publishLimit(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT min(c.id) AS first FROM import_batches b
         JOIN sync_changes c ON c.tbl = 'import_batches' AND c.pk = json_array(b.id)
       WHERE b.status = 'committing'`,
    )
    .get() as { first: number | null };
  return row.first;
}

/** Removes every not yet numbered outbox change of a discarded batch. Returns how many. Call after the discard. */
export function forgetDiscardedBatch(db: Db, batchId: string): number {
  const numbered = (db.prepare(`SELECT coalesce(max(last_change), 0) AS m FROM sync_segments`).get() as { m: number }).m;
  return db.sqlite
    .transaction(() => {
      const p = { batch: batchId, after: numbered };
      db.prepare(`CREATE TEMP TABLE IF NOT EXISTS held_pks (tbl TEXT NOT NULL, pk TEXT NOT NULL, PRIMARY KEY (tbl, pk))`).run();
      db.prepare(`DELETE FROM temp.held_pks`).run();
      db.prepare(`INSERT OR IGNORE INTO temp.held_pks VALUES ('import_batches', json_array(@batch))`).run(p);
      db.prepare(
        `INSERT OR IGNORE INTO temp.held_pks SELECT 'ar_documents', pk FROM sync_changes
         WHERE id > @after AND tbl = 'ar_documents' AND col = '*' AND json_extract(val, '$.import_batch_id') = @batch`,
      ).run(p);
      const docIds = `SELECT json_extract(pk, '$[0]') FROM temp.held_pks WHERE tbl = 'ar_documents'`;
      db.prepare(
        `INSERT OR IGNORE INTO temp.held_pks SELECT 'ar_explicit_targets', pk FROM sync_changes
         WHERE id > @after AND tbl = 'ar_explicit_targets' AND col = '*' AND json_extract(val, '$.credit_id') IN (${docIds})`,
      ).run(p);
      db.prepare(
        `INSERT OR IGNORE INTO temp.held_pks SELECT 'audit_log', pk FROM sync_changes
         WHERE id > @after AND tbl = 'audit_log' AND col = '*' AND (
           (json_extract(val, '$.entity') = 'ar_document' AND json_extract(val, '$.entity_id') IN (${docIds}))
           OR (json_extract(val, '$.entity') = 'import_batch' AND json_extract(val, '$.entity_id') = @batch))`,
      ).run(p);
      const n = db
        .prepare(`DELETE FROM sync_changes WHERE id > @after AND EXISTS (SELECT 1 FROM temp.held_pks h WHERE h.tbl = sync_changes.tbl AND h.pk = sync_changes.pk)`)
        .run(p).changes;
      // Their field clocks too: nothing of the batch was ever seen elsewhere.
      db.prepare(`DELETE FROM sync_winners WHERE EXISTS (SELECT 1 FROM temp.held_pks h WHERE h.tbl = sync_winners.tbl AND h.pk = sync_winners.pk)`).run();
      db.prepare(`DELETE FROM temp.held_pks`).run();
      return n;
    })
    .immediate();
}
