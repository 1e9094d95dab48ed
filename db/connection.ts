/**
 * Opening the SQLite file with the pragmas every connection needs.
 * WAL for concurrent readers, FULL sync so a power cut never loses a posted
 * payment, foreign keys on, and a busy timeout instead of instant errors.
 */
import Database from 'better-sqlite3';
import { DomainError } from '../shared/errors';
import type { Sqlite } from './query';

/**
 * SQLite's locking is unreliable over SMB/NFS, so a database on a network
 * path is refused. This catches UNC paths and mapped network paths we can
 * recognise from the path alone; Windows mapped drive letters are checked by
 * the Electron shell, which can ask the OS.
 */
export function isNetworkPath(p: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(p) || /^smb:|^nfs:/i.test(p);
}

export function openSqlite(file: string, opts: { readonly?: boolean; mustExist?: boolean } = {}): Sqlite {
  if (isNetworkPath(file)) {
    throw new DomainError('database', `数据库不能放在网络共享上（${file}），请选择本机磁盘上的位置。`, 'db');
  }
  const sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.mustExist ?? false });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Statement journals (every write statement inside a transaction keeps one) and TEMP tables in
    // memory: a 100,000-row import wrote ~7.7 GB of journal pages to temp files otherwise. Set once
    // here for the connection's life, because changing temp_store drops every TEMP object (the
    // scope views, the aging report's watching triggers) that exists at that moment.
    sqlite.pragma('temp_store = MEMORY');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return sqlite;
}
