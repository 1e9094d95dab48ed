/**
 * A per-connection count of the writes to chosen tables, for results derived
 * from those tables alone and kept between calls (sync/conflicts.ts keeps
 * its customer, contract and statement checks with it). The bookkeeping is
 * SQLite's own, so no write path can forget it (as in
 * electron/services/aging/customerFactsCache.ts):
 *  - this connection's writes: TEMP triggers on the tables call a function
 *    of this connection, which counts them (a write that is rolled back
 *    counts too: its result is simply read again);
 *  - any other connection's commit: PRAGMA data_version moves;
 *  - triggers that are gone (changing temp_store drops every TEMP object)
 *    are made again, and that counts as a write (writes made meanwhile
 *    were not seen).
 * No generation inside a write transaction (what is read there may yet be
 * rolled back, which no trigger reports) or under a salesperson's scope
 * (whose views show other rows): the caller then reads afresh and keeps
 * nothing.
 */
import type { Db } from './query';

export interface WatchedTable {
  table: string;
  /** Only rows matching this condition count; `ROW.` stands for the written row (NEW, or OLD for a delete). */
  when?: string;
}

interface Watch {
  writes: number;
}

const watches = new WeakMap<Db, Map<string, Watch | null>>();
const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;

function watchOf(db: Db, name: string): Watch | null {
  let byName = watches.get(db);
  if (byName === undefined) watches.set(db, (byName = new Map()));
  const known = byName.get(name);
  if (known !== undefined) return known;
  const watch: Watch = { writes: 0 };
  let made: Watch | null = watch;
  try {
    db.sqlite.function(`dd_wrote_${name}`, { deterministic: false }, () => {
      watch.writes++;
      return null;
    });
  } catch {
    made = null; // no functions on this connection: nothing is kept
  }
  byName.set(name, made);
  return made;
}

function triggerSql(name: string, t: WatchedTable, op: (typeof OPS)[number]): string {
  const row = op === 'DELETE' ? 'OLD.' : 'NEW.';
  const when = t.when === undefined ? '' : ` WHEN ${t.when.replace(/\bROW\./g, row)}`;
  return `CREATE TEMP TRIGGER IF NOT EXISTS dd_wrote_${name}_${t.table}_${op.toLowerCase()} AFTER ${op} ON main.${t.table}${when}
    BEGIN SELECT dd_wrote_${name}(); END`;
}

/**
 * The generation of the tables' contents as this connection sees them, or
 * null where nothing may be kept. Take it BEFORE reading what it keys: a
 * commit landing in between makes the result newer than its key, never older.
 */
export function writeGeneration(db: Db, name: string, tables: readonly WatchedTable[]): string | null {
  if (db.writing || db.scoped) return null;
  const watch = watchOf(db, name);
  if (watch === null) return null;
  try {
    const armed = db.sqlite.prepare(`SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE ?`).get(`dd_wrote_${name}_%`) as { n: number };
    if (armed.n !== tables.length * OPS.length) {
      db.sqlite.exec(tables.flatMap((t) => OPS.map((op) => triggerSql(name, t, op))).join(';\n'));
      watch.writes++;
    }
  } catch {
    return null; // no TEMP triggers possible here: read afresh
  }
  return `${db.sqlite.pragma('data_version', { simple: true }) as number}:${watch.writes}`;
}
