/**
 * A document row as it may arrive from another PC by sync: a copy of a stored
 * document under a new id (the same number again; of a void, a second void
 * of the same original), written straight into the file as the sync engine's
 * apply does, with the system's neutraliser mark or another PC's.
 */
import { newId } from '../../shared/ids';
import type { AppRuntime } from '../../electron/api/runtime';
import { NEUTRALISED_BY } from '../../electron/services/sync/conflicts';

export function copyArrivedDocument(rt: AppRuntime, id: string, neutraliser: boolean): void {
  const sqlite = rt.database().sqlite;
  const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info('ar_documents')`).pluck(true).all() as string[]).filter((n) => n !== 'id' && n !== 'created_by');
  sqlite
    .prepare(`INSERT INTO ar_documents (id, created_by, ${cols.join(', ')}) SELECT ?, ?, ${cols.join(', ')} FROM ar_documents WHERE id = ?`)
    .run(newId(), neutraliser ? NEUTRALISED_BY : 'other-pc', id);
}
