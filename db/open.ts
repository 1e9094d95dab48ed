/**
 * Opening the office database: recognise a damaged file instead of silently
 * starting a new empty one, migrate (with a backup first), return a Db.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listBackups, type BackupInfo } from './backup';
import { isNetworkPath, openSqlite } from './connection';
import { migrateToLatest, type MigrateOutcome } from './migrate';
import { Db } from './query';
import { registerSyncFunctions } from './sync/capture';
import { attachSync } from './sync/attach';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export class DatabaseUnavailableError extends Error {
  readonly file: string;
  readonly backups: BackupInfo[];
  constructor(file: string, reason: string) {
    super(reason);
    this.name = 'DatabaseUnavailableError';
    this.file = file;
    this.backups = listBackups(file);
  }
}

/** A non-empty file that does not start with SQLite's header is not a database. */
function headerProblem(file: string): string | null {
  const size = fs.statSync(file).size;
  if (size === 0) return null;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_MAGIC ? null : '文件不是有效的 SQLite 数据库（文件头不正确）';
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenedDatabase {
  db: Db;
  file: string;
  migration: MigrateOutcome;
}

export async function openDatabase(file: string): Promise<OpenedDatabase> {
  // Checked on the path as given: path.resolve would turn //server/share into /server/share.
  if (isNetworkPath(file)) {
    throw new DatabaseUnavailableError(file, `数据库不能放在网络共享上（${file}），请选择本机磁盘上的位置。`);
  }
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const existed = fs.existsSync(abs);
  if (existed) {
    const problem = headerProblem(abs);
    if (problem) throw new DatabaseUnavailableError(abs, problem);
  }
  let sqlite;
  try {
    sqlite = openSqlite(abs);
    // Touch the schema: a damaged file fails here rather than mid-work.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    sqlite?.close();
    if (e instanceof Error && e.name === 'DomainError') throw e;
    throw new DatabaseUnavailableError(abs, `数据库无法打开：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    registerSyncFunctions(sqlite);
    const migration = await migrateToLatest(sqlite, abs);
    attachSync(sqlite, abs);
    return { db: new Db(sqlite), file: abs, migration };
  } catch (e) {
    sqlite.close();
    throw new DatabaseUnavailableError(abs, e instanceof Error ? e.message : String(e));
  }
}
