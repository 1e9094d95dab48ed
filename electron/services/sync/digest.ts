/**
 * Divergence detection (issue 12 point 8): a digest per synced table over
 * its rows in key order (the rows that stay on one PC left out), written to
 * this PC's status file with the vector of changes it holds. Two PCs that
 * hold the same changes must hold the same data; if their digests differ,
 * that is a bug to raise, never to assume away.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/query';
import { localSettingKeys, localTables, syncedTables } from '../../../db/sync/syncedTables';
import { lastSegmentOf } from '../../../db/sync/localState';
import { appliedVector } from './publish';

const LOCAL_ROWS: Record<string, string> = {
  settings: localSettingKeys.map((k) => (k.endsWith('*') ? `key NOT LIKE '${k.slice(0, -1)}%'` : `key <> '${k}'`)).join(' AND '),
  audit_log: `entity NOT IN (${localTables.map((t) => `'${t}'`).join(', ')})`,
};

export function tableDigests(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of syncedTables) {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(spec.table);
    if (!exists) continue;
    const h = createHash('sha256');
    const where = LOCAL_ROWS[spec.table] ?? '1';
    for (const row of db.sqlite.prepare(`SELECT * FROM "${spec.table}" WHERE ${where} ORDER BY ${spec.key.map((k) => `"${k}"`).join(', ')}`).iterate()) {
      h.update(JSON.stringify(row));
      h.update('\n');
    }
    out[spec.table] = h.digest('hex').slice(0, 32);
  }
  return out;
}

/** Every change this PC holds, as {device: last segment}: its own log and what it applied of the others. */
export function holdingVector(db: Db, self: string): Record<string, number> {
  const v = appliedVector(db);
  const own = lastSegmentOf(db.sqlite, self);
  if (own > 0) v[self] = own;
  return v;
}

export const sameVector = (a: Record<string, number>, b: Record<string, number>): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => (a[k] ?? 0) > 0 || (b[k] ?? 0) > 0));
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};
