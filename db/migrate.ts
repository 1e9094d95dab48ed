/**
 * Brings a database up to the current schema. Before migrating a file that
 * already holds data, a backup is written next to it and kept: a failed or
 * wrong migration must never cost the office its books.
 */
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { writeBackup } from './backup';
import { migrations } from './migrations/index';
import type { Sqlite } from './query';

const MIGRATION_TABLE = 'kysely_migration';

export function executedMigrations(sqlite: Sqlite): string[] {
  const exists = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATION_TABLE);
  if (!exists) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export function pendingMigrations(sqlite: Sqlite): string[] {
  const done = new Set(executedMigrations(sqlite));
  return Object.keys(migrations)
    .sort()
    .filter((n) => !done.has(n));
}

function hasUserData(sqlite: Sqlite): boolean {
  const row = sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .get() as { n: number };
  return row.n > 0;
}

export interface MigrateOutcome {
  applied: string[];
  backupFile: string | null;
}

export async function migrateToLatest(sqlite: Sqlite, dbFile: string | null): Promise<MigrateOutcome> {
  const known = new Set(Object.keys(migrations));
  const unknown = executedMigrations(sqlite).filter((n) => !known.has(n));
  if (unknown.length) {
    throw new Error(`数据库由更新版本的 DealerDesk 创建（含未知的结构版本 ${unknown.join(', ')}），请升级本程序后再打开。`);
  }
  const pending = pendingMigrations(sqlite);
  if (!pending.length) return { applied: [], backupFile: null };

  const backupFile = dbFile && hasUserData(sqlite) ? await writeBackup(sqlite, dbFile, `before-${pending[0]}`) : null;

  // The dialect is handed our open connection; we never call destroy() on this
  // Kysely instance because that would close the shared connection.
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const msg = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库升级失败${failed ? `（${failed.migrationName}）` : ''}：${msg}${backupFile ? `。升级前的备份：${backupFile}` : ''}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backupFile };
}
