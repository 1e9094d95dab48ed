/**
 * Issue 17 point 3 against issue 11 point 2: a read-only command-line query
 * skips the quick_check only when the database and its -wal are exactly the
 * files a passing check saw (db/checkStamp.ts). Any write, a file put back
 * with its old modification time, a replaced file or a non-empty log makes
 * it check again, so damage is still found and refused with exit 1; write
 * commands never rely on the stamp; an older file is brought up to date by a
 * read-only command only with a backup first, and it says so.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStampFile, checkStampHolds, fileSetIdentity, recordCheckPassed } from '../../../db/checkStamp';
import { openSqlite } from '../../../db/connection';
import { migrations } from '../../../db/migrations/index';
import { runCli } from '../../../electron/cli/main';
import { tempRuntime } from '../../helpers/tempRuntime';
import { importCustomers, writeInvoiceCsv } from './importSetup';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-check-stamp-'));
  dirs.push(d);
  return d;
};
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A closed database (WAL folded in) with 300 customers and 600 invoices: some aging to report, and pages enough to damage one in the middle. */
async function office(dir: string): Promise<string> {
  const dbFile = path.join(dir, 'office.db');
  const t = await tempRuntime({ dbFile });
  dirs.push(t.dir);
  const codes = await importCustomers(t, 300);
  const csv = writeInvoiceCsv(dir, codes, 600, 'CS');
  await t.rt.invoke('imports.commit', { kind: 'invoices', fileName: 'cs.csv', dataBase64: fs.readFileSync(csv).toString('base64') });
  t.rt.close();
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  return dbFile;
}

/** Random bytes over half a page in the middle of the file (what quick_check finds and a plain open does not). */
function damageMiddle(dbFile: string): void {
  const pages = fs.statSync(dbFile).size / 4096;
  expect(pages).toBeGreaterThan(20);
  const fd = fs.openSync(dbFile, 'r+');
  fs.writeSync(fd, crypto.randomBytes(2048), 0, 2048, Math.floor(pages / 2) * 4096 + 1024);
  fs.closeSync(fd);
}

/** A modification time in whole seconds (2026-01-01), so it can be put back exactly. */
const OLD_TIME = 1_767_225_600;

const checkedAt = (dbFile: string): string => (JSON.parse(fs.readFileSync(checkStampFile(dbFile), 'utf8')) as { checkedAt: string }).checkedAt;

describe('the check stamp itself', () => {
  it('holds only for the very files checked: any write, old times put back, a replaced file or a non-empty log breaks it', async () => {
    const dbFile = await office(tmp());
    expect(checkStampHolds(dbFile)).toBe(false); // no stamp yet
    const stamp = () => recordCheckPassed(dbFile, fileSetIdentity(dbFile), new Date());
    stamp();
    expect(checkStampHolds(dbFile)).toBe(true);

    // A write through SQLite (its log folded back into the file at close).
    const db = openSqlite(dbFile);
    db.prepare(`UPDATE customers SET name = name || '' WHERE rowid = 1`).run();
    db.close();
    expect(checkStampHolds(dbFile)).toBe(false);

    // Bytes changed by something else, with the modification time put back as it was: the status-change time still moved.
    // (Whole seconds, so putting the time back is exact.)
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    stamp();
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.from([0]), 0, 1, fs.statSync(dbFile).size - 1);
    fs.closeSync(fd);
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    expect(fs.statSync(dbFile, { bigint: true }).mtimeNs).toBe(BigInt(OLD_TIME) * 1_000_000_000n);
    expect(checkStampHolds(dbFile)).toBe(false);

    // Another file of the same size and times in its place (a copy, a restore): another inode.
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    stamp();
    const size = fs.statSync(dbFile).size;
    fs.copyFileSync(dbFile, `${dbFile}.copy`);
    fs.renameSync(`${dbFile}.copy`, dbFile);
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    expect(fs.statSync(dbFile).size).toBe(size);
    expect(checkStampHolds(dbFile)).toBe(false);

    // A log with pages in it is part of what is read; an empty one holds nothing.
    stamp();
    fs.writeFileSync(`${dbFile}-wal`, '');
    expect(checkStampHolds(dbFile)).toBe(true);
    fs.writeFileSync(`${dbFile}-wal`, Buffer.alloc(4096, 1));
    expect(checkStampHolds(dbFile)).toBe(false);
    fs.rmSync(`${dbFile}-wal`);
    expect(checkStampHolds(dbFile)).toBe(true);

    // A file changed while the check ran earns no stamp, and loses the old one.
    const stale = fileSetIdentity(dbFile);
    fs.utimesSync(dbFile, new Date(), new Date());
    recordCheckPassed(dbFile, stale, new Date());
    expect(fs.existsSync(checkStampFile(dbFile))).toBe(false);
    expect(checkStampHolds(dbFile)).toBe(false);

    fs.writeFileSync(checkStampFile(dbFile), 'not json');
    expect(checkStampHolds(dbFile)).toBe(false);
  });
});

