/**
 * Publishing this PC's outbox. Segments are numbered inside the database
 * first (which outbox rows, which header), so the bytes of segment N are
 * fixed before any file exists: a crash anywhere later just writes the same
 * bytes under the same name again.
 */
import type { Db } from '../../../db/query';
import { lastSegmentOf, writeMarker } from '../../../db/sync/localState';
import { encodeSegment, SEGMENT_FORMAT, type Change, type SegmentHeader } from './segment';
import { publishLimit } from './heldBatches';
import type { ShareFs } from './share';

/** At most this many changes per segment: one apply transaction stays well under a second. */
export const SEGMENT_CHANGES = 1000;

export interface PublishContext {
  db: Db;
  device: string;
  dbFile: string | null;
  schema: string;
  app: string;
}

export function appliedVector(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of db.prepare(`SELECT device, seq FROM sync_cursors WHERE seq > 0 ORDER BY device`).all() as { device: string; seq: number }[]) {
    out[r.device] = r.seq;
  }
  return out;
}

/** Numbers every unassigned outbox row into segments (never splitting one row's fields). Returns how many segments. */
export function assignSegments(p: PublishContext, maxChanges = SEGMENT_CHANGES): number {
  const { db } = p;
  let made = 0;
  // `id < ?`: a chunked import still committing holds back its changes and everything after them.
  const next = db.prepare(`SELECT id, tbl, pk FROM sync_changes WHERE id > ? AND id < ? ORDER BY id LIMIT ?`);
  for (;;) {
    const done = db.sqlite
      .transaction(() => {
        const last = (db.prepare(`SELECT max(last_change) AS m FROM sync_segments`).get() as { m: number | null }).m ?? 0;
        const limit = publishLimit(db) ?? Number.MAX_SAFE_INTEGER;
        const rows = next.all(last, limit, maxChanges) as { id: number; tbl: string; pk: string }[];
        if (!rows.length) return true;
        let lastId = rows[rows.length - 1].id;
        if (rows.length === maxChanges) {
          const tail = rows[rows.length - 1];
          for (const r of next.iterate(lastId, limit, 1_000_000) as Iterable<{ id: number; tbl: string; pk: string }>) {
            if (r.tbl !== tail.tbl || r.pk !== tail.pk) break;
            lastId = r.id;
          }
        }
        const count = (db.prepare(`SELECT count(*) AS n FROM sync_changes WHERE id > ? AND id <= ?`).get(last, lastId) as { n: number }).n;
        const seq = lastSegmentOf(db.sqlite, p.device) + 1;
        const header: SegmentHeader = { format: SEGMENT_FORMAT, device: p.device, seq, schema: p.schema, app: p.app, deps: appliedVector(db), count };
        db.prepare(`INSERT INTO sync_segments (device, seq, first_change, last_change, deps) VALUES (?, ?, ?, ?, ?)`).run(
          p.device,
          seq,
          last + 1,
          lastId,
          JSON.stringify(header),
        );
        return false;
      })
      .immediate();
    if (done) break;
    made++;
  }
  if (made) writeMarker(db.sqlite, p.dbFile);
  return made;
}

interface SegmentRow {
  seq: number;
  first_change: number;
  last_change: number;
  deps: string;
  file: string | null;
}

export function segmentBytes(db: Db, row: SegmentRow): { bytes: Buffer; name: string; count: number } {
  const header = JSON.parse(row.deps) as SegmentHeader;
  const changes = (
    db.prepare(`SELECT hlc, tbl, pk, col, val FROM sync_changes WHERE id >= ? AND id <= ? ORDER BY id`).all(row.first_change, row.last_change) as {
      hlc: string;
      tbl: string;
      pk: string;
      col: string;
      val: unknown;
    }[]
  ).map((c): Change => [c.hlc, c.tbl, c.pk, c.col, c.col === '*' ? JSON.parse(c.val as string) : c.val]);
  return { ...encodeSegment(header, changes), count: changes.length };
}

/**
 * Writes every numbered segment not yet on the share, and writes again any
 * of ours the share lost (a wiped or restored folder): nothing is inferred
 * from absence except "write it again". Returns the changes published.
 */
export async function writeSegments(p: PublishContext, share: ShareFs): Promise<number> {
  const { db } = p;
  // Segments a former incarnation of this database numbered but never wrote (restored in place): finish them.
  const former = db.prepare(`SELECT DISTINCT device FROM sync_segments WHERE file IS NULL AND device <> ?`).all(p.device) as { device: string }[];
  let published = 0;
  for (const { device } of former) {
    for (const row of db.prepare(`SELECT seq, first_change, last_change, deps, file FROM sync_segments WHERE device = ? AND file IS NULL ORDER BY seq`).all(device) as SegmentRow[]) {
      const seg = segmentBytes(db, row);
      await share.writeAtomic(`log/${device}/${seg.name}`, seg.bytes);
      db.prepare(`UPDATE sync_segments SET file = ? WHERE device = ? AND seq = ?`).run(seg.name, device, row.seq);
    }
  }
  const dir = `log/${p.device}`;
  let listed: Set<string> | null = null;
  const rows = db.prepare(`SELECT seq, first_change, last_change, deps, file FROM sync_segments WHERE device = ? ORDER BY seq`).all(p.device) as SegmentRow[];
  const known = rows.filter((r) => r.file !== null).length;
  if (known > 0) {
    listed = new Set(await share.list(dir));
    if ([...listed].filter((n) => n.endsWith('.seg')).length >= known) listed = null;
  }
  for (const row of rows) {
    if (row.file !== null && (listed === null || listed.has(row.file))) continue;
    const seg = segmentBytes(db, row);
    await share.writeAtomic(`${dir}/${seg.name}`, seg.bytes);
    if (row.file === null) {
      db.prepare(`UPDATE sync_segments SET file = ? WHERE device = ? AND seq = ?`).run(seg.name, p.device, row.seq);
      published += seg.count;
    }
  }
  return published;
}
