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
import fs, { createReadStream, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { integrityProblem } from '../../../db/backup';
import { withoutCapture } from '../../../db/sync/capture';
import { localSettingKeys, syncedTables } from '../../../db/sync/syncedTables';
import type { ServiceContext } from '../context';
import { holdingVector } from './digest';
import { publishLimit } from './heldBatches';
import { reportProgress } from './progress';
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
const total = (v: Record<string, number>): number => Object.values(v).reduce((a, b) => a + b, 0);
const tmpFile = (ext: string): string => path.join(os.tmpdir(), `dd-snap-${randomBytes(6).toString('hex')}${ext}`);
const MB = 1024 * 1024;

/** sha256 of a file, read a chunk at a time. */
async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Writes a snapshot of this PC's data. Call right after a round (its changes
 * are all published). Memory stays flat however large the database: the
 * SQLite backup API copies it page by page (without blocking the main
 * process) to a local temporary file, which is gzipped and hashed as a
 * stream and streamed onto the share (tmp/, flush, rename). The manifest is
 * written last: a snapshot interrupted at any point (a kill, the share
 * going offline) leaves at most a temporary file or a data file no manifest
 * names, which no PC ever joins from.
 */
export async function writeSnapshot(ctx: ServiceContext, share: ShareFs, device: string, schema: string): Promise<SnapshotManifest> {
  // A half-written import is not part of what the vector says this PC holds (its changes are held back).
  if (publishLimit(ctx.db) !== null) throw new Error('有一个导入正在提交，快照留到它完成后的下一轮再写');
  const sqlite = ctx.db.sqlite;
  const vector = holdingVector(ctx.db, device);
  const local = tmpFile('.db');
  const gz = `${local}.gz`;
  try {
    await sqlite.backup(local, {
      progress: ({ totalPages, remainingPages }) => {
        reportProgress(sqlite, { phase: 'snapshot', done: totalPages - remainingPages, total: totalPages });
        return 1000;
      },
    });
    const hash = createHash('sha256');
    await pipeline(
      createReadStream(local),
      createGzip(),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(gz),
    );
    fs.rmSync(local, { force: true });
    const size = fs.statSync(gz).size;
    const seq = String(vector[device] ?? 0).padStart(10, '0');
    const manifest: SnapshotManifest = { file: `snap/${device}-${seq}.sqlite.gz`, device, vector, schema, sha256: hash.digest('hex'), at: ctx.clock.now().toISOString() };
    await share.copyIn(manifest.file, gz, (n) => reportProgress(sqlite, { phase: 'snapshot', done: Math.floor(n / MB), total: Math.ceil(size / MB) }));
    const landed = await share.stat(manifest.file);
    if (landed?.size !== size) throw new Error(`快照写入共享文件夹后大小不符：${manifest.file}`);
    await share.writeAtomic(`snap/${device}-${seq}.json`, Buffer.from(JSON.stringify(manifest)));
    return manifest;
  } finally {
    fs.rmSync(local, { force: true });
    fs.rmSync(gz, { force: true });
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

/**
 * Copies a verified snapshot into this (empty) database. Streamed, memory
 * flat: the share's file is copied to local disk, its sha256 checked as a
 * stream, gunzipped to a local database file, integrity_check'ed, and only
 * then read (attached; SQLite copies the rows itself). Each phase reports
 * its counts for the progress shown while joining.
 */
export async function joinFromSnapshot(ctx: ServiceContext, share: ShareFs, m: SnapshotManifest): Promise<void> {
  const sqlite = ctx.db.sqlite;
  const gz = tmpFile('.db.gz');
  const local = tmpFile('.db');
  try {
    const size = (await share.stat(m.file))?.size ?? 0;
    await share.copyOut(m.file, gz, (n) => reportProgress(sqlite, { phase: 'joinCopy', done: Math.floor(n / MB), total: Math.max(1, Math.ceil(size / MB)) }));
    reportProgress(sqlite, { phase: 'joinCheck', done: 0, total: 2 });
    if ((await fileSha256(gz)) !== m.sha256) throw new Error(`快照校验和不符：${m.file}`);
    await pipeline(createReadStream(gz), createGunzip(), createWriteStream(local));
    fs.rmSync(gz, { force: true });
    reportProgress(sqlite, { phase: 'joinCheck', done: 1, total: 2 });
    const problem = integrityProblem(local);
    if (problem) throw new Error(`快照已损坏：${problem}`);
    sqlite.prepare('ATTACH DATABASE ? AS snap').run(local);
    try {
      const tables = [...syncedTables.map((s) => s.table), 'sync_winners', 'ar_allocations', 'ar_customer_state'];
      const localKeys = localSettingKeys.map((k) => (k.endsWith('*') ? `key NOT LIKE '${k.slice(0, -1)}%'` : `key <> '${k}'`)).join(' AND ');
      withoutCapture(sqlite, () =>
        sqlite
          .transaction(() => {
            sqlite.pragma('defer_foreign_keys = ON');
            tables.forEach((t, i) => {
              reportProgress(sqlite, { phase: 'joinLoad', done: i, total: tables.length });
              const cols = (sqlite.prepare(`SELECT name FROM snap.pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => `"${r.name}"`);
              const mine = new Set((sqlite.prepare(`SELECT name FROM main.pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => `"${r.name}"`));
              const shared = cols.filter((c) => mine.has(c));
              if (!shared.length) return;
              const where = t === 'settings' ? `WHERE ${localKeys}` : '';
              sqlite.exec(`INSERT OR REPLACE INTO main."${t}" (${shared.join(', ')}) SELECT ${shared.join(', ')} FROM snap."${t}" ${where}`);
            });
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
    fs.rmSync(gz, { force: true });
    fs.rmSync(local, { force: true });
  }
}
