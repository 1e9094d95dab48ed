/**
 * Applying one verified segment from another PC, in one IMMEDIATE
 * transaction with capture off (a remote change is not logged again):
 *
 * - field changes (`fields` tables, and the few mutable columns of
 *   insert-only ones): the change wins iff its stamp is newer than the
 *   field's stored winner; winners keep their value, so a row's existence
 *   (`~exists`) is one more field and a deleted row re-created elsewhere is
 *   rebuilt from its fields;
 * - whole rows of insert-only tables (`*`): inserted if the key is new,
 *   otherwise nothing (applying twice changes nothing);
 * - synced tables carry no UNIQUE index besides their key (migration 0017):
 *   duplicates from two PCs are both kept and shown as sync conflicts after
 *   the round (conflicts.ts); rows some other local constraint refuses are
 *   recorded in sync_rejects and reported, never allowed to stop the segment
 *   (a refused apply would make the PCs diverge forever);
 * - then every customer whose documents arrived, or moved between customers
 *   (a "merge into" made on another PC), is re-derived by the §4 replay:
 *   allocations are never shipped, each PC computes them itself.
 */
import type { Db } from '../../../db/query';
import { EXISTS_COL, ROW_COL, withoutCapture } from '../../../db/sync/capture';
import { syncClock } from '../../../db/sync/capture';
import { syncedTables, type SyncedTable } from '../../../db/sync/syncedTables';
import type { ServiceContext } from '../context';
import { rederiveCustomer } from '../ledger/rederive';
import { clearDerivedOf } from './mergeCustomers';
import type { Change, Segment } from './segment';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables whose rows name a customer whose allocations must be re-derived. */
const CUSTOMER_DOC_TABLES = new Set(['ar_documents', 'ar_explicit_targets']);

interface TableInfo {
  spec: SyncedTable;
  columns: Set<string>;
  keyWhere: string;
}

function tableInfos(db: Db): Map<string, TableInfo> {
  const out = new Map<string, TableInfo>();
  for (const spec of syncedTables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(spec.table) as { name: string }[]).map((r) => r.name);
    if (!cols.length) continue;
    out.set(spec.table, { spec, columns: new Set(cols), keyWhere: spec.key.map((k) => `${q(k)} = ?`).join(' AND ') });
  }
  return out;
}

const toSql = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

export interface ApplyOutcome {
  applied: number;
  rejected: number;
  customers: string[];
  /** Statements whose fields arrived (a confirmation from another PC is checked against this PC's ledger). */
  statements: string[];
}

