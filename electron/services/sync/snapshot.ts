/**
 * Snapshots for joining (issue 12 point 6): any PC may write its whole
 * synced data (VACUUM INTO a local temporary file, gzip, sha256) to
 * `snap/<device>-<seq>.sqlite.gz` with a manifest naming the changes it
 * holds. A new or reinstalled PC with an empty database copies the newest
 * one to LOCAL disk first, verifies the checksum and integrity_check, copies
 * the synced tables, the field clocks and the derived tables in, and starts
 * its cursors at the manifest's vector: only the segments after it are
 * applied. The live database is never opened on the share.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { integrityProblem } from '../../../db/backup';
import { withoutCapture } from '../../../db/sync/capture';
import { localSettingKeys, syncedTables } from '../../../db/sync/syncedTables';
import type { ServiceContext } from '../context';
import { holdingVector } from './digest';
import { publishLimit } from './heldBatches';
import type { ShareFs } from './share';

export interface SnapshotManifest {
  file: string;
  device: string;
  vector: Record<string, number>;
  schema: string;
  sha256: string;
  at: string;
}

const MANIFEST_RE = /^[0-9a-f]{16}-\d{10}\.json$/;
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const total = (v: Record<string, number>): number => Object.values(v).reduce((a, b) => a + b, 0);
const tmpFile = (): string => path.join(os.tmpdir(), `dd-snap-${randomBytes(6).toString('hex')}.db`);

/** Writes a snapshot of this PC's data. Call right after a round (its changes are all published). */
export async function writeSnapshot(ctx: ServiceContext, share: ShareFs, device: string, schema: string): Promise<SnapshotManifest> {
  // A half-written import is not part of what the vector says this PC holds (its changes are held back).
  if (publishLimit(ctx.db) !== null) throw new Error('有一个导入正在提交，快照留到它完成后的下一轮再写');
  const vector = holdingVector(ctx.db, device);
  const local = tmpFile();
  try {
    ctx.db.sqlite.prepare('VACUUM INTO ?').run(local);
    const gz = gzipSync(fs.readFileSync(local));
    const seq = String(vector[device] ?? 0).padStart(10, '0');
    const manifest: SnapshotManifest = { file: `snap/${device}-${seq}.sqlite.gz`, device, vector, schema, sha256: sha256(gz), at: ctx.clock.now().toISOString() };
    await share.writeAtomic(manifest.file, gz);
    await share.writeAtomic(`snap/${device}-${seq}.json`, Buffer.from(JSON.stringify(manifest)));
    return manifest;
  } finally {
    fs.rmSync(local, { force: true });
  }
}

/** The snapshot holding the most changes, or null. */
export async function newestSnapshot(share: ShareFs): Promise<SnapshotManifest | null> {
  let best: SnapshotManifest | null = null;
  for (const name of await share.list('snap')) {
    if (!MANIFEST_RE.test(name)) continue;
    try {
      const m = JSON.parse((await share.read(`snap/${name}`)).toString('utf8')) as SnapshotManifest;
      if (!best || total(m.vector) > total(best.vector)) best = m;
    } catch {
      // A manifest being written or damaged: another one, or the segments, will do.
    }
  }
  return best;
}

/** Whether this database holds nothing that travels (a new or reinstalled PC). */
export function isEmptyForJoin(ctx: ServiceContext): boolean {
  return syncedTables
    .filter((s) => s.table !== 'settings' && s.table !== 'audit_log')
    .every((s) => !ctx.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(s.table) || !ctx.db.prepare(`SELECT 1 FROM "${s.table}" LIMIT 1`).get());
}

/** Copies a verified snapshot into this (empty) database; returns the manifest it joined from. */
export async function joinFromSnapshot(ctx: ServiceContext, share: ShareFs, m: SnapshotManifest, onProgress?: (table: string) => void): Promise<void> {
  const gz = await share.read(m.file);
  if (sha256(gz) !== m.sha256) throw new Error(`快照校验和不符：${m.file}`);
  const local = tmpFile();
  fs.writeFileSync(local, gunzipSync(gz));
  try {
    const problem = integrityProblem(local);
    if (problem) throw new Error(`快照已损坏：${problem}`);
    const sqlite = ctx.db.sqlite;
    sqlite.prepare('ATTACH DATABASE ? AS snap').run(local);
    try {
      const tables = [...syncedTables.map((s) => s.table), 'sync_winners', 'ar_allocations', 'ar_customer_state'];
      const localKeys = localSettingKeys.map((k) => (k.endsWith('*') ? `key NOT LIKE '${k.slice(0, -1)}%'` : `key <> '${k}'`)).join(' AND ');
      withoutCapture(sqlite, () =>
        sqlite
          .transaction(() => {
            sqlite.pragma('defer_foreign_keys = ON');
            for (const t of tables) {
              const cols = (sqlite.prepare(`SELECT name FROM snap.pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => `"${r.name}"`);
              const mine = new Set((sqlite.prepare(`SELECT name FROM main.pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => `"${r.name}"`));
              const shared = cols.filter((c) => mine.has(c));
              if (!shared.length) continue;
              const where = t === 'settings' ? `WHERE ${localKeys}` : '';
              sqlite.exec(`INSERT OR REPLACE INTO main."${t}" (${shared.join(', ')}) SELECT ${shared.join(', ')} FROM snap."${t}" ${where}`);
              onProgress?.(t);
            }
            const cursor = sqlite.prepare(`INSERT INTO sync_cursors (device, seq) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET seq = max(seq, excluded.seq)`);
            for (const [device, seq] of Object.entries(m.vector)) cursor.run(device, seq);
            // The clock must start past every stamp in the copied field clocks, or a first edit here could lose to them.
            const newest = (sqlite.prepare(`SELECT max(hlc) AS h FROM sync_winners`).get() as { h: string | null }).h;
            if (newest) sqlite.prepare(`UPDATE sync_cursors SET last_hlc = max(last_hlc, ?) WHERE device = ?`).run(newest, m.device);
          })
          .immediate(),
      );
    } finally {
      sqlite.prepare('DETACH DATABASE snap').run();
    }
  } finally {
    fs.rmSync(local, { force: true });
  }
}
