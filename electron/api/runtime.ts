/**
 * The running application behind every front end (Electron IPC, HTTP bridge,
 * CLI, tests): one open database, the dispatcher, and the `db:changed` event.
 * If the database cannot be opened, the runtime still starts in an
 * "unavailable" state that only answers system.status / system.restoreBackup,
 * so the UI can show the error screen instead of a silent empty database.
 */
import { EventEmitter } from 'node:events';
import packageJson from '../../package.json';
import path from 'node:path';
import type { DbChangedEvent, MethodName } from '../../shared/api/contract';
import type { SystemStatus } from '../../shared/api/system';
import { systemClock, type Clock } from '../../shared/dates/clock';
import { DomainError, type ApiResult } from '../../shared/errors';
import { listBackups, restoreDatabase } from '../../db/backup';
import { DatabaseUnavailableError, damagedReason, openDatabase } from '../../db/open';
import { quickCheckInWorker } from '../../db/integrity';
import type { Db } from '../../db/query';
import type { Actor, ServiceContext } from '../services/context';
import { outputPolicy, type OutputMode } from '../services/files/outputPolicy';
import { dispatch } from './dispatcher';
import { handlers, type DbMethodName } from './handlers/index';

export const APP_VERSION: string = packageJson.version;

export interface RuntimeOptions {
  dbFile: string;
  dataDir?: string;
  actor: Actor;
  clock?: Clock;
  /** Where caller-named output files may go: the CLI writes anywhere; windows and the bridge only in the data dir or a granted path. */
  outputs?: OutputMode;
  /** Files larger than this get their quick_check in the background (db/integrity.ts); for tests and the bench. */
  inlineCheckMaxBytes?: number;
}

/**
 * Methods that only read, by their verb (customers.list, aging.report, …).
 * Anything else counts as a write, so a new method waits by default.
 */
const READ_VERBS = /^(list|get|report|open|export|buckets|counts|settings|today|totals|next|defaults|facets|calendar|preview|batches|template|suggest|summary|customer|document|uninvoiced|contractProgress|history|verify|jobStatus|status)/;

export function isReadOnlyMethod(name: string): boolean {
  const verb = name.slice(name.indexOf('.') + 1);
  return READ_VERBS.test(verb) && !/^(openInViewer)$/.test(verb);
}

export class AppRuntime {
  readonly events = new EventEmitter();
  private db: Db | null = null;
  private unavailable: { reason: string } | null = null;
  /** A large file's quick_check running in a worker after start; writes wait for it (db/integrity.ts). */
  private integrityCheck: Promise<void> | null = null;
  readonly dbFile: string;
  readonly dataDir: string;
  readonly actor: Actor;
  clock: Clock;
  private readonly inlineCheckMaxBytes: number | undefined;
  private readonly outputMode: OutputMode;
  /** Paths the user chose in a main-process save dialog (grantOutputPath). */
  private readonly grantedOutputs = new Set<string>();

  private constructor(opts: RuntimeOptions) {
    this.dbFile = path.resolve(opts.dbFile);
    this.dataDir = opts.dataDir ?? path.dirname(this.dbFile);
    this.actor = opts.actor;
    this.clock = opts.clock ?? systemClock();
    this.inlineCheckMaxBytes = opts.inlineCheckMaxBytes;
    this.outputMode = opts.outputs ?? 'dataDirOrGranted';
  }

  static async start(opts: RuntimeOptions): Promise<AppRuntime> {
    const rt = new AppRuntime(opts);
    await rt.open();
    return rt;
  }

  private async open(): Promise<void> {
    try {
      const opened = await openDatabase(this.dbFile, { dataDir: this.dataDir, inlineCheckMaxBytes: this.inlineCheckMaxBytes });
      this.db = opened.db;
      this.unavailable = null;
      if (opened.integrity === 'deferred') this.integrityCheck = this.checkInBackground(opened.db);
      else await this.discardStaleImports();
    } catch (e) {
      if (!(e instanceof DatabaseUnavailableError)) throw e;
      this.db = null;
      this.unavailable = { reason: e.message };
    }
  }

  private async checkInBackground(db: Db): Promise<void> {
    const problem = await quickCheckInWorker(this.dbFile);
    if (this.db !== db) return; // closed or replaced meanwhile
    if (problem) {
      db.close();
      this.db = null;
      this.unavailable = { reason: damagedReason(problem) };
      this.events.emit('changed', { tables: ['*'] } satisfies DbChangedEvent);
      return;
    }
    this.integrityCheck = null;
    await this.discardStaleImports();
  }

  /** Resolves once the database is known to be sound (at once unless a large file is still being checked). */
  whenChecked(): Promise<void> {
    return this.integrityCheck ?? Promise.resolve();
  }

