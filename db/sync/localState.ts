/**
 * This PC's sync identity and switches, kept in `local.*` settings (they
 * never travel), plus a device marker file next to the database file.
 *
 * Why a marker outside the file: a database restored from a backup, or
 * copied to another PC or path, carries the same device id inside it; if it
 * went on publishing under that id it would reuse sequence numbers another
 * copy already published (a fork). The marker remembers, for this path,
 * which device id lives here and how many segments it has numbered; when
 * the database disagrees (no marker, another id, fewer segments) it is a
 * restored or cloned copy and takes a new device id.
 */
import fs from 'node:fs';
import type { Sqlite } from '../query';

export const SYNC_KEYS = {
  enabled: 'local.sync.enabled',
  folder: 'local.sync.folder',
  device: 'local.sync.device',
  name: 'local.sync.name',
  series: 'local.sync.series',
  shareId: 'local.sync.shareId',
  formerDevices: 'local.sync.formerDevices',
  lastRound: 'local.sync.lastRound',
  digests: 'local.sync.digests',
} as const;

export function readLocal<T>(sqlite: Sqlite, key: string): T | null {
  const row = sqlite.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeLocal(sqlite: Sqlite, key: string, value: unknown, at: string = new Date().toISOString()): void {
  sqlite
    .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(key, JSON.stringify(value), at);
}

// Node's crypto on first use (process.getBuiltinModule), not at start: most opens never make a device id.
export const newDeviceId = (): string => process.getBuiltinModule('node:crypto').randomBytes(8).toString('hex');

export const markerFileOf = (dbFile: string): string => `${dbFile}.sync-device.json`;

interface Marker {
  device: string;
  segments: number;
}

function readMarker(dbFile: string): Marker | null {
  try {
    const m = JSON.parse(fs.readFileSync(markerFileOf(dbFile), 'utf8')) as Marker;
    return typeof m.device === 'string' && typeof m.segments === 'number' ? m : null;
  } catch {
    return null;
  }
}

export function lastSegmentOf(sqlite: Sqlite, device: string): number {
  const row = sqlite.prepare(`SELECT max(seq) AS s FROM sync_segments WHERE device = ?`).get(device) as { s: number | null };
  return row.s ?? 0;
}

export function writeMarker(sqlite: Sqlite, dbFile: string | null): void {
  if (!dbFile) return;
  const device = readLocal<string>(sqlite, SYNC_KEYS.device);
  if (!device) return;
  const marker: Marker = { device, segments: lastSegmentOf(sqlite, device) };
  const tmp = `${markerFileOf(dbFile)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(marker));
  fs.renameSync(tmp, markerFileOf(dbFile));
}

export interface CopyFinding {
  reason: string;
  /** Restored in place on this PC: the old id is not running anywhere else. */
  restoredHere: boolean;
}

/** Why this database is a restored or cloned copy of the device it names, or null when it is the original. */
export function copyReason(sqlite: Sqlite, dbFile: string): CopyFinding | null {
  const device = readLocal<string>(sqlite, SYNC_KEYS.device);
  if (!device) return null;
  const marker = readMarker(dbFile);
  if (!marker) return { reason: '数据库文件是从别处复制来的（本机没有它的设备标记）', restoredHere: false };
  if (marker.device !== device) return { reason: '数据库文件属于另一台电脑或另一次安装', restoredHere: false };
  if (marker.segments > lastSegmentOf(sqlite, device)) return { reason: '数据库是从较早的备份恢复的', restoredHere: true };
  return null;
}

/**
 * Gives a restored or cloned database a new device id. What the old id
 * published stays on the share as another PC's log: its cursor starts after
 * the segments this copy already holds, so the rest (entered since the
 * backup) comes back by the ordinary apply, and nothing is published twice
 * under one id. Segments numbered but not yet written: restored in place
 * (the old id runs nowhere else) they are finished under the old id, with
 * the bytes they always had, which also repairs a half-written file of
 * theirs; in a clone (the original PC may still write them) they are dropped
 * and their changes published again under the new id (applying twice is a
 * no-op).
 */
export function reincarnate(sqlite: Sqlite, dbFile: string | null, restoredHere = false): string {
  const old = readLocal<string>(sqlite, SYNC_KEYS.device);
  const fresh = newDeviceId();
  sqlite.transaction(() => {
    if (old) {
      if (!restoredHere) sqlite.prepare(`DELETE FROM sync_segments WHERE device = ? AND file IS NULL`).run(old);
      const held = lastSegmentOf(sqlite, old);
      sqlite
        .prepare(`INSERT INTO sync_cursors (device, seq) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET seq = excluded.seq`)
        .run(old, held);
      const former = readLocal<string[]>(sqlite, SYNC_KEYS.formerDevices) ?? [];
      writeLocal(sqlite, SYNC_KEYS.formerDevices, [...former, old]);
    }
    writeLocal(sqlite, SYNC_KEYS.device, fresh);
    // A new incarnation claims its own series letter: numbers of the old one may exist elsewhere.
    sqlite.prepare(`DELETE FROM settings WHERE key = ?`).run(SYNC_KEYS.series);
  })();
  writeMarker(sqlite, dbFile);
  return fresh;
}
