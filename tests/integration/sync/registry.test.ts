/** Every table of the schema is either synced or local on purpose; every synced table follows the rules sync needs. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { localTables, syncedTables } from '../../../db/sync/syncedTables';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const schemaTables = (): string[] =>
  (
    t.rt
      .database()
      .sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'kysely_migration' AND name <> 'kysely_migration_lock' ORDER BY name`)
      .all() as { name: string }[]
  ).map((r) => r.name);

it('every table of the schema is listed in syncedTables or localTables (exactly one of them)', () => {
  const synced = new Set(syncedTables.map((s) => s.table));
  const local = new Set(localTables);
  const unlisted = schemaTables().filter((n) => !synced.has(n) && !local.has(n));
  expect(unlisted, 'add these tables to db/sync/syncedTables.ts (syncedTables, or localTables with a reason)').toEqual([]);
  expect([...synced].filter((n) => local.has(n))).toEqual([]);
});

it('every synced table exists, has its key columns, and no AUTOINCREMENT', () => {
  const sqlite = t.rt.database().sqlite;
  for (const spec of syncedTables) {
    const cols = (sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(spec.table) as { name: string; pk: number }[]);
    expect(cols.length, spec.table).toBeGreaterThan(0);
    const pk = cols.filter((c) => c.pk > 0).map((c) => c.name).sort();
    expect(pk, `${spec.table} key`).toEqual([...spec.key].sort());
    const ddl = (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(spec.table) as { sql: string }).sql;
    expect(ddl.toUpperCase()).not.toContain('AUTOINCREMENT');
  }
});
