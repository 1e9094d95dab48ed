/**
 * Change capture for LAN sync: SQLite triggers generated from the sync
 * registry (db/sync/syncedTables.ts) write one outbox row per changed field
 * into `sync_changes`, inside the transaction of the write itself. So no
 * service, and not the audit helper, needs to know about sync; a table
 * another issue adds to the registry travels without more work, because the
 * triggers are dropped and re-created from the registry and the live schema
 * each time the database opens (after migrations).
 *
 * Why triggers and not recordChange: recordChange sees entities, not rows
 * and columns (a contract save writes lines and installments it does not
 * describe field by field), and raw batch loaders bypass it. A trigger sees
 * exactly what was written.
 *
 * The stamp comes from the application-defined SQL function `sync_hlc()`
 * and capture can be switched off per connection with `sync_capture()`
 * (while applying remote changes, and during migrations, which every PC
 * runs itself).
 *
 * Outbox rows: `col` is a column name, `~exists` (1 on insert, 0 on delete:
 * the row's existence is one more last-writer-wins field), or `*` for a
 * whole row of an insert-only table (a JSON object of every column).
 */
import type { Sqlite } from '../query';
import { Hlc } from './hlc';
import { localSettingKeys, localTables, syncedTables, type SyncedTable } from './syncedTables';

export const EXISTS_COL = '~exists';
export const ROW_COL = '*';
const TRIGGER_PREFIX = 'sync_cap_';

interface CaptureState {
  hlc: Hlc | null;
  capturing: boolean;
  /** The wall clock under the HLC (tests give each replica a skewed one). */
  now: () => number;
}

const states = new WeakMap<Sqlite, CaptureState>();

function stateOf(sqlite: Sqlite): CaptureState {
  let s = states.get(sqlite);
  if (!s) {
    s = { hlc: null, capturing: false, now: Date.now };
    states.set(sqlite, s);
  }
  return s;
}

/**
 * Registers sync_hlc() and sync_capture() on a connection. Done at every
 * open before migrations: the triggers of a sync-enabled database call them,
 * and a missing function would make every write fail.
 */
export function registerSyncFunctions(sqlite: Sqlite): void {
  const state = stateOf(sqlite);
  sqlite.function('sync_capture', { deterministic: false, directOnly: false }, () => (state.capturing && state.hlc ? 1 : 0));
  sqlite.function('sync_hlc', { deterministic: false, directOnly: false }, () => {
    if (!state.hlc) throw new Error('同步时钟未初始化');
    return state.hlc.send();
  });
}

export function syncClock(sqlite: Sqlite): Hlc | null {
  return stateOf(sqlite).hlc;
}

/** Sets the wall clock the HLC of this connection reads (a PC whose clock is wrong by hours, in tests). */
export function setSyncWallClock(sqlite: Sqlite, now: () => number): void {
  stateOf(sqlite).now = now;
}

export const syncWallClock = (sqlite: Sqlite): (() => number) => {
  const state = stateOf(sqlite);
  return () => state.now();
};

export function setSyncClock(sqlite: Sqlite, hlc: Hlc | null): void {
  stateOf(sqlite).hlc = hlc;
}

/** Runs fn with capture off (remote changes being applied must not be logged again). */
export function withoutCapture<T>(sqlite: Sqlite, fn: () => T): T {
  const state = stateOf(sqlite);
  const was = state.capturing;
  state.capturing = false;
  try {
    return fn();
  } finally {
    state.capturing = was;
  }
}

export function setCapturing(sqlite: Sqlite, on: boolean): void {
  stateOf(sqlite).capturing = on;
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export interface TableShape {
  spec: SyncedTable;
  columns: string[];
  /** Columns shipped as field changes (not the key, not derived). */
  fields: string[];
}

export function tableShape(sqlite: Sqlite, spec: SyncedTable): TableShape | null {
  const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(spec.table) as { name: string }[]).map((r) => r.name);
  if (!cols.length) return null;
  const derived = new Set(spec.derived ?? []);
  const key = new Set(spec.key);
  return { spec, columns: cols, fields: cols.filter((c) => !key.has(c) && !derived.has(c)) };
}

/** SQL condition (on NEW./OLD. rows) for rows that stay on this PC. */
function rowFilter(spec: SyncedTable, alias: string): string {
  if (spec.table === 'settings') {
    const conds = localSettingKeys.map((k) =>
      k.endsWith('*') ? `${alias}key NOT LIKE ${lit(k.slice(0, -1).replace(/[%_]/g, '') + '%')}` : `${alias}key <> ${lit(k)}`,
    );
    return conds.join(' AND ');
  }
  // Audit rows about derived tables (re-derivations) are written by every PC for itself.
  if (spec.table === 'audit_log') return `${alias}entity NOT IN (${localTables.map(lit).join(', ')})`;
  return '1';
}

export const pkExpr = (spec: SyncedTable, alias: string): string => `json_array(${spec.key.map((k) => alias + q(k)).join(', ')})`;

const rowJson = (shape: TableShape, alias: string): string =>
  `json_object(${shape.columns.map((c) => `${lit(c)}, ${alias}${q(c)}`).join(', ')})`;