  /** A chunked import left half-written by a crash is removed before anyone reads it (imports/chunkedCommit.ts). */
  private async discardStaleImports(): Promise<void> {
    const db = this.db as Db;
    if (db.sqlite.prepare(`SELECT 1 FROM import_batches WHERE status = 'committing' LIMIT 1`).get() === undefined) return;
    const { discardStaleImports } = await import('../services/imports/runImport');
    await discardStaleImports(this.context());
  }

  status(): SystemStatus {
    if (this.db) return { state: 'ready', dbFile: this.dbFile, version: APP_VERSION, actor: this.actor.user };
    return {
      state: 'unavailable',
      dbFile: this.dbFile,
      reason: this.unavailable?.reason ?? '数据库未打开',
      backups: listBackups(this.dbFile).map(({ name, size, createdAt, reason, verified }) => ({ name, size, createdAt, reason, verified })),
      version: APP_VERSION,
    };
  }

  /**
   * Restores a backup through db/backup.ts restoreDatabase (the one restore).
   * A healthy database is replaced only when the caller confirmed (the screen
   * asked twice and showed what will be lost); it is kept aside as `.replaced-…`.
   */
  async restore(name: string, confirmed: boolean): Promise<SystemStatus> {
    const backup = listBackups(this.dbFile).find((b) => b.name === name);
    if (!backup) throw new DomainError('not_found', `找不到备份：${name}`, 'name');
    const healthy = this.db !== null;
    if (healthy && !confirmed) {
      throw new DomainError('validation', '数据库是完好的：恢复备份会丢失备份之后的所有改动，请先确认（界面会询问两次）', 'confirmed');
    }
    this.db?.close();
    this.db = null;
    try {
      restoreDatabase(this.dbFile, backup.file, { at: this.clock.now(), current: healthy ? 'replaced' : 'damaged' });
    } catch (e) {
      await this.open();
      throw new DomainError('validation', e instanceof Error ? e.message : String(e), 'name');
    }
    await this.open();
    this.events.emit('changed', { tables: ['*'] } satisfies DbChangedEvent);
    return this.status();
  }

  /**
   * First-run offer: demo data into an empty database only, so it can never
   * mix with an office's real books.
   */
  async loadDemo(size: 'small' | 'medium'): Promise<{ customers: number }> {
    const db = this.context().db;
    const { n } = db.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    if (n > 0) throw new DomainError('conflict', '数据库中已有客户，演示数据只能加载到空数据库中', 'size');
    const { generateDemo } = await import('../services/demo/generateDemo');
    await generateDemo(this, { size, seed: 1 });
    const after = db.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    this.events.emit('changed', { tables: ['*'] } satisfies DbChangedEvent);
    return { customers: after.n };
  }

  /** The service context of one call; `touched` collects the tables it wrote. */
  context(): ServiceContext {
    if (!this.db) throw new DomainError('database', `数据库不可用：${this.unavailable?.reason ?? ''}`);
    return {
      db: this.db,
      clock: this.clock,
      actor: this.actor,
      dataDir: this.dataDir,
      touched: new Set(),
      outputs: outputPolicy(this.outputMode, this.dataDir, this.grantedOutputs),
    };
  }

  /** Front ends call this with untrusted input; it never throws. */
  async call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    let touched: Set<string> | null = null;
    const result = await dispatch(method, params, async (name: MethodName, input: unknown) => {
      if (name === 'system.status') return this.status();
      if (name === 'system.restoreBackup') {
        const { name: backupName, confirmed } = input as { name: string; confirmed: boolean };
        return this.restore(backupName, confirmed);
      }
      if (name === 'system.loadDemo') return this.loadDemo((input as { size: 'small' | 'medium' }).size);
      // Nothing is written into a file whose check has not passed yet; reads go on meanwhile.
      if (this.integrityCheck && !isReadOnlyMethod(name)) await this.integrityCheck;
      const ctx = this.context();
      touched = ctx.touched;
      const handler = handlers[name as DbMethodName] as (c: ServiceContext, i: unknown) => unknown;
      return handler(ctx, input);
    });
    const tables = touched ? [...(touched as Set<string>)] : [];
    if (result.ok && tables.length) this.events.emit('changed', { tables } satisfies DbChangedEvent);
    return result;
  }

  /** The Electron shell calls this with the path a main-process save dialog returned (never the renderer). */
  grantOutputPath(file: string): void {
    this.grantedOutputs.add(path.resolve(file));
  }

  /** For the CLI and tests: unwraps the result or throws the DomainError. */
  async invoke<T = unknown>(method: MethodName, params: unknown): Promise<T> {
    const r = await this.call(method, params);
    if (!r.ok) throw new DomainError(r.error.code, r.error.message, r.error.field, r.error.details);
    return r.data as T;
  }

  /** Direct database access for batch loaders (demo data, bench); services still do the writing. */
  database(): Db {
    return this.context().db;
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.events.removeAllListeners();
  }
}
