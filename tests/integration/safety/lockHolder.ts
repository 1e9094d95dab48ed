/**
 * A second process that holds the database's write lock for a while: the
 * other writer of the office (another PC's sync, a CLI import). Runs as a
 * child so the test process really has to wait on SQLite's lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Starts a child that takes BEGIN IMMEDIATE on `file`, writes, holds for `holdMs`, then commits. Resolves once it holds the lock. */
export function holdWriteLock(file: string, holdMs: number): Promise<{ child: ChildProcess; done: Promise<number> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('local.lockHolder', '1', 'x') ON CONFLICT(key) DO UPDATE SET value = value + 1").run();
    process.stdout.write('held\\n');
    const until = Date.now() + ${holdMs};
    while (Date.now() < until) {}
    db.exec('COMMIT');
    db.close();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('held')) resolve({ child, done });
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}
