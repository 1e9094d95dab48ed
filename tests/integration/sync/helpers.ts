/** Replicas (real runtimes on their own SQLite files) and a shared folder for the sync tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import { fsShare, type ShareFs } from '../../../electron/services/sync/share';
import { syncRound, type SyncReport } from '../../../electron/services/sync/engine';
import { fixedClock, type Clock } from '../../../shared/dates/clock';
import { localTables, syncedTables } from '../../../db/sync/syncedTables';

export interface Replica {
  name: string;
  rt: AppRuntime;
  dbFile: string;
}

export interface Office {
  dir: string;
  shareDir: string;
  share: ShareFs;
  replicas: Replica[];
  open(name: string, clock?: Clock): Promise<Replica>;
  sync(r: Replica, share?: ShareFs): Promise<SyncReport>;
  cleanup(): void;
}

/** One migrated empty database per test process, copied for every PC (migrating each costs a second). */
let template: string | null = null;
async function migratedTemplate(): Promise<string> {
  if (template && fs.existsSync(template)) return template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sync-template-'));
  const file = path.join(dir, 'template.db');
  const rt = await AppRuntime.start({ dbFile: file, dataDir: dir, actor: { user: 't', device: 't' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  rt.close();
  template = file;
  return file;
}

export async function office(): Promise<Office> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sync-'));
  const shareDir = path.join(dir, 'share');
  fs.mkdirSync(shareDir);
  const o: Office = {
    dir,
    shareDir,
    share: fsShare(shareDir),
    replicas: [],
    async open(name, clock) {
      const dbFile = path.join(dir, `${name}.db`);
      if (!fs.existsSync(dbFile)) fs.copyFileSync(await migratedTemplate(), dbFile);
      const rt = await AppRuntime.start({
        dbFile,
        dataDir: path.join(dir, name),
        actor: { user: name, device: name },
        clock: clock ?? fixedClock('2026-11-24T02:00:00Z'),
      });
      const r = { name, rt, dbFile };
      o.replicas.push(r);
      return r;
    },
    sync: (r, share) => syncRound(r.rt.context(), { share: share ?? o.share, dbFile: r.dbFile, name: r.name, pause: async () => {} }),
    cleanup() {
      for (const r of o.replicas) r.rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return o;
}

/** Audit rows of re-derivations are every PC's own (never shipped); everything else must match. */
const localRows: Record<string, string> = {
  settings: `key NOT LIKE 'local.%'`,
  audit_log: `entity NOT IN (${localTables.map((t) => `'${t}'`).join(', ')})`,
};

/** Every synced table's rows in key order, plus the derived allocations: equal dumps mean equal books. */
export function dump(r: { rt: AppRuntime }): Record<string, unknown[]> {
  const sqlite = r.rt.database().sqlite;
  const out: Record<string, unknown[]> = {};
  for (const t of syncedTables) {
    const where = localRows[t.table] ?? '1';
    out[t.table] = sqlite.prepare(`SELECT * FROM ${t.table} WHERE ${where} ORDER BY ${t.key.join(', ')}`).all();
  }
  out.ar_allocations = sqlite.prepare(`SELECT * FROM ar_allocations ORDER BY credit_id, debit_id, explicit`).all();
  out.ar_customer_state = sqlite
    .prepare(`SELECT customer_id, balance_fen, open_debit_fen, unapplied_fen, doc_count FROM ar_customer_state ORDER BY customer_id`)
    .all();
  return out;
}
