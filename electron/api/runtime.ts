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
import { listBackups, restoreBackup } from '../../db/backup';
import { DatabaseUnavailableError, openDatabase } from '../../db/open';
import type { Db } from '../../db/query';
import type { Actor, ServiceContext } from '../services/context';
import { SyncScheduler, type SchedulerOptions } from '../services/sync/scheduler';
import { readLocal, SYNC_KEYS } from '../../db/sync/localState';
import { dispatch } from './dispatcher';
import { handlers, type DbMethodName } from './handlers/index';

export const APP_VERSION: string = packageJson.version;

export interface RuntimeOptions {
  dbFile: string;
  dataDir?: string;
  actor: Actor;
  clock?: Clock;
}

export class AppRuntime {
  readonly events = new EventEmitter();
  private db: Db | null = null;
  private unavailable: { reason: string } | null = null;
  readonly dbFile: string;
  readonly dataDir: string;
  readonly actor: Actor;
  clock: Clock;
  private syncScheduler: SyncScheduler | null = null;

  private constructor(opts: RuntimeOptions) {
    this.dbFile = path.resolve(opts.dbFile);
    this.dataDir = opts.dataDir ?? path.dirname(this.dbFile);
    this.actor = opts.actor;
    this.clock = opts.clock ?? systemClock();
  }

  static async start(opts: RuntimeOptions): Promise<AppRuntime> {
    const rt = new AppRuntime(opts);
    await rt.open();
    return rt;
  }

  private async open(): Promise<void> {
    try {
      this.db = (await openDatabase(this.dbFile)).db;
      this.unavailable = null;
    } catch (e) {
      if (!(e instanceof DatabaseUnavailableError)) throw e;
      this.db = null;
      this.unavailable = { reason: e.message };
    }
  }

  status(): SystemStatus {
    if (this.db) return { state: 'ready', dbFile: this.dbFile, version: APP_VERSION, actor: this.actor.user };
    return {
      state: 'unavailable',
      dbFile: this.dbFile,
      reason: this.unavailable?.reason ?? '数据库未打开',
      backups: listBackups(this.dbFile).map(({ name, size, createdAt }) => ({ name, size, createdAt })),
      version: APP_VERSION,
    };
  }

  async restore(name: string): Promise<SystemStatus> {
    const backup = listBackups(this.dbFile).find((b) => b.name === name);
    if (!backup) throw new DomainError('not_found', `找不到备份：${name}`, 'name');
    this.db?.close();
    this.db = null;
    restoreBackup(this.dbFile, backup.file, this.clock.now());
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
    return { db: this.db, clock: this.clock, actor: this.actor, dataDir: this.dataDir, touched: new Set() };
  }

  /** Front ends call this with untrusted input; it never throws. */
  async call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    let touched: Set<string> | null = null;
    const result = await dispatch(method, params, async (name: MethodName, input: unknown) => {
      if (name === 'system.status') return this.status();
      if (name === 'system.restoreBackup') return this.restore((input as { name: string }).name);
      if (name === 'system.loadDemo') return this.loadDemo((input as { size: 'small' | 'medium' }).size);
      const ctx = this.context();
      touched = ctx.touched;
      const handler = handlers[name as DbMethodName] as (c: ServiceContext, i: unknown) => unknown;
      return handler(ctx, input);
    });
    const tables = touched ? [...(touched as Set<string>)] : [];
    if (result.ok && tables.length) this.events.emit('changed', { tables } satisfies DbChangedEvent);
    // LAN sync (issue 12): a round shortly after each write (its own rounds do not count).
    if (result.ok && tables.length && !method.startsWith('sync.')) this.syncScheduler?.poke();
    return result;
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

  /** Background LAN sync; started by the desktop shell and the dev bridge, never by the CLI or tests. */
  startBackgroundSync(opts: SchedulerOptions = {}): void {
    this.syncScheduler ??= new SyncScheduler(
      { call: (m, p) => this.call(m, p), syncEnabled: () => this.db !== null && readLocal<boolean>(this.db.sqlite, SYNC_KEYS.enabled) === true },
      opts,
    );
  }

  close(): void {
    this.syncScheduler?.stop();
    this.syncScheduler = null;
    this.db?.close();
    this.db = null;
    this.events.removeAllListeners();
  }
}
