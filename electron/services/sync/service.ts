/**
 * Sync as the rest of the app uses it (API handlers, CLI, the background
 * scheduler): the folder named in settings or given once, one round at a
 * time per database, and the folder test of 设置 → 同步.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { readLocal, SYNC_KEYS, writeLocal } from '../../../db/sync/localState';
import { SYNC_READS, type SyncState, type SyncStatusView, type SyncVerifyView } from '../../../shared/api/sync';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import { checkTypedFolder, fullPathProblem } from '../files/typedFolder';
import type { Sqlite } from '../../../db/query';
import type { ServiceContext } from '../context';
import { syncRound, syncStatus, SyncUnavailableError, type SyncReport } from './engine';
import { progressOf } from './progress';
import { openConflictItems } from './resolve';
import { fsShare } from './share';
import { verifyFromLog } from './verify';

/** Checks the folder the user typed: exists, is a folder. The message says what is wrong in plain words. */
export function shareFolderProblem(folder: string): string | null {
  if (!folder.trim()) return '请填写共享文件夹路径';
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    return `共享文件夹不存在或无法访问：${folder}`;
  }
  if (!st.isDirectory()) return `这个路径是文件，不是文件夹：${folder}`;
  return null;
}

export interface FolderTest {
  ok: boolean;
  message: string;
}