function triggerSql(shape: TableShape): string[] {
  const { spec } = shape;
  const t = spec.table;
  const name = (suffix: string) => q(`${TRIGGER_PREFIX}${t}_${suffix}`);
  const out: string[] = [];
  const ins = `INSERT INTO sync_changes (hlc, tbl, pk, col, val)`;
  if (spec.merge === 'insert') {
    out.push(`CREATE TRIGGER ${name('i')} AFTER INSERT ON ${q(t)} WHEN sync_capture() AND ${rowFilter(spec, 'NEW.')}
      BEGIN ${ins} VALUES (sync_hlc(), ${lit(t)}, ${pkExpr(spec, 'NEW.')}, '*', ${rowJson(shape, 'NEW.')}); END`);
  } else {
    const rows = [`SELECT '${EXISTS_COL}' AS col, 1 AS val`, ...shape.fields.map((c) => `SELECT ${lit(c)}, NEW.${q(c)}`)].join(' UNION ALL ');
    out.push(`CREATE TRIGGER ${name('i')} AFTER INSERT ON ${q(t)} WHEN sync_capture() AND ${rowFilter(spec, 'NEW.')}
      BEGIN ${ins} SELECT sync_hlc(), ${lit(t)}, ${pkExpr(spec, 'NEW.')}, v.col, v.val FROM (${rows}) AS v; END`);
  }
  if (shape.fields.length) {
    // One SELECT per field (a one-row VALUES list would not name its columns column1, column2).
    const rows = shape.fields.map((c, i) => `SELECT ${lit(c)}${i ? '' : ' AS col'}, NEW.${q(c)}${i ? '' : ' AS val'}, OLD.${q(c)} IS NOT NEW.${q(c)}${i ? '' : ' AS chg'}`).join(' UNION ALL ');
    out.push(`CREATE TRIGGER ${name('u')} AFTER UPDATE OF ${shape.fields.map(q).join(', ')} ON ${q(t)}
      WHEN sync_capture() AND ${rowFilter(spec, 'NEW.')}
      BEGIN ${ins} SELECT sync_hlc(), ${lit(t)}, ${pkExpr(spec, 'NEW.')}, v.col, v.val FROM (${rows}) AS v WHERE v.chg; END`);
  }
  out.push(`CREATE TRIGGER ${name('d')} AFTER DELETE ON ${q(t)} WHEN sync_capture() AND ${rowFilter(spec, 'OLD.')}
    BEGIN ${ins} VALUES (sync_hlc(), ${lit(t)}, ${pkExpr(spec, 'OLD.')}, '${EXISTS_COL}', 0); END`);
  return out;
}

/** The capture triggers the registry and the live schema call for (none when sync is off). */
function wantedTriggerSql(sqlite: Sqlite, enabled: boolean): string[] {
  if (!enabled) return [];
  return syncedTables.flatMap((spec) => {
    const shape = tableShape(sqlite, spec);
    return shape ? triggerSql(shape) : [];
  });
}

/**
 * Drops every capture trigger and, when sync is on, creates them afresh from
 * the registry and the live schema — unless the triggers there are already
 * exactly those (SQLite keeps each trigger's CREATE statement as it was
 * run). Every open calls this: rewriting identical triggers made every
 * opening a schema change, so a read-only command changed the file and the
 * next one's quick_check stamp (db/checkStamp.ts) no longer held (issue 17
 * point 3: ~100 ms of every command on a database with sync on).
 */
export function refreshCaptureTriggers(sqlite: Sqlite, enabled: boolean): void {
  const existing = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`)
    .all() as { name: string; sql: string }[];
  const wanted = wantedTriggerSql(sqlite, enabled);
  const have = new Set(existing.map((t) => t.sql));
  if (existing.length === wanted.length && wanted.every((sql) => have.has(sql))) return;
  sqlite.transaction(() => {
    for (const { name } of existing) sqlite.exec(`DROP TRIGGER ${q(name)}`);
    // (Read again inside the transaction: the schema as it is when the triggers are written.)
    for (const sql of wantedTriggerSql(sqlite, enabled)) sqlite.exec(sql);
  })();
}

/**
 * When sync is first turned on for a database that already holds data,
 * every existing row becomes a change (as if just inserted), in registry
 * order (parents before children) so a peer applies it without dangling
 * references. Call inside a transaction with capture on.
 */
export function captureExistingRows(sqlite: Sqlite): number {
  let n = 0;
  for (const spec of syncedTables) {
    const shape = tableShape(sqlite, spec);
    if (!shape) continue;
    const from = `FROM ${q(spec.table)} AS r WHERE ${rowFilter(spec, 'r.')}`;
    // Voids reference their originals: originals first.
    const order = spec.table === 'ar_documents' ? `ORDER BY r.voids_id IS NOT NULL, r.rowid` : '';
    if (spec.merge === 'insert') {
      n += sqlite
        .prepare(`INSERT INTO sync_changes (hlc, tbl, pk, col, val) SELECT sync_hlc(), ${lit(spec.table)}, ${pkExpr(spec, 'r.')}, '*', ${rowJson(shape, 'r.')} ${from} ${order}`)
        .run().changes;
    } else {
      // A row's fields stay together (the publisher never splits a row across segments).
      const parts = [`SELECT ${pkExpr(spec, 'r.')} AS pk, 0 AS ci, '${EXISTS_COL}' AS col, 1 AS val ${from}`];
      shape.fields.forEach((c, i) => parts.push(`SELECT ${pkExpr(spec, 'r.')}, ${i + 1}, ${lit(c)}, r.${q(c)} ${from}`));
      n += sqlite
        .prepare(`INSERT INTO sync_changes (hlc, tbl, pk, col, val) SELECT sync_hlc(), ${lit(spec.table)}, u.pk, u.col, u.val FROM (${parts.join(' UNION ALL ')}) AS u ORDER BY u.pk, u.ci`)
        .run().changes;
    }
  }
  return n;
}
