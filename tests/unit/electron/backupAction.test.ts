import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabaseTo, suggestedBackupName } from '../../../electron/main/backupAction';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bk-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('suggestedBackupName', () => {
  it('uses the office-local date and time', () => {
    // 23:30 UTC is 07:30 the next morning in Shanghai.
    expect(suggestedBackupName(new Date('2026-11-23T23:30:00Z'))).toBe('dealerdesk-backup-2026-11-24-0730.db');
    expect(suggestedBackupName(new Date('2026-11-23T23:30:00Z'), 'UTC')).toBe('dealerdesk-backup-2026-11-23-2330.db');
  });
});

describe('backupDatabaseTo', () => {
  it('copies a live WAL database through the backup API and verifies the copy', async () => {
    const live = path.join(tmp, 'dealerdesk.db');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT); INSERT INTO t VALUES (\'应收\');');
    try {
      const out = await backupDatabaseTo(db, live, path.join(tmp, 'copies', 'b.db'));
      expect(out).toEqual({ file: path.join(tmp, 'copies', 'b.db'), problem: null });
      const copy = new Database(out.file, { readonly: true });
      expect(copy.prepare('SELECT v FROM t').get()).toEqual({ v: '应收' });
      copy.close();
      // No temporary file left behind.
      expect(fs.readdirSync(path.join(tmp, 'copies'))).toEqual(['b.db']);
    } finally {
      db.close();
    }
  });

  it('refuses to write over the live database or its WAL', async () => {
    const live = path.join(tmp, 'dealerdesk.db');
    const db = new Database(live);
    try {
      await expect(backupDatabaseTo(db, live, live)).rejects.toThrow('正在使用');
      await expect(backupDatabaseTo(db, live, `${live}-wal`)).rejects.toThrow('正在使用');
    } finally {
      db.close();
    }
  });
});