/** 测试: create, read back, rename and delete a probe file in the folder. */
export async function testShareFolder(folder: string): Promise<FolderTest> {
  // As 开启同步 will judge it (setupSync): a relative path is not a share.
  const problem = fullPathProblem('共享文件夹', folder.trim()) ?? shareFolderProblem(folder);
  if (problem) return { ok: false, message: problem };
  const probe = path.join(folder, `.dealerdesk-probe-${randomBytes(4).toString('hex')}`);
  try {
    await fsp.writeFile(probe, 'probe');
    if ((await fsp.readFile(probe, 'utf8')) !== 'probe') return { ok: false, message: '写入后读回的内容不一致' };
    await fsp.rename(probe, `${probe}.ok`);
    await fsp.unlink(`${probe}.ok`);
  } catch (e) {
    await fsp.unlink(probe).catch(() => {});
    return { ok: false, message: `共享文件夹不可写：${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, message: '共享文件夹可以读写' };
}

const running = new WeakMap<Sqlite, Promise<SyncReport>>();
const verifying = new WeakSet<Sqlite>();

export interface RunOptions {
  folder?: string;
  name?: string;
  snapshot?: boolean;
  onProgress?: (p: { device: string; seq: number; applied: number }) => void;
}

/** One round; a round already running on this database is joined, not doubled. */
export function runSync(ctx: ServiceContext, opts: RunOptions = {}): Promise<SyncReport> {
  const sqlite = ctx.db.sqlite;
  const inFlight = running.get(sqlite);
  if (inFlight) return inFlight;
  const p = (async () => {
    const folder = opts.folder ?? readLocal<string>(sqlite, SYNC_KEYS.folder);
    if (!folder) throw new SyncUnavailableError('尚未设置共享文件夹');
    const problem = shareFolderProblem(folder);
    if (problem) throw new SyncUnavailableError(problem);
    return syncRound(ctx, { share: fsShare(folder), dbFile: sqlite.name, folder, name: opts.name, onProgress: opts.onProgress, snapshot: opts.snapshot });
  })();
  running.set(sqlite, p);
  return p.finally(() => running.delete(sqlite));
}

export const syncRunning = (ctx: ServiceContext): boolean => running.has(ctx.db.sqlite);

export function statusOf(ctx: ServiceContext): Promise<SyncReport> {
  const folder = readLocal<string>(ctx.db.sqlite, SYNC_KEYS.folder);
  return syncStatus(ctx, folder && !shareFolderProblem(folder) ? fsShare(folder) : null);
}

/** What 设置 → 同步 and the header indicator show. */
export async function syncStatusView(ctx: ServiceContext): Promise<SyncStatusView> {
  const sqlite = ctx.db.sqlite;
  const enabled = readLocal<boolean>(sqlite, SYNC_KEYS.enabled) === true;
  const report = await statusOf(ctx);
  const last = readLocal<{ at: string; failed?: string }>(sqlite, SYNC_KEYS.lastRound);
  const conflicts = (ctx.db.prepare(`SELECT device, seq, tbl, pk, message FROM sync_rejects ORDER BY device, seq`).all() as {
    device: string;
    seq: number;
    tbl: string;
    pk: string;
    message: string;
  }[]).map((r) => ({ device: r.device, seq: r.seq, table: r.tbl, key: r.pk, message: r.message }));
  const lastFailure = last?.failed ?? null;
  const state: SyncState = !enabled
    ? 'off'
    : syncRunning(ctx) || verifying.has(sqlite) || progressOf(sqlite) !== null
      ? 'syncing'
      : lastFailure
        ? 'offline'
        : report.errors.length || conflicts.length || report.conflicts
          ? 'problem'
          : 'synced';
  return {
    state,
    enabled,
    folder: readLocal<string>(sqlite, SYNC_KEYS.folder),
    name: readLocal<string>(sqlite, SYNC_KEYS.name),
    device: report.device,
    series: report.series,
    published: report.published,
    applied: report.applied,
    lastRoundAt: last?.at ?? null,
    lastFailure,
    devices: report.devices,
    conflicts,
    syncConflicts: openConflictItems(ctx),
    errors: report.errors,
    progress: progressOf(sqlite),
  };
}

/** 从日志重建核对 of 设置 → 同步 and `sync verify`: the folder named in settings; one job at a time per database. */
export async function verifyNow(ctx: ServiceContext): Promise<SyncVerifyView> {
  const sqlite = ctx.db.sqlite;
  const folder = readLocal<string>(sqlite, SYNC_KEYS.folder);
  if (!folder) throw new DomainError('conflict', '尚未设置共享文件夹', 'folder');
  const problem = shareFolderProblem(folder);
  if (problem) throw new DomainError('conflict', problem, 'folder');
  if (running.has(sqlite) || verifying.has(sqlite)) throw new DomainError('conflict', '同步或核对正在进行，请等它完成后再核对', null);
  verifying.add(sqlite);
  try {
    return await verifyFromLog(ctx, fsShare(folder));
  } finally {
    verifying.delete(sqlite);
  }
}

/** A round for the API: a share that cannot be used is a refusal the clerk reads, and is remembered for the indicator. */
export async function syncNow(ctx: ServiceContext, opts: RunOptions = {}): Promise<SyncReport> {
  try {
    const report = await runSync(ctx, opts);
    for (const t of SYNC_READS) ctx.touched.add(t);
    return report;
  } catch (e) {
    if (!(e instanceof SyncUnavailableError)) throw e;
    const at = ctx.clock.now().toISOString();
    if (readLocal<boolean>(ctx.db.sqlite, SYNC_KEYS.enabled)) writeLocal(ctx.db.sqlite, SYNC_KEYS.lastRound, { at, failed: e.message, errors: [] }, at);
    for (const t of SYNC_READS) ctx.touched.add(t);
    throw new DomainError('conflict', e.message, 'folder');
  }
}

/**
 * 开启同步 of 设置 → 同步: the folder arrives typed (a \\server\share) or from 选择文件夹…; either way it
 * must be a full path to a folder this PC can write (files/typedFolder.ts) before the first round.
 */
export function setupSync(ctx: ServiceContext, input: { folder: string; name: string }): Promise<SyncReport> {
  const folder = checkTypedFolder(input.folder, '共享文件夹', 'folder');
  return syncNow(ctx, { folder, name: input.name || undefined });
}

export async function dismissConflict(ctx: ServiceContext, key: { device: string; seq: number; table: string; key: string }): Promise<SyncStatusView> {
  ctx.db.prepare(`DELETE FROM sync_rejects WHERE device = ? AND seq = ? AND tbl = ? AND pk = ?`).run(key.device, key.seq, key.table, key.key);
  recordChange(ctx, { entity: 'sync_conflict', entityId: `${key.device}:${key.seq}`, action: 'dismiss', before: key, after: null, tables: ['sync_rejects'] });
  return syncStatusView(ctx);
}
