/** A real AppRuntime on a fresh SQLite file in a temp dir, for integration tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../../electron/api/runtime';
import { fixedClock, type Clock } from '../../shared/dates/clock';

export interface TempRuntime {
  rt: AppRuntime;
  dir: string;
  dbFile: string;
  cleanup(): void;
}

export async function tempRuntime(opts: { clock?: Clock; dbFile?: string; user?: string } = {}): Promise<TempRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-test-'));
  const dbFile = opts.dbFile ?? path.join(dir, 'test.db');
  const rt = await AppRuntime.start({
    dbFile,
    dataDir: dir,
    actor: { user: opts.user ?? 'tester', device: 'test-pc' },
    clock: opts.clock ?? fixedClock('2026-11-24T02:00:00Z'),
  });
  return {
    rt,
    dir,
    dbFile,
    cleanup: () => {
      rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
