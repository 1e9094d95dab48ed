/**
 * Kysely as a query builder over a synchronous better-sqlite3 connection.
 *
 * Why not Kysely's async driver for everything: better-sqlite3 is synchronous,
 * and a whole service call (documents + allocations + audit row) must be one
 * atomic transaction that no other request can interleave with. Running the
 * compiled SQL synchronously inside `sqlite.transaction()` gives exactly that,
 * and prepared statements are cached by SQL text for speed. Kysely's async
 * dialect is still used by the migrator (db/migrate.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';
import type { DB } from './schema';
import { announceWaiting, waitingMarkerOf } from './writerWaiting';

const isBusy = (e: unknown): boolean => typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('SQLITE_BUSY');

export type Sqlite = BetterSqlite3.Database;

export class Db {
  readonly sqlite: Sqlite;
  /** Build queries with this; run them with all/first/run. Never executes by itself. */
  readonly k: Kysely<DB>;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  /** Where this connection says it waits for the write lock (null: in memory, or read-only). */
  readonly waitingMarker: string | null;

  constructor(sqlite: Sqlite) {
    this.sqlite = sqlite;
    this.waitingMarker = sqlite.readonly ? null : waitingMarkerOf(sqlite.name);
    this.k = new Kysely<DB>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  /**
   * Set while a salesperson's call reads through the scope's views (db/scope.ts):
   * an index hint cannot name a view's index, so hints are dropped for that call.
   */
  scoped = false;

  prepare(sqlText: string): BetterSqlite3.Statement {
    const sql = this.scoped ? sqlText.replace(/\s+INDEXED BY\s+\w+/gi, ' ') : sqlText;
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.sqlite.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private compiled<R>(query: Compilable<R> | CompiledQuery<R>): CompiledQuery<R> {
    return 'compile' in query ? query.compile() : query;
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    const c = this.compiled(query);
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    const c = this.compiled(query);
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): BetterSqlite3.RunResult {
    const c = this.compiled(query);
    return this.prepare(c.sql).run(...(c.parameters as unknown[]));
  }

  /**
   * Runs fn in one write transaction (nested calls become savepoints).
   * BEGIN IMMEDIATE takes the write lock up front, waiting (busy_timeout) for
   * another writer to finish. A deferred BEGIN would read first and then try
   * to upgrade to a writer; when another process committed meanwhile, SQLite
   * refuses the upgrade at once (SQLITE_BUSY, "database is locked") instead
   * of waiting, because the read snapshot is stale.
   */
  transaction<T>(fn: () => T): T {
    const marker = this.waitingMarker;
    if (!marker || this.sqlite.inTransaction) return this.sqlite.transaction(fn).immediate();
    // First ask for the lock without waiting; when it is taken, announce the wait (db/writerWaiting.ts)
    // so a chunked import in another process leaves its long pause, then wait as usual.
    const timeout = this.sqlite.pragma('busy_timeout', { simple: true }) as number;
    let began = false;
    const attempt = this.sqlite.transaction(() => {
      began = true;
      this.sqlite.pragma(`busy_timeout = ${timeout}`);
      return fn();
    });
    this.sqlite.pragma('busy_timeout = 0');
    try {
      return attempt.immediate();
    } catch (e) {
      if (began || !isBusy(e)) throw e;
    } finally {
      if (!began) this.sqlite.pragma(`busy_timeout = ${timeout}`);
    }
    announceWaiting(marker);
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Runs a read-only fn on one consistent snapshot (deferred: takes no write
   * lock, so it neither waits for nor blocks a writer). Never write in here.
   */
  readSnapshot<T>(fn: () => T): T {
    const outermost = !this.sqlite.inTransaction;
    if (outermost) this.readOnly = true;
    try {
      return this.sqlite.transaction(fn).deferred();
    } finally {
      if (outermost) this.readOnly = false;
    }
  }

  /** Set while the outermost open transaction is a readSnapshot (which never writes). */
  private readOnly = false;

  /**
   * Whether a transaction that may write is open (a write may yet roll back,
   * so nothing read inside it may be kept): any open transaction but a
   * readSnapshot begun outside all others, including one begun on the
   * connection directly.
   */
  get writing(): boolean {
    return this.sqlite.inTransaction && !this.readOnly;
  }

  close(): void {
    this.statements.clear();
    if (this.sqlite.open) this.sqlite.close();
  }
}
