/**
 * Opening the office database: recognise a damaged file instead of silently
 * starting a new empty one, migrate (with a backup first), return a Db.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupDirFor, listBackups, type BackupInfo } from './backup';
import { checkStampHolds, fileSetIdentity, recordCheckPassed } from './checkStamp';
import { quickCheckProblem, SYNC_CHECK_MAX_BYTES } from './integrity';
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

/** What the recovery screen and the CLI say about a file that fails quick_check. */
export const damagedReason = (problem: string): string =>
  `数据库文件已损坏（完整性检查：${problem}）。损坏的文件保持原样，恢复备份时会另存一份。请从备份恢复。`;

export interface OpenedDatabase {
  db: Db;
  file: string;
  migration: MigrateOutcome;
  /**
   * 'checked': quick_check passed before opening; 'stamped': a check passed
   * on these very files before (trustCheckStamp); 'deferred': a large file,
   * the caller checks it in the background.
   */
  integrity: 'checked' | 'stamped' | 'deferred';
}

function hasEntries(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * Why we believe the office had books here although the database file is
 * missing or empty: backups beside it, a WAL file, stored files (scans,
 * statements) in the data directory, or a damaged file kept aside. Null on
 * a genuinely first run.
 */
export function evidenceOfData(dbFile: string, dataDir: string = path.dirname(dbFile)): string | null {
  if (listBackups(dbFile).length > 0) return `备份文件夹中有 ${listBackups(dbFile).length} 个备份（${backupDirFor(dbFile)}）`;
  if (fs.existsSync(`${dbFile}-wal`) && fs.statSync(`${dbFile}-wal`).size > 0) return `旁边还有未写入的日志文件（${dbFile}-wal）`;
  for (const dir of new Set([dataDir, path.dirname(dbFile)])) {
    if (hasEntries(path.join(dir, 'files'))) return `数据目录中有已保存的文件（${path.join(dir, 'files')}）`;
  }
  const base = path.basename(dbFile);
  if (hasEntries(path.dirname(dbFile)) && fs.readdirSync(path.dirname(dbFile)).some((n) => n.startsWith(`${base}.damaged-`))) {
    return '旁边有以前保留的损坏数据库文件';
  }
  return null;
}

const RECOVER_HINT = '为避免用一个空数据库覆盖原来的账，程序没有新建数据库。请从备份恢复，或把原来的数据库文件放回原处。';

export interface OpenOptions {
  /** Where stored files live (evidence that data existed); default the database's folder. */
  dataDir?: string;
  /** Files larger than this are checked in the background by the caller (default SYNC_CHECK_MAX_BYTES); Infinity = always before opening. */
  inlineCheckMaxBytes?: number;
  /**
   * Read-only command-line queries only: skip the quick_check when the
   * files are exactly those a passing check last saw (db/checkStamp.ts),
   * and record a stamp after a passing check. The app never sets this.
   */
  trustCheckStamp?: boolean;
}

export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  // Checked on the path as given: path.resolve would turn //server/share into /server/share.
  if (isNetworkPath(file)) {
    throw new DatabaseUnavailableError(file, `数据库不能放在网络共享上（${file}），请选择本机磁盘上的位置。`);
  }
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const existed = fs.existsSync(abs);
  const size = existed ? fs.statSync(abs).size : 0;
  if (!existed || size === 0) {
    const evidence = evidenceOfData(abs, opts.dataDir);
    if (evidence) {
      const what = existed ? `数据库文件是空的（0 字节：${abs}），可能被杀毒软件或错误的复制清空了` : `数据库文件不存在（${abs}）`;
      throw new DatabaseUnavailableError(abs, `${what}，但${evidence}。${RECOVER_HINT}`);
    }
  }
  let integrity: OpenedDatabase['integrity'] = 'checked';
  if (existed && size > 0) {
    const problem = headerProblem(abs);
    if (problem) throw new DatabaseUnavailableError(abs, problem);
    if (opts.trustCheckStamp && checkStampHolds(abs)) {
      integrity = 'stamped';
    } else if (opts.trustCheckStamp || size <= (opts.inlineCheckMaxBytes ?? SYNC_CHECK_MAX_BYTES)) {
      // With a stamp to earn, a large file is checked here too: once, instead of in the background at every command.
      const before = opts.trustCheckStamp ? fileSetIdentity(abs) : null;
      const damage = quickCheckProblem(abs);
      if (damage) throw new DatabaseUnavailableError(abs, damagedReason(damage));
      if (before) recordCheckPassed(abs, before, new Date());
    } else {
      integrity = 'deferred';
    }
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
    return { db: new Db(sqlite), file: abs, migration, integrity };
  } catch (e) {
    sqlite.close();
    throw new DatabaseUnavailableError(abs, e instanceof Error ? e.message : String(e));
  }
}
