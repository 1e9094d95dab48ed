/**
 * A document row as it may arrive from another PC by sync: a copy of a stored
 * document under a new id (the same number again; of a void, a second void
 * of the same original; or the same number for another customer), written
 * straight into the file as the sync engine's apply does, with the system's
 * neutraliser mark or another PC's.
 */
import { newId } from '../../shared/ids';
import type { AppRuntime } from '../../electron/api/runtime';
import { NEUTRALISED_BY } from '../../electron/services/sync/conflicts';

export function copyArrivedDocument(rt: AppRuntime, id: string, neutraliser: boolean, customerId?: string): void {
  const sqlite = rt.database().sqlite;
  // Another customer's copy: the same number typed on another PC for someone else (customerId given).
  const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info('ar_documents')`).pluck(true).all() as string[]).filter(
    (n) => n !== 'id' && n !== 'created_by' && n !== 'customer_id',
  );
  sqlite
    .prepare(`INSERT INTO ar_documents (id, created_by, customer_id, ${cols.join(', ')}) SELECT ?, ?, coalesce(?, customer_id), ${cols.join(', ')} FROM ar_documents WHERE id = ?`)
    .run(newId(), neutraliser ? NEUTRALISED_BY : 'other-pc', customerId ?? null, id);
}
