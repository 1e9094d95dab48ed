/**
 * Multi-row INSERTs for bulk writers (the chunked import writes 100,000
 * documents and as many audit rows): `INSERT … VALUES (…), (…), …` with up to
 * INSERT_GROUP rows per statement, so one call into SQLite (one bind, one
 * step, one statement journal) carries a group instead of one row. Rows go in
 * in the given order, exactly as single-row INSERTs would. The statement for
 * each group size is prepared once per connection (Db.prepare caches by text).
 */
import type { Db } from './query';

/** Rows per statement: 32 × the widest table written this way (28 columns) stays far below SQLite's parameter limit. */
export const INSERT_GROUP = 32;

const sqlBySize = new Map<string, string[]>();

function sqlFor(head: string, width: number, rows: number): string {
  let sizes = sqlBySize.get(head);
  if (sizes === undefined) sqlBySize.set(head, (sizes = []));
  let sql = sizes[rows];
  if (sql === undefined) {
    const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
    sql = sizes[rows] = `${head} VALUES ${new Array<string>(rows).fill(tuple).join(', ')}`;
  }
  return sql;
}

/**
 * Inserts `rows` (each an array of `width` values in the order `head` names
 * the columns: `INSERT INTO t (a, b, c)`), INSERT_GROUP at a time.
 */
export function insertRows(db: Db, head: string, width: number, rows: readonly (readonly unknown[])[]): void {
  for (let at = 0; at < rows.length; at += INSERT_GROUP) {
    const n = Math.min(INSERT_GROUP, rows.length - at);
    const values: unknown[] = new Array(n * width);
    let k = 0;
    for (let r = at; r < at + n; r++) {
      const row = rows[r];
      if (row.length !== width) throw new Error(`insertRows: a row of ${row.length} values for ${width} columns`);
      for (let c = 0; c < width; c++) values[k++] = row[c];
    }
    db.prepare(sqlFor(head, width, n)).run(values);
  }
}
