/**
 * 从日志重建核对 (issue 12 point 8): every segment on the share, up to what
 * this PC holds, is replayed into a fresh temporary database by the same
 * apply as a sync round, and the result is compared with the live database
 * table by table (the digests of the status file, then the differing rows
 * by content). Equal means this PC's data is exactly what the log says;
 * a difference is a bug (a write that bypassed the log, a merge that is not
 * deterministic) and is named, never assumed away.
 *
 * The live digests and the vector are taken together first (one
 * synchronous step, so no round or save can slip between them); the replay
 * then stops each PC's log at that vector. The temporary database lives on
 * local disk and is deleted afterwards.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../db/open';
import { readLocal, SYNC_KEYS } from '../../../db/sync/localState';
import { localSettingKeys, localTables, syncedTables } from '../../../db/sync/syncedTables';
import type { Db } from '../../../db/query';
import type { SyncVerifyDifference, SyncVerifyView } from '../../../shared/api/sync';
import type { ServiceContext } from '../context';
import { holdingVector, sameVector, tableDigests } from './digest';
import { applyAll, type SyncProblem } from './engine';
import { appliedVector } from './publish';
import { reportProgress, withProgress } from './progress';
import type { ShareFs } from './share';

/** Derived tables compared too: equal documents must give equal allocations on every PC. */
const DERIVED: Record<string, string> = {
  ar_allocations: 'credit_id, debit_id, explicit',
  ar_customer_state: 'customer_id',
};

/** Rows that stay on one PC (never in the log), left out of the comparison. */
const LOCAL_ROWS: Record<string, string> = {
  settings: localSettingKeys.map((k) => (k.endsWith('*') ? `key NOT LIKE '${k.slice(0, -1)}%'` : `key <> '${k}'`)).join(' AND '),
  audit_log: `entity NOT IN (${localTables.map((t) => `'${t}'`).join(', ')})`,
};

/** Columns that say when this PC re-derived, not what: left out of the comparison. */
const WHEN_DERIVED: Record<string, readonly string[]> = { ar_customer_state: ['updated_at'] };

const q = (n: string): string => `"${n.replace(/"/g, '""')}"`;

function columnsOf(db: Db, table: string, schema = 'main'): string {
  const skip = new Set(WHEN_DERIVED[table] ?? []);
  return (db.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).all(table) as { name: string }[])
    .filter((r) => !skip.has(r.name))
    .map((r) => q(r.name))
    .join(', ');
}
const total = (v: Record<string, number>): number => Object.values(v).reduce((a, b) => a + b, 0);

function derivedDigests(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [t, order] of Object.entries(DERIVED)) {
    const h = createHash('sha256');
    for (const row of db.sqlite.prepare(`SELECT ${columnsOf(db, t)} FROM ${q(t)} ORDER BY ${order}`).iterate()) h.update(JSON.stringify(row) + '\n');
    out[t] = h.digest('hex').slice(0, 32);
  }
  return out;
}

const digestsOf = (db: Db): Record<string, string> => ({ ...tableDigests(db), ...derivedDigests(db) });

