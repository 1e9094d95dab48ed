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
import type { MigrateOutcome } from '../../db/migrate';
import type { Actor, ServiceContext } from '../services/context';
import type { SessionEnv } from './sessionCalls';
import { SyncScheduler, type SchedulerOptions } from '../services/sync/scheduler';
import { readLocal, SYNC_KEYS } from '../../db/sync/localState';
import { outputPolicy, type OutputMode } from '../services/files/outputPolicy';
import { dispatch } from './dispatcher';
import { methodDef } from './methodDefs';
import { handlerFor, type DbMethodName } from './handlers/index';
import { resolveActor, type Grant } from './accessGate';
import type { CallVia, Channel } from './sessions';
import { SessionStore } from './sessions';
import { CallLock } from './callLock';
import { scopeCall } from './scopeCall';
import { watchCall } from '../services/cache/callWatch';
import { sessionCalls, type SessionMethodName } from './sessionCalls';
import { approvalRequirement } from '../services/approvals/rules';
import { importInProgress } from '../services/imports/progress';
import type { ImportInProgress } from '../../shared/api/importProgress';

export const APP_VERSION: string = packageJson.version;

export interface RuntimeOptions {
  dbFile: string;
  dataDir?: string;
  /** The OS user and device: the actor while no user account exists, the device of every call after. */
  actor: Actor;
  clock?: Clock;
  /** The front end calls default to: 'ipc' (the app window) or 'cli'. The HTTP bridge passes its own. */
  channel?: Channel;
  /** Where caller-named output files may go: the CLI writes anywhere; windows and the bridge only in the data dir or a granted path. */
  outputs?: OutputMode;
  /** Files larger than this get their quick_check in the background (db/integrity.ts); for tests and the bench. */
  inlineCheckMaxBytes?: number;
  /** Read-only command-line queries: skip the quick_check of files unchanged since one passed (db/checkStamp.ts). */
  trustCheckStamp?: boolean;
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
  /** The office's own database and data dir, as started; the demo file lives beside them (demoFiles.ts). */
  private readonly office: { dbFile: string; dataDir: string };
  private current: { dbFile: string; dataDir: string; demo: boolean };
  readonly actor: Actor;
  clock: Clock;
  private readonly inlineCheckMaxBytes: number | undefined;
  private readonly trustCheckStamp: boolean;
  /** The migrations the last open applied (and the backup taken first): the CLI says so. */
  migratedAtOpen: MigrateOutcome | null = null;
  private integrityCheck: Promise<void> | null = null;
  readonly sessions = new SessionStore();
  private readonly lock = new CallLock();
  readonly defaultVia: CallVia;
  private syncScheduler: SyncScheduler | null = null;
  /** Set once the shell started background sync, so it can restart after the demo. */
  private syncOptions: SchedulerOptions | null = null;
  private readonly outputMode: OutputMode;
  /** Paths the user chose in a main-process save dialog (grantOutputPath). */
  private readonly grantedOutputs = new Set<string>();

  private constructor(opts: RuntimeOptions) {
    const dbFile = path.resolve(opts.dbFile);
    this.office = { dbFile, dataDir: opts.dataDir ?? path.dirname(dbFile) };
    this.current = { ...this.office, demo: false };
    this.actor = opts.actor;
    this.clock = opts.clock ?? systemClock();
    this.inlineCheckMaxBytes = opts.inlineCheckMaxBytes;
    this.trustCheckStamp = opts.trustCheckStamp ?? false;
    const channel = opts.channel ?? 'ipc';
    this.defaultVia = { session: channel, channel };
    this.outputMode = opts.outputs ?? 'dataDirOrGranted';
  }

  /** The database file open now: the office's, or the demo file while the demo is open. */
  get dbFile(): string {
    return this.current.dbFile;
  }

  get dataDir(): string {
    return this.current.dataDir;
  }

  /** Whether the demo database is open (the window says 演示数据). */
  get inDemo(): boolean {
    return this.current.demo;
  }

  static async start(opts: RuntimeOptions): Promise<AppRuntime> {
    const rt = new AppRuntime(opts);
    await rt.open();
    return rt;
  }

