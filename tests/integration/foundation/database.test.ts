import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { listBackups } from '../../../db/backup';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { isNetworkPath, openSqlite } from '../../../db/connection';
import { migrations } from '../../../db/migrations/index';
import { pendingMigrations } from '../../../db/migrate';
import { openDatabase } from '../../../db/open';
import { tempRuntime } from '../../helpers/tempRuntime';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('database file', () => {
  it('opens with WAL, foreign keys, FULL sync and a busy timeout', async () => {
    const { db } = await openDatabase(path.join(tmp(), 'a.db'));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(pendingMigrations(db.sqlite)).toEqual([]);
    db.close();
  });

  it('survives a restart: data written is there after reopening', async () => {
    const file = path.join(tmp(), 'b.db');
    const a = await tempRuntime({ dbFile: file });
    await a.rt.invoke('settings.updateCompany', { companyName: '重启测试公司' });
    a.rt.close();
    const b = await tempRuntime({ dbFile: file });
    expect((await b.rt.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('重启测试公司');
    b.cleanup();
    a.cleanup();
  });

  it('backs up an existing database with data before migrating it, and keeps the backup', async () => {
    const file = path.join(tmp(), 'old.db');
    // An "older version" database: only the first migration was ever applied, and it holds data.
    const sqlite = openSqlite(file);
    const migrator = new Migrator({
      db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }),
      provider: { getMigrations: async () => ({ '0001_foundation': migrations['0001_foundation'] }) },
      migrationTableName: 'kysely_migration',
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    sqlite.prepare(`INSERT INTO settings(key, value, updated_at) VALUES ('company', '{"companyName":"旧数据"}', 'x')`).run();
    sqlite.close();

    const again = await openDatabase(file);
    expect(again.migration.applied).not.toContain('0001_foundation');
    expect(again.migration.applied.length).toBe(Object.keys(migrations).length - 1);
    expect(again.migration.backupFile).not.toBeNull();
    const copy = new Database(again.migration.backupFile!, { readonly: true });
    expect(copy.prepare(`SELECT value FROM settings WHERE key = 'company'`).get()).toEqual({ value: '{"companyName":"旧数据"}' });
    expect(copy.prepare(`SELECT count(*) n FROM kysely_migration`).get()).toEqual({ n: 1 });
    copy.close();
    again.db.close();
    expect(listBackups(file)).toHaveLength(1);
  });

  it('does not back up a brand-new empty file', async () => {
    const { db, migration } = await openDatabase(path.join(tmp(), 'new.db'));
    expect(migration.backupFile).toBeNull();
    db.close();
  });

  it('a corrupt file is never replaced by an empty database; the runtime reports it and restores a backup', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.db');
    const a = await tempRuntime({ dbFile: file });
    await a.rt.invoke('settings.updateCompany', { companyName: '备份中的公司' });
    const { writeBackup } = await import('../../../db/backup');
    await writeBackup(a.rt.database().sqlite, file, 'daily');
    a.rt.close();
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    fs.writeFileSync(file, Buffer.from('this is not a database at all, just garbage bytes'.repeat(100)));

    const b = await tempRuntime({ dbFile: file });
    const status = await b.rt.invoke<{ state: string; backups: { name: string }[]; reason: string }>('system.status', {});
    expect(status.state).toBe('unavailable');
    expect(status.reason).toContain('不是有效的 SQLite');
    expect(status.backups).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toContain('garbage');
    const other = await b.rt.call('settings.getCompany', {});
    expect(other).toMatchObject({ ok: false, error: { code: 'database' } });

    const restored = await b.rt.invoke<{ state: string }>('system.restoreBackup', { name: status.backups[0].name });
    expect(restored.state).toBe('ready');
    expect((await b.rt.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('备份中的公司');
    expect(fs.readdirSync(dir).some((n) => n.startsWith('c.db.damaged-'))).toBe(true);
    b.cleanup();
    a.cleanup();
  });

  it('refuses database paths on a network share', () => {
    expect(isNetworkPath('\\\\server\\share\\dealerdesk.db')).toBe(true);
    expect(isNetworkPath('//nas/office/dealerdesk.db')).toBe(true);
    expect(isNetworkPath('C:\\Users\\a\\AppData\\Local\\DealerDesk\\dealerdesk.db')).toBe(false);
    expect(isNetworkPath('/home/a/.local/share/dealerdesk/dealerdesk.db')).toBe(false);
  });
});