/** Rows that differ (by whole-row content) between the live database and the attached replay. */
function rowDiff(db: Db, table: string): SyncVerifyDifference {
  const spec = syncedTables.find((s) => s.table === table);
  const keyCols = spec ? spec.key : DERIVED[table].split(', ');
  const where = LOCAL_ROWS[table] ?? '1';
  const cols = columnsOf(db, table);
  const side = (a: string, b: string) => `SELECT ${cols} FROM ${a}.${q(table)} WHERE ${where} EXCEPT SELECT ${cols} FROM ${b}.${q(table)} WHERE ${where}`;
  const count = (sql: string): number => (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  const keys = (sql: string): string[] =>
    (db.prepare(`SELECT ${keyCols.map(q).join(', ')} FROM (${sql}) LIMIT 3`).all() as Record<string, unknown>[]).map((r) =>
      keyCols.map((k) => String(r[k])).join('/'),
    );
  const here = side('main', 'replay');
  const there = side('replay', 'main');
  return { table, onlyHere: count(here), onlyInReplay: count(there), examples: [...new Set([...keys(here), ...keys(there)])].slice(0, 3) };
}

function describe(d: SyncVerifyDifference): string {
  return `${d.table}：${d.onlyHere} 行只在本机或与重放不同，${d.onlyInReplay} 行只在重放中${d.examples.length ? `（例如 ${d.examples.join('，')}）` : ''}`;
}

export async function verifyFromLog(ctx: ServiceContext, share: ShareFs): Promise<SyncVerifyView> {
  return withProgress(ctx.db.sqlite, () => verify(ctx, share));
}

async function verify(ctx: ServiceContext, share: ShareFs): Promise<SyncVerifyView> {
  const sqlite = ctx.db.sqlite;
  const device = readLocal<string>(sqlite, SYNC_KEYS.device);
  const refuse = (message: string): SyncVerifyView => ({ ok: false, vector: {}, segments: 0, changes: 0, tables: 0, differences: [], problems: [message], message });
  if (!device || readLocal<boolean>(sqlite, SYNC_KEYS.enabled) !== true) return refuse('本机尚未启用同步，没有可核对的日志');
  const unpublished = ctx.db.prepare(`SELECT 1 FROM sync_changes WHERE id > (SELECT coalesce(max(last_change), 0) FROM sync_segments) LIMIT 1`).get();
  if (unpublished || ctx.db.prepare(`SELECT 1 FROM sync_segments WHERE device = ? AND file IS NULL LIMIT 1`).get(device)) {
    return refuse('本机还有尚未发到共享文件夹的变更（或有导入正在提交）：请先“立即同步”一轮，再核对');
  }

  // Together, in one synchronous step: what this PC holds, and what its data looks like.
  const vector = holdingVector(ctx.db, device);
  const tables = Object.keys(DERIVED).length + syncedTables.length;
  reportProgress(sqlite, { phase: 'verifyCompare', done: 0, total: tables });
  const live = digestsOf(ctx.db);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-verify-'));
  const file = path.join(dir, 'replay.db');
  const opened = await openDatabase(file, { dataDir: dir });
  const rctx: ServiceContext = { db: opened.db, clock: ctx.clock, actor: { user: 'sync-verify', device: 'verify', channel: 'system' }, dataDir: dir, touched: new Set() };
  try {
    const errors: SyncProblem[] = [];
    const listings = new Map<string, string[]>();
    await applyAll(rctx, share, '', {}, errors, listings, vector, 'verifyReplay');
    const reached = appliedVector(rctx.db);
    const problems = errors.map((e) => `${e.file}：${e.message}`);
    const segments = total(reached);
    const changes = (rctx.db.prepare(`SELECT coalesce(sum(changes), 0) AS n FROM sync_cursors`).get() as { n: number }).n;
    if (!sameVector(reached, vector)) {
      const short = Object.entries(vector)
        .filter(([d, s]) => (reached[d] ?? 0) < s)
        .map(([d, s]) => `${d} 只重放到第 ${reached[d] ?? 0} 段（本机有 ${s} 段）`);
      problems.push(...short);
      return { ok: false, vector, segments, changes, tables, differences: [], problems, message: `共享文件夹中的日志不完整，无法完整重放：${short.join('；')}` };
    }
    reportProgress(sqlite, { phase: 'verifyCompare', done: 0, total: tables });
    const replay = digestsOf(rctx.db);
    const differing = Object.keys(live).filter((t) => live[t] !== replay[t]);
    rctx.db.sqlite.close();
    const differences: SyncVerifyDifference[] = [];
    if (differing.length) {
      sqlite.prepare('ATTACH DATABASE ? AS replay').run(file);
      try {
        differing.forEach((t, i) => {
          differences.push(rowDiff(ctx.db, t));
          reportProgress(sqlite, { phase: 'verifyCompare', done: i + 1, total: differing.length });
        });
      } finally {
        sqlite.prepare('DETACH DATABASE replay').run();
      }
    }
    const ok = differences.length === 0;
    const message = ok
      ? `核对通过：重放共享文件夹中的 ${segments} 个数据段（${changes} 条变更）得到的数据与本机完全一致（${tables} 张表）`
      : `核对发现不一致：${differences.map(describe).join('；')}。请联系技术支持；本机数据未被改动`;
    return { ok, vector, segments, changes, tables, differences, problems, message };
  } finally {
    if (rctx.db.sqlite.open) rctx.db.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