  private async open(): Promise<void> {
    try {
      const opened = await openDatabase(this.dbFile, { dataDir: this.dataDir, inlineCheckMaxBytes: this.inlineCheckMaxBytes, trustCheckStamp: this.trustCheckStamp });
      this.db = opened.db;
      this.migratedAtOpen = opened.migration;
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
    if (this.db) return { state: 'ready', dbFile: this.dbFile, version: APP_VERSION, actor: this.actor.user, demo: this.current.demo };
    return {
      state: 'unavailable',
      dbFile: this.dbFile,
      reason: this.unavailable?.reason ?? '数据库未打开',
      backups: listBackups(this.dbFile).map(({ name, size, createdAt, reason, verified }) => ({ name, size, createdAt, reason, verified })),
      version: APP_VERSION,
      demo: this.current.demo,
    };
  }

  /**
   * "Try with demo data": switches to the demo database, a file of its own
   * beside the office's (filled with the demo set the first time), so demo
   * rows can never land in the real books nor replace the real company
   * profile. Everyone is logged out: the demo file has its own (no) users.
   */
  async openDemo(size: 'small' | 'medium'): Promise<SystemStatus> {
    if (!this.current.demo) {
      const { demoFiles } = await import('./demoFiles');
      await this.switchTo({ ...demoFiles(this.office.dataDir), demo: true });
      if (this.db && (this.db.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n === 0) {
        const { generateDemo } = await import('../services/demo/generateDemo');
        await generateDemo(this, { size, seed: 1 });
        this.events.emit('changed', { tables: ['*'] } satisfies DbChangedEvent);
      }
    }
    return this.status();
  }

  /** Back to the office's own database: one click from the demo banner. */
  async closeDemo(): Promise<SystemStatus> {
    if (this.current.demo) await this.switchTo({ ...this.office, demo: false });
    return this.status();
  }

  private async switchTo(next: { dbFile: string; dataDir: string; demo: boolean }): Promise<void> {
    this.syncScheduler?.stop();
    this.syncScheduler = null;
    await this.integrityCheck?.catch(() => undefined);
    this.integrityCheck = null;
    this.db?.close();
    this.db = null;
    this.current = next;
    this.sessions.clear();
    await this.open();
    // LAN sync is the office's: it runs again when the office file is back, never on the demo.
    if (!next.demo && this.syncOptions) this.startBackgroundSync(this.syncOptions);
    this.events.emit('changed', { tables: ['*'] } satisfies DbChangedEvent);
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
      changed: { ids: new Set(), unattributed: false },
      outputs: outputPolicy(this.outputMode, this.dataDir, this.grantedOutputs),
    };
  }

  /**
   * Front ends call this with untrusted input; it never throws. `via` names
   * the channel's session (the actor comes from it, never from `params`);
   * `grant` is set only by the approval paths of this runtime itself.
   */
  async call(method: string, params: unknown, via: CallVia = this.defaultVia, grant: Grant | null = null): Promise<ApiResult<unknown>> {
    return this.lock.run(this.scopedSession(via, grant), () => this.callNow(method, params, via, grant));
  }

  /** Whether this call is a salesperson's (scoped calls run alone: see callLock.ts). */
  private scopedSession(via: CallVia, grant: Grant | null): boolean {
    const userId = grant?.asUserId ?? this.sessions.get(via.session).userId;
    if (!userId || !this.db) return false;
    const row = this.db.sqlite.prepare('SELECT role FROM users WHERE id = ?').get(userId) as { role: string } | undefined;
    return row?.role === 'salesperson';
  }

  private async callNow(method: string, params: unknown, via: CallVia, grant: Grant | null): Promise<ApiResult<unknown>> {
    let touched: Set<string> | null = null;
    let ctx: ServiceContext | null = null;
    const authorize = (name: MethodName) => {
      // A damaged database has no users to ask; system.status and restoring a backup are then the only way back.
      if (name === 'system.status' || (name === 'system.restoreBackup' && !this.db)) return;
      ctx = this.context();
      ctx.actor = resolveActor(ctx, name, via, this.sessions, grant);
    };
    const result = await dispatch(
      method,
      params,
      async (name: MethodName, input: unknown) => {
        if (name === 'system.status') return this.status();
        if (name === 'system.restoreBackup' && !ctx) {
          const { name: backupName, confirmed } = input as { name: string; confirmed: boolean };
          return this.restore(backupName, confirmed);
        }
        if (!ctx) throw new DomainError('database', `数据库不可用：${this.unavailable?.reason ?? ''}`);
        const c: ServiceContext = ctx;
        const requirement = approvalRequirement(c, name, input);
        if (requirement) throw new DomainError('approval_required', `需要老板授权：${requirement.summary}`, null, requirement);
        if (name === 'system.restoreBackup') {
          const { name: backupName, confirmed } = input as { name: string; confirmed: boolean };
          return this.restore(backupName, confirmed);
        }
        if (name === 'system.loadDemo') return this.loadDemo((input as { size: 'small' | 'medium' }).size);
        if (name === 'system.openDemo') return this.openDemo((input as { size: 'small' | 'medium' }).size);
        if (name === 'system.closeDemo') return this.closeDemo();
        // Nothing is written into a file whose check has not passed yet; reads go on meanwhile.
        if (this.integrityCheck && !isReadOnlyMethod(name)) {
          await this.integrityCheck;
          // The check may have found damage and closed the file the context was built on.
          if (this.db !== c.db) throw new DomainError('database', `数据库不可用：${this.unavailable?.reason ?? ''}`);
        }
        touched = c.touched;
        const removeScope = c.actor.scope ? scopeCall(c, name, input) : null;
        // The alert cache follows ordinary one-customer writes instead of recomputing every rule after them.
        const watch = watchCall(c);
        let ok = false;
        try {
          const out = await this.runHandler(c, name, input, via);
          ok = true;
          return out;
        } finally {
          removeScope?.();
          watch.end(ok);
        }
      },
      authorize,
    );
    const tables = touched ? [...(touched as Set<string>)] : [];
    if (result.ok && tables.length) this.events.emit('changed', { tables } satisfies DbChangedEvent);
    if (result.ok) this.markRunningImport(result);
    // LAN sync (issue 12): a round shortly after each write (its own rounds do not count).
    if (result.ok && tables.length && !method.startsWith('sync.')) this.syncScheduler?.poke();
    return result;
  }

  /**
   * Issue 11 point 3: while a chunked import is being written (by this process
   * or another), every result says so: what it read may hold some of the
   * import's customers, each whole, but not all of them yet.
   */
  private markRunningImport(result: { importInProgress?: ImportInProgress }): void {
    if (!this.db) return;
    const running = importInProgress(this.db);
    if (running) {
      result.importInProgress = running;
      this.events.emit('importInProgress', running);
    }
  }

  private async runHandler(c: ServiceContext, name: MethodName, input: unknown, via: CallVia): Promise<unknown> {
    const sessionCall = sessionCalls[name as SessionMethodName] as ((c: ServiceContext, i: unknown, env: SessionEnv) => unknown) | undefined;
    if (sessionCall) return sessionCall(c, input, { runtime: this, via });
    // The area's handlers load on first use (handlers/index.ts); the call waits for that, inside its lock.
    const handler = (await handlerFor(name as DbMethodName)) as (c: ServiceContext, i: unknown) => unknown;
    return handler(c, input);
  }

  /** OS lock screen or suspend (Electron powerMonitor): every logged-in session of this PC locks. */
  lockAllSessions(): void {
    this.sessions.lockAll(this.clock.now().toISOString());
    this.events.emit('changed', { tables: ['session'] } satisfies DbChangedEvent);
  }

  /** The Electron shell calls this with the path a main-process save dialog returned (never the renderer). */
  grantOutputPath(file: string): void {
    this.grantedOutputs.add(path.resolve(file));
  }

  /**
   * Loads a database method's schema and handler ahead of its first call
   * (each loads with its area on first use anyway): the CLI times loading
   * apart from querying.
   */
  async load(method: DbMethodName): Promise<void> {
    await methodDef(method);
    await handlerFor(method);
  }

  /** For the CLI and tests: unwraps the result or throws the DomainError. */
  async invoke<T = unknown>(method: MethodName, params: unknown, via: CallVia = this.defaultVia): Promise<T> {
    const r = await this.call(method, params, via);
    if (!r.ok) throw new DomainError(r.error.code, r.error.message, r.error.field, r.error.details);
    return r.data as T;
  }

  /** Direct database access for batch loaders (demo data, bench); services still do the writing. */
  database(): Db {
    return this.context().db;
  }

  /** Background LAN sync; started by the desktop shell and the dev bridge, never by the CLI or tests. */
  startBackgroundSync(opts: SchedulerOptions = {}): void {
    this.syncOptions = opts;
    if (this.current.demo) return;
    this.syncScheduler ??= new SyncScheduler(
      { call: (m, p) => this.call(m, p, { session: 'system:sync', channel: 'system' }), syncEnabled: () => this.db !== null && readLocal<boolean>(this.db.sqlite, SYNC_KEYS.enabled) === true },
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
