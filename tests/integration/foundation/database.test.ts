import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { listBackups } from '../../../db/backup';
import { isNetworkPath } from '../../../db/connection';
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
    // An "older version" database: the foundation tables exist, the migration record is gone.
    const first = await openDatabase(file);
    first.db.sqlite.prepare(`INSERT INTO settings(key, value, updated_at) VALUES ('company', '{"companyName":"旧数据"}', 'x')`).run();
    first.db.sqlite.prepare(`DELETE FROM kysely_migration WHERE name = '0001_foundation'`).run();
    first.db.sqlite.exec('DROP TABLE settings; DROP TABLE audit_log; DROP TABLE stored_files; CREATE TABLE legacy_keep(x)');
    first.db.close();
    const again = await openDatabase(file);
    expect(again.migration.applied).toContain('0001_foundation');
    expect(again.migration.backupFile).not.toBeNull();
    expect(fs.existsSync(again.migration.backupFile!)).toBe(true);
    const copy = new Database(again.migration.backupFile!, { readonly: true });
    expect(copy.prepare(`SELECT name FROM sqlite_master WHERE name = 'legacy_keep'`).get()).toBeTruthy();
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
