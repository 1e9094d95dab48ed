/**
 * What this connection has written to chosen tables since it last looked,
 * for results derived from those tables and kept between calls: the aging
 * report's customer facts (electron/services/aging/customerFactsCache.ts)
 * and the customer, contract and statement conflicts (sync/conflicts.ts).
 * The bookkeeping is SQLite's own, so no write path can forget it:
 *  - this connection's writes: TEMP triggers on the tables call a function
 *    of this connection, which counts them and, for tables watched by an id
 *    column, notes each written row's id (a write that is rolled back counts
 *    too: its rows are simply read again);
 *  - any other connection's commit: PRAGMA data_version moves;
 *  - triggers that are gone (changing temp_store drops every TEMP object)
 *    are made again, and writes made meanwhile were not seen.
 * Nothing is watched inside a write transaction (what is read there may yet
 * be rolled back, which no trigger reports) or under a salesperson's scope
 * (whose views show other rows): the caller then reads afresh and keeps
 * nothing.
 */
import type { Db } from './query';

export interface WatchedTable {
  table: string;
  /** Only rows matching this condition count; `ROW.` stands for the written row (NEW, or OLD for a delete). */
  when?: string;
  /** Note this column of every written row (before and after an update) in `written`. */
  id?: string;
}

export interface Writes {
  /** Moves with every write this connection makes to the tables and with every other connection's commit. */
  generation: string;
  /**
   * Moves only when a kept result must be read whole: another connection's
   * commit, the triggers made again, a written row whose id is not text.
   */
  epoch: string;
  /** The ids noted since the previous look (each look takes them). */
  written: ReadonlySet<string>;
}

interface Watch {
  writes: number;
  /** Times the triggers were made, and rows whose id could not be noted: either means "read everything". */
  lost: number;
  written: Set<string>;
}

const watches = new WeakMap<Db, Map<string, Watch | null>>();
const OPS = { INSERT: ['NEW'], UPDATE: ['OLD', 'NEW'], DELETE: ['OLD'] } as const;

function watchOf(db: Db, name: string): Watch | null {
  let byName = watches.get(db);
  if (byName === undefined) watches.set(db, (byName = new Map()));
  const known = byName.get(name);
  if (known !== undefined) return known;
  const watch: Watch = { writes: 0, lost: 0, written: new Set() };
  let made: Watch | null = watch;
  try {
    db.sqlite.function(`dd_wrote_${name}`, { deterministic: false, varargs: true }, (...ids: unknown[]) => {
      watch.writes++;
      for (const id of ids) {
        if (typeof id === 'string') watch.written.add(id);
        else watch.lost++; // not a text id: forget everything rather than guess
      }
      return null;
    });
  } catch {
    made = null; // no functions on this connection: nothing is kept
  }
  byName.set(name, made);
  return made;
}

function triggerSql(name: string, t: WatchedTable, op: keyof typeof OPS): string {
  const rows = op === 'DELETE' ? 'OLD.' : 'NEW.';
  const when = t.when === undefined ? '' : ` WHEN ${t.when.replace(/\bROW\./g, rows)}`;
  const args = t.id === undefined ? '' : OPS[op].map((r) => `${r}.${t.id}`).join(', ');
  return `CREATE TEMP TRIGGER IF NOT EXISTS dd_wrote_${name}_${t.table}_${op.toLowerCase()} AFTER ${op} ON main.${t.table}${when}
    BEGIN SELECT dd_wrote_${name}(${args}); END`;
}

/**
 * The writes to the tables as this connection sees them, or null where
 * nothing may be kept. Look BEFORE reading what it keys: a commit landing in
 * between makes the result newer than its key, never older.
 */
export function watchWrites(db: Db, name: string, tables: readonly WatchedTable[]): Writes | null {
  if (db.writing || db.scoped) return null;
  const watch = watchOf(db, name);
  if (watch === null) return null;
  try {
    const armed = db.sqlite.prepare(`SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE ?`).get(`dd_wrote_${name}_%`) as { n: number };
    const ops = Object.keys(OPS) as (keyof typeof OPS)[];
    if (armed.n !== tables.length * ops.length) {
      db.sqlite.exec(tables.flatMap((t) => ops.map((op) => triggerSql(name, t, op))).join(';\n'));
      watch.lost++;
    }
  } catch {
    return null; // no TEMP triggers possible here: read afresh
  }
  const epoch = `${db.sqlite.pragma('data_version', { simple: true }) as number}:${watch.lost}`;
  const written = watch.written;
  watch.written = new Set();
  return { generation: `${epoch}:${watch.writes}`, epoch, written };
}