describe('aging --json, a read-only command', () => {
  it('checks once, then answers the same without checking the unchanged file again', async () => {
    const dbFile = await office(tmp());
    const first = await cli('aging', '--db', dbFile, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).customers.length).toBeGreaterThan(100);
    expect(checkStampHolds(dbFile)).toBe(true);
    const stampedAt = checkedAt(dbFile);

    const second = await cli('aging', '--db', dbFile, '--json');
    expect(second).toEqual(first);
    // A second check would have written a new stamp.
    expect(checkedAt(dbFile)).toBe(stampedAt);
    expect(checkStampHolds(dbFile)).toBe(true);
  });

  it('damage after the stamp is found and refused with exit 1, even with the old modification time put back; the file stays as it was', async () => {
    const dbFile = await office(tmp());
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    expect((await cli('aging', '--db', dbFile, '--json')).code).toBe(0);
    expect(checkStampHolds(dbFile)).toBe(true);

    damageMiddle(dbFile);
    fs.utimesSync(dbFile, OLD_TIME, OLD_TIME);
    const damaged = sha(dbFile);

    const r = await cli('aging', '--db', dbFile, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('损坏');
    expect(sha(dbFile)).toBe(damaged);
    expect(checkStampHolds(dbFile)).toBe(false);
    // And again: a failed check never leaves a stamp behind.
    expect((await cli('aging', '--db', dbFile, '--json')).code).toBe(1);
  });

  it('a write command checks regardless of any stamp', async () => {
    const dbFile = await office(tmp());
    damageMiddle(dbFile);
    // A stamp that matches the damaged file (as if the damage had come from nowhere): only read-only commands rely on it.
    recordCheckPassed(dbFile, fileSetIdentity(dbFile), new Date());
    expect(checkStampHolds(dbFile)).toBe(true);
    const r = await cli('settings', 'set', '--db', dbFile, 'companyName=写入前检查公司');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('损坏');
  });

  it('an older file is brought up to this version with a backup first, and the command says so on stderr', async () => {
    const dir = tmp();
    const dbFile = path.join(dir, 'old.db');
    // An "older version" database: only the first migration was ever applied.
    const sqlite = openSqlite(dbFile);
    const migrator = new Migrator({
      db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }),
      provider: { getMigrations: async () => ({ '0001_foundation': migrations['0001_foundation'] }) },
      migrationTableName: 'kysely_migration',
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    sqlite.close();

    const r = await cli('aging', '--db', dbFile, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers: [] });
    expect(r.stderr).toContain('数据库已升级到本版本的结构');
    const backup = /升级前的备份：(.+)$/m.exec(r.stderr)?.[1];
    expect(backup && fs.existsSync(backup)).toBe(true);
    const copy = new Database(backup!, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM kysely_migration').get()).toEqual({ n: 1 });
    copy.close();
    // Up to date now: nothing more to say.
    const again = await cli('aging', '--db', dbFile, '--json');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });
});