export function applySegment(ctx: ServiceContext, seg: Segment): ApplyOutcome {
  const { db } = ctx;
  const sqlite = db.sqlite;
  const infos = tableInfos(db);
  const getWinner = db.prepare(`SELECT hlc, val FROM sync_winners WHERE tbl = ? AND pk = ? AND col = ?`);
  const putWinner = db.prepare(
    `INSERT INTO sync_winners (tbl, pk, col, hlc, val) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, val = excluded.val`,
  );
  const allWinners = db.prepare(`SELECT col, val FROM sync_winners WHERE tbl = ? AND pk = ?`);
  const reject = db.prepare(`INSERT OR REPLACE INTO sync_rejects (device, seq, tbl, pk, message) VALUES (?, ?, ?, ?, ?)`);
  const customers = new Set<string>();
  /** Customers that lost or gained documents by a merge or its undo: their derived rows are rebuilt from scratch. */
  const movedBetween = new Set<string>();
  const statements = new Set<string>();
  let rejected = 0;
  let newest = '';

  const guarded = (tbl: string, pk: string, fn: () => void): void => {
    sqlite.exec('SAVEPOINT sync_row');
    try {
      fn();
      sqlite.exec('RELEASE sync_row');
    } catch (e) {
      sqlite.exec('ROLLBACK TO sync_row');
      sqlite.exec('RELEASE sync_row');
      reject.run(seg.header.device, seg.header.seq, tbl, pk, e instanceof Error ? e.message : String(e));
      rejected++;
    }
  };
  const rowExists = (info: TableInfo, keys: unknown[]): boolean =>
    db.prepare(`SELECT 1 FROM ${q(info.spec.table)} WHERE ${info.keyWhere}`).get(...keys) !== undefined;

  // Field changes of one row arrive together; the row is written once they are all in.
  let group: { info: TableInfo; tbl: string; pk: string; changed: Set<string> } | null = null;
  const flush = (): void => {
    if (!group) return;
    const { info, tbl, pk, changed } = group;
    group = null;
    const keys = JSON.parse(pk) as unknown[];
    const exists = getWinner.get(tbl, pk, EXISTS_COL) as { hlc: string; val: number } | undefined;
    const present = rowExists(info, keys);
    guarded(tbl, pk, () => {
      if (exists?.val === 0) {
        if (present) db.prepare(`DELETE FROM ${q(tbl)} WHERE ${info.keyWhere}`).run(...keys);
      } else if (present) {
        const cols = [...changed].filter((c) => c !== EXISTS_COL && info.columns.has(c));
        if (!cols.length) return;
        const vals = cols.map((c) => toSql((getWinner.get(tbl, pk, c) as { val: unknown }).val));
        db.prepare(`UPDATE ${q(tbl)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${info.keyWhere}`).run(...vals, ...keys);
      } else if (exists?.val === 1) {
        const fields = (allWinners.all(tbl, pk) as { col: string; val: unknown }[]).filter((w) => info.columns.has(w.col));
        const cols = [...info.spec.key, ...fields.map((f) => f.col)];
        db.prepare(`INSERT INTO ${q(tbl)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
          ...keys,
          ...fields.map((f) => toSql(f.val)),
        );
      }
    });
  };

  const one = (c: Change): void => {
    const [hlc, tbl, pk, col, val] = c;
    if (hlc > newest) newest = hlc;
    const info = infos.get(tbl);
    if (!info) {
      reject.run(seg.header.device, seg.header.seq, tbl, pk, `未知的表 ${tbl}（请升级本机的 DealerDesk）`);
      rejected++;
      return;
    }
    if (col === ROW_COL) {
      flush();
      const row = val as Record<string, unknown>;
      const keys = JSON.parse(pk) as unknown[];
      const gone = getWinner.get(tbl, pk, EXISTS_COL) as { hlc: string; val: number } | undefined;
      if ((gone && gone.val === 0 && gone.hlc > hlc) || rowExists(info, keys)) return;
      const cols = Object.keys(row).filter((k) => info.columns.has(k));
      guarded(tbl, pk, () => {
        db.prepare(`INSERT INTO ${q(tbl)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => toSql(row[k])));
      });
      if (CUSTOMER_DOC_TABLES.has(tbl) && typeof row.customer_id === 'string') customers.add(row.customer_id);
      return;
    }
    if (!group || group.tbl !== tbl || group.pk !== pk) {
      flush();
      group = { info, tbl, pk, changed: new Set() };
    }
    const w = getWinner.get(tbl, pk, col) as { hlc: string } | undefined;
    if (w && w.hlc >= hlc) return;
    putWinner.run(tbl, pk, col, hlc, toSql(val));
    group.changed.add(col);
    if (tbl === 'statements') statements.add((JSON.parse(pk) as string[])[0]);
    if (CUSTOMER_DOC_TABLES.has(tbl) && col === 'customer_id' && typeof val === 'string') {
      const was = db.prepare(`SELECT customer_id FROM ${q(tbl)} WHERE ${info.keyWhere}`).get(...(JSON.parse(pk) as unknown[])) as { customer_id: string } | undefined;
      for (const id of [was?.customer_id, val]) {
        if (id === undefined) continue;
        movedBetween.add(id);
        customers.add(id);
      }
    }
  };

  withoutCapture(sqlite, () => {
    for (const c of seg.changes) one(c);
    flush();
    clearDerivedOf(ctx, movedBetween);
    for (const id of [...customers].sort()) {
      if (db.prepare(`SELECT 1 FROM customers WHERE id = ?`).get(id)) rederiveCustomer(ctx, id, { action: 'sync' });
    }
  });
  if (newest) syncClock(sqlite)?.observe(newest);
  return { applied: seg.changes.length, rejected, customers: [...customers], statements: [...statements] };
}
