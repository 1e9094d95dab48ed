/**
 * The chunked import's checkpoints run on a worker thread (db/walCheckpointer.ts):
 * what the writer committed is copied into the database file, requests made
 * while one runs are merged, and without a worker (an in-memory database) a
 * request checkpoints on the caller's connection.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from '../../../db/walCheckpointer';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function walDatabase(): { sqlite: Database.Database; file: string } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ckpt-'));
  const file = path.join(dir, 'x.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { sqlite, file };
}

const insertSome = (sqlite: Database.Database, n: number): void => {
  const ins = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) ins.run('x'.repeat(200));
  })();
};

/** Rows of t as a reader that sees only the database file (the WAL moved aside) would count them. */
function rowsInMainFile(file: string): number {
  const copy = `${file}.copy`;
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('WAL checkpoints on a worker thread', () => {
  it('copy every committed frame into the database file while the writer goes on', async () => {
    const { sqlite, file } = walDatabase();
    const c = await WalCheckpointer.start(sqlite);
    try {
      insertSome(sqlite, 500);
      expect(rowsInMainFile(file)).toBe(0);
      c.request();
      // Merged into one more after the running one: nothing is lost, nothing queues up.
      insertSome(sqlite, 500);
      c.request();
      c.request();
      await c.settled();
      expect(c.done).toBe(2);
      expect(c.last).toMatchObject({ ok: true });
      expect(c.last?.checkpointed).toBe(c.last?.log);
      expect(rowsInMainFile(file)).toBe(1000);
    } finally {
      await c.close();
      sqlite.close();
    }
  });

  it('checkpoints on the caller connection when there is no worker', async () => {
    const sqlite = new Database(':memory:');
    const c = await WalCheckpointer.start(sqlite);
    c.request();
    await c.settled();
    expect(c.done).toBe(1);
    await c.close();
    sqlite.close();
  });
});
