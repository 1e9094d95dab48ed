/**
 * One sync round of this PC against the shared folder: check the share is
 * ours, publish our outbox, apply every other PC's new segments in causal
 * order, write our registry entry and status file. Problems with another
 * PC's files are reported and skipped (retried next round); only a share we
 * cannot use at all stops the round (SyncUnavailableError).
 */
import { randomBytes } from 'node:crypto';
import { captureExistingRows, syncClock } from '../../../db/sync/capture';
import { attachSync } from '../../../db/sync/attach';
import { lastSegmentOf, readLocal, reincarnate, SYNC_KEYS, writeLocal, writeMarker } from '../../../db/sync/localState';
import { migrations } from '../../../db/migrations/index';
import type { ServiceContext } from '../context';
import { applySegment } from './apply';
import { fetchBlobs, uploadBlobs } from './blobs';
import { reportProgress, withProgress } from './progress';
import { openSyncConflicts } from './conflicts';
import { afterMerge, type Arrived } from './postMerge';
import { holdingVector, sameVector, tableDigests } from './digest';
import { isEmptyForJoin, joinFromSnapshot, newestSnapshot, writeSnapshot } from './snapshot';
import { assignSegments, writeSegments, type PublishContext } from './publish';
import { decodeSegment, parseSegmentName, SEGMENT_FORMAT, SegmentError } from './segment';
import { withLockRetry, type ShareFs } from './share';

export const APP_SYNC_VERSION = '1';

export interface SyncProblem {
  device: string;
  file: string;
  message: string;
}

export interface PeerView {
  id: string;
  name: string;
  series: string | null;
  lastSeenAt: string | null;
  /** Segments of that PC on the share not yet applied here. */
  behind: number;
}

export interface SyncReport {
  device: string;
  series: string | null;
  published: number;
  applied: number;
  devices: PeerView[];
  conflicts: number;
  errors: SyncProblem[];
}

export class SyncUnavailableError extends Error {}

export interface SyncOptions {
  share: ShareFs;
  dbFile: string | null;
  /** The folder as the user typed it (stored, shown); the share driver is what is used. */
  folder?: string;
  name?: string;
  app?: string;
  /** Yields between apply transactions so ordinary saves never wait long (default: setImmediate). */
  pause?: () => Promise<void>;
  onProgress?: (p: { device: string; seq: number; applied: number }) => void;
  /** Also write a snapshot of this PC's data for new PCs to join from. */
  snapshot?: boolean;
}

interface ShareJson {
  shareId: string;
  format: number;
  createdAt: string;
}

interface DeviceJson {
  id: string;
  name: string;
  series: string | null;
  app: string;
  schema: string;
  lastSeenAt: string;
}

const DEVICE_RE = /^[0-9a-f]{16}$/;
const SERIES = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
const schemaName = (): string => Object.keys(migrations).sort().at(-1) ?? '';
const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v, null, 1));
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export const isSyncEnabled = (ctx: ServiceContext): boolean => readLocal<boolean>(ctx.db.sqlite, SYNC_KEYS.enabled) === true;

async function readJson<T>(share: ShareFs, file: string): Promise<T | null> {
  const st = await share.stat(file);
  if (!st) return null;
  return JSON.parse((await withLockRetry(() => share.read(file))).toString('utf8')) as T;
}

/** The share's identity: created by the first PC, and from then on it must match. */
async function checkShare(ctx: ServiceContext, share: ShareFs): Promise<string> {
  const sqlite = ctx.db.sqlite;
  const mine = readLocal<string>(sqlite, SYNC_KEYS.shareId);
  let found: ShareJson | null;
  try {
    found = await readJson<ShareJson>(share, 'share.json');
  } catch (e) {
    throw new SyncUnavailableError(`共享文件夹无法访问：${msg(e)}`);
  }
  if (!found) {
    if (mine) throw new SyncUnavailableError('共享文件夹里没有本办公室的同步数据（share.json 不见了）：可能连接到了别的文件夹，或文件夹被清空。请检查路径；本机数据不受影响。');
    const fresh: ShareJson = { shareId: randomBytes(8).toString('hex'), format: SEGMENT_FORMAT, createdAt: ctx.clock.now().toISOString() };
    try {
      if (!(await share.createExclusive('share.json', json(fresh)))) found = await readJson<ShareJson>(share, 'share.json');
      else found = fresh;
    } catch (e) {
      throw new SyncUnavailableError(`共享文件夹不可写：${msg(e)}`);
    }
    if (!found) throw new SyncUnavailableError('共享文件夹无法访问：share.json 读不到');
  }
  if (mine && found.shareId !== mine) {
    throw new SyncUnavailableError('这个共享文件夹属于另一个 DealerDesk 办公室（编号不同），不能与本机数据同步。');
  }
  return found.shareId;
}

/** Turns sync on for this database: identity, capture triggers, and every existing row as a change to publish. */
function enable(ctx: ServiceContext, dbFile: string | null, shareId: string, opts: SyncOptions, baseline: boolean): void {
  const sqlite = ctx.db.sqlite;
  const at = ctx.clock.now().toISOString();
  sqlite
    .transaction(() => {
      writeLocal(sqlite, SYNC_KEYS.enabled, true, at);
      writeLocal(sqlite, SYNC_KEYS.shareId, shareId, at);
      if (!readLocal<string>(sqlite, SYNC_KEYS.device)) writeLocal(sqlite, SYNC_KEYS.device, randomBytes(8).toString('hex'), at);
      if (opts.folder) writeLocal(sqlite, SYNC_KEYS.folder, opts.folder, at);
      writeLocal(sqlite, SYNC_KEYS.name, opts.name ?? readLocal<string>(sqlite, SYNC_KEYS.name) ?? ctx.actor.device, at);
    })
    .immediate();
  writeMarker(sqlite, dbFile);
  attachSync(sqlite, dbFile);
  // Rows copied from a snapshot are the office's, already on the share: not this PC's changes.
  if (baseline) sqlite.transaction(() => captureExistingRows(sqlite)).immediate();
}

/** Claims a series letter for automatic numbers once, by exclusive create on the share. */
async function claimSeries(ctx: ServiceContext, share: ShareFs, device: string): Promise<string | null> {
  const sqlite = ctx.db.sqlite;
  const have = readLocal<string>(sqlite, SYNC_KEYS.series);
  if (have) return have;
  for (const letter of SERIES) {
    const file = `claims/series-${letter.toLowerCase()}.claim`;
    const won = await share.createExclusive(file, json({ device, series: letter }));
    let ours = won;
    if (!won) {
      // A claim we made before a crash (the letter was not saved yet) is still ours.
      const claim = await readJson<{ device: string }>(share, file).catch(() => null);
      ours = claim?.device === device;
    }
    if (ours) {
      writeLocal(sqlite, SYNC_KEYS.series, letter, ctx.clock.now().toISOString());
      return letter;
    }
  }
  return null;
}

function cursorOf(ctx: ServiceContext, device: string): number {
  const r = ctx.db.prepare(`SELECT seq FROM sync_cursors WHERE device = ?`).get(device) as { seq: number } | undefined;
  return r?.seq ?? 0;
}

/** Rows another PC sent that this PC could not store, plus the sync conflicts nobody has dealt with yet. */
export function openConflicts(ctx: ServiceContext): number {
  const rejects = (ctx.db.prepare(`SELECT count(*) AS n FROM sync_rejects`).get() as { n: number }).n;
  return rejects + openSyncConflicts(ctx).length;
}

/** Per other PC: how far behind this PC is, from the share's listing. */
async function peers(ctx: ServiceContext, share: ShareFs, self: string, listings: Map<string, string[]>): Promise<PeerView[]> {
  const ids = new Set<string>();
  for (const n of await share.list('devices')) if (n.endsWith('.json') && DEVICE_RE.test(n.slice(0, -5))) ids.add(n.slice(0, -5));
  for (const d of listings.keys()) ids.add(d);
  ids.delete(self);
  const out: PeerView[] = [];
  for (const id of [...ids].sort()) {
    const reg = await readJson<DeviceJson>(share, `devices/${id}.json`).catch(() => null);
    const names = listings.get(id) ?? (await share.list(`log/${id}`));
    const top = Math.max(0, ...names.map((n) => parseSegmentName(n)?.seq ?? 0));
    out.push({ id, name: reg?.name ?? id, series: reg?.series ?? null, lastSeenAt: reg?.lastSeenAt ?? null, behind: Math.max(0, top - cursorOf(ctx, id)) });
  }
  return out;
}

/**
 * Applies other PCs' segments in order (stops a device at a gap, a bad file, a fork or an unmet dependency).
 * `caps` (the check of point 8) stops each device at a given segment; `self` '' replays every device.
 */
export async function applyAll(
  ctx: ServiceContext,
  share: ShareFs,
  self: string,
  opts: Pick<SyncOptions, 'pause' | 'onProgress'>,
  errors: SyncProblem[],
  listings: Map<string, string[]>,
  caps?: Record<string, number>,
  phase: 'apply' | 'verifyReplay' = 'apply',
  arrived?: Arrived,
): Promise<number> {
  const devices = (await share.list('log')).filter((d) => DEVICE_RE.test(d) && d !== self && (!caps || (caps[d] ?? 0) > 0));
  for (const d of devices) listings.set(d, await share.list(`log/${d}`).catch(() => []));
  const stopped = new Map<string, SyncProblem>();
  const pause = opts.pause ?? tick;
  let applied = 0;
  // For the progress shown while a long apply runs: segments listed past each cursor.
  let segmentsDone = 0;
  const segmentsTotal = devices.reduce((n, d) => {
    const from = cursorOf(ctx, d);
    const cap = caps?.[d] ?? Infinity;
    return n + new Set((listings.get(d) ?? []).map((x) => parseSegmentName(x)?.seq ?? 0).filter((q) => q > from && q <= cap)).size;
  }, 0);
  if (segmentsTotal > 0) reportProgress(ctx.db.sqlite, { phase, done: 0, total: segmentsTotal });
  for (let progress = true; progress; ) {
    progress = false;
    for (const device of devices) {
      if (stopped.has(device)) continue;
      const bySeq = new Map<number, string[]>();
      for (const n of listings.get(device) ?? []) {
        const p = parseSegmentName(n);
        if (p) bySeq.set(p.seq, [...(bySeq.get(p.seq) ?? []), n]);
      }
      for (;;) {
        const seq = cursorOf(ctx, device) + 1;
        if (caps && seq > (caps[device] ?? 0)) break;
        const names = bySeq.get(seq) ?? [];
        if (!names.length) {
          const later = [...bySeq.keys()].filter((s) => s > seq);
          if (later.length) stopped.set(device, { device, file: `log/${device}`, message: `缺少第 ${seq} 号数据段（之后的 ${later.length} 个数据段暂不能应用，等待对方重新写入）` });
          break;
        }
        if (names.length > 1) {
          stopped.set(device, { device, file: names.map((n) => `log/${device}/${n}`).join(', '), message: `同一序号 ${seq} 有两个不同的数据段（数据分叉），已停止应用该电脑的数据，请联系技术支持` });
          break;
        }
        const file = `log/${device}/${names[0]}`;
        let seg;
        try {
          seg = decodeSegment(await withLockRetry(() => share.read(file)), names[0]);
        } catch (e) {
          const why = e instanceof SegmentError ? e.message : `读取失败：${msg(e)}`;
          stopped.set(device, { device, file, message: `${why}；下一轮重试` });
          break;
        }
        if (seg.header.format > SEGMENT_FORMAT || seg.header.device !== device) {
          stopped.set(device, {
            device,
            file,
            message: seg.header.device !== device ? '数据段不属于它所在的目录，已忽略' : '该数据段由更新版本的 DealerDesk 写入，已暂存未应用：请升级本机的 DealerDesk',
          });
          break;
        }
        const unmet = Object.entries(seg.header.deps).find(([d, s]) => d !== self && cursorOf(ctx, d) < s);
        if (unmet) break; // another device's earlier changes come first; a later pass or round gets here
        const at = ctx.clock.now().toISOString();
        const outcome = ctx.db.sqlite
          .transaction(() => {
            const o = applySegment(ctx, seg);
            ctx.db
              .prepare(
                `INSERT INTO sync_cursors (device, seq, last_hlc, changes, updated_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (device) DO UPDATE SET seq = excluded.seq, last_hlc = max(last_hlc, excluded.last_hlc),
                   changes = changes + excluded.changes, updated_at = excluded.updated_at`,
              )
              .run(device, seq, seg.changes.reduce((m, c) => (c[0] > m ? c[0] : m), ''), o.applied, at);
            return o;
          })
          .immediate();
        applied += outcome.applied;
        for (const c of outcome.customers) arrived?.customers.add(c);
        for (const s of outcome.statements) arrived?.statements.add(s);
        for (const t of ['*']) ctx.touched.add(t);
        opts.onProgress?.({ device, seq, applied });
        reportProgress(ctx.db.sqlite, { phase, done: ++segmentsDone, total: Math.max(segmentsTotal, segmentsDone) });
        progress = true;
        await pause();
      }
    }
  }
  errors.push(...stopped.values());
  return applied;
}

/** Above this, a peer's clock running ahead is reported (the HLC keeps working, but LWW favours that PC). */
const SKEW_WARN_MS = 2 * 60_000;

interface StatusFile {
  device: string;
  at: string;
  vector: Record<string, number>;
  digests: Record<string, string>;
  /** Stored files whose bytes this PC could not get from the share (a PC holding them writes them again). */
  missingBlobs?: string[];
  /** Changes this PC holds that are not published yet (held back by an import still committing): its data is ahead of its vector. */
  pending?: boolean;
}

/** Blobs the other PCs reported missing or damaged on the share. */
async function wantedBlobs(share: ShareFs, self: string): Promise<string[]> {
  const out: string[] = [];
  for (const n of await share.list('status').catch(() => [] as string[])) {
    if (!n.endsWith('.json') || !DEVICE_RE.test(n.slice(0, -5)) || n.slice(0, -5) === self) continue;
    const st = await readJson<StatusFile>(share, `status/${n}`).catch(() => null);
    for (const sha of st?.missingBlobs ?? []) if (/^[0-9a-f]{64}$/.test(sha)) out.push(sha);
  }
  return out;
}

/** At most this many blob problems are listed one by one; the rest are counted in one line. */
const BLOB_PROBLEMS_LISTED = 5;

/** Digests are recomputed only after a round that changed something (reading every table costs time). */
function statusFile(ctx: ServiceContext, device: string, at: string, changed: boolean): StatusFile {
  const sqlite = ctx.db.sqlite;
  const vector = holdingVector(ctx.db, device);
  const cached = readLocal<{ vector: Record<string, number>; digests: Record<string, string>; at?: string }>(sqlite, SYNC_KEYS.digests);
  let digests = cached?.digests;
  // Also every ten minutes: a change that bypassed the log (a bug) shows even when nothing moves.
  const stale = !cached?.at || Date.parse(at) - Date.parse(cached.at) > 10 * 60_000;
  const pending = ctx.db.prepare(`SELECT 1 FROM sync_changes WHERE id > (SELECT coalesce(max(last_change), 0) FROM sync_segments) LIMIT 1`).get() !== undefined;
  if (changed || stale || !cached || !sameVector(cached.vector, vector) || pending) {
    digests = tableDigests(ctx.db);
    writeLocal(sqlite, SYNC_KEYS.digests, { vector, digests, at }, at);
  }
  return { device, at, vector, digests: digests ?? {}, pending };
}

/** Two PCs holding the same changes must hold the same data. */
async function compareWithPeers(share: ShareFs, peersSeen: PeerView[], mine: StatusFile, errors: SyncProblem[]): Promise<void> {
  for (const p of peersSeen) {
    const theirs = await readJson<StatusFile>(share, `status/${p.id}.json`).catch(() => null);
    if (!theirs?.digests || !sameVector(theirs.vector, mine.vector) || theirs.pending || mine.pending) continue;
    const differ = Object.keys(mine.digests).filter((t) => theirs.digests[t] !== undefined && theirs.digests[t] !== mine.digests[t]);
    if (differ.length) {
      errors.push({
        device: p.id,
        file: `status/${p.id}.json`,
        message: `与该电脑已应用相同的变更，但数据不一致（${differ.join('、')}）：请联系技术支持（可让一台空数据库的新电脑从共享文件夹加入，与本机比较）`,
      });
    }
  }
}

export function syncRound(ctx: ServiceContext, opts: SyncOptions): Promise<SyncReport> {
  return withProgress(ctx.db.sqlite, () => round(ctx, opts));
}

async function round(ctx: ServiceContext, opts: SyncOptions): Promise<SyncReport> {
  const sqlite = ctx.db.sqlite;
  const { share } = opts;
  const errors: SyncProblem[] = [];
  const shareId = await checkShare(ctx, share);
  if (!isSyncEnabled(ctx)) {
    // A new or reinstalled PC joins from the newest snapshot (then only the segments after it).
    const snap = isEmptyForJoin(ctx) ? await newestSnapshot(share).catch(() => null) : null;
    if (snap) {
      try {
        await joinFromSnapshot(ctx, share, snap);
      } catch (e) {
        throw new SyncUnavailableError(`无法从快照加入：${msg(e)}`);
      }
    }
    enable(ctx, opts.dbFile, shareId, opts, snap === null);
  }
  else {
    const at = ctx.clock.now().toISOString();
    if (opts.name) writeLocal(sqlite, SYNC_KEYS.name, opts.name, at);
    // The same office's share under another path (a drive letter instead of the UNC name).
    if (opts.folder) writeLocal(sqlite, SYNC_KEYS.folder, opts.folder, at);
  }
  let device = readLocal<string>(sqlite, SYNC_KEYS.device)!;

  // The share holding more of our log than we numbered: this database is a restored or cloned copy.
  const ownOnShare = Math.max(0, ...(await share.list(`log/${device}`)).map((n) => parseSegmentName(n)?.seq ?? 0));
  if (ownOnShare > lastSegmentOf(sqlite, device)) {
    device = reincarnate(sqlite, opts.dbFile, false);
    attachSync(sqlite, opts.dbFile);
  }

  let series: string | null;
  let published: number;
  const pub: PublishContext = { db: ctx.db, device, dbFile: opts.dbFile, schema: schemaName(), app: opts.app ?? APP_SYNC_VERSION };
  const blobProblems: SyncProblem[] = [];
  try {
    series = await claimSeries(ctx, share, device);
    // Bytes first: a segment naming a stored file must never reach the share before the file.
    await uploadBlobs(ctx, share, device, await wantedBlobs(share, device), blobProblems);
    assignSegments(pub);
    published = await writeSegments(pub, share);
  } catch (e) {
    throw new SyncUnavailableError(`共享文件夹不可写：${msg(e)}`);
  }

  const listings = new Map<string, string[]>();
  const arrived: Arrived = { customers: new Set(), statements: new Set() };
  const applied = await applyAll(ctx, share, device, opts, errors, listings, undefined, 'apply', arrived);
  // What last-writer-wins cannot keep, found after the merge (point 4); its own writes go out next round.
  if (applied > 0) afterMerge(ctx, arrived);
  const { missing: missingBlobs } = await fetchBlobs(ctx, share, device, blobProblems);
  errors.push(...blobProblems.slice(0, BLOB_PROBLEMS_LISTED));
  if (blobProblems.length > BLOB_PROBLEMS_LISTED) {
    errors.push({ device, file: 'blobs/', message: `另有 ${blobProblems.length - BLOB_PROBLEMS_LISTED} 个文件尚未取回；下一轮重试` });
  }
  // Changes made while applying (none normally) and the vector we now depend on go out next round.

  const now = ctx.clock.now().toISOString();
  const me: DeviceJson = { id: device, name: readLocal<string>(sqlite, SYNC_KEYS.name) ?? device, series, app: pub.app, schema: pub.schema, lastSeenAt: now };
  const status: StatusFile = { ...statusFile(ctx, device, now, published + applied > 0), missingBlobs };
  try {
    await share.writeAtomic(`devices/${device}.json`, json(me));
    await share.writeAtomic(`status/${device}.json`, json(status));
  } catch (e) {
    errors.push({ device, file: `devices/${device}.json`, message: `登记本机信息失败：${msg(e)}；下一轮重试` });
  }
  if (opts.snapshot) {
    try {
      await writeSnapshot(ctx, share, device, pub.schema);
    } catch (e) {
      errors.push({ device, file: 'snap/', message: `写入快照失败：${msg(e)}` });
    }
  }
  const devices = await peers(ctx, share, device, listings).catch(() => []);
  await compareWithPeers(share, devices, status, errors);
  const drift = syncClock(sqlite)?.drift() ?? 0;
  if (drift > SKEW_WARN_MS) {
    errors.push({ device, file: '', message: `另一台电脑的时钟比本机快约 ${Math.round(drift / 60_000)} 分钟：请校准各电脑的时间（同步不受影响，但“最后修改者优先”会偏向时钟快的电脑）` });
  }
  // Claims are exclusive, so one letter twice means a registry file was edited or copied by hand.
  const letters = new Map<string, string>();
  if (series) letters.set(series, device);
  for (const d of devices) {
    if (!d.series) continue;
    const holder = letters.get(d.series);
    if (holder) errors.push({ device: d.id, file: `devices/${d.id}.json`, message: `系列字母 ${d.series} 被两台电脑登记（另一台：${holder}），请检查该电脑的同步设置` });
    else letters.set(d.series, d.id);
  }
  const report: SyncReport = { device, series, published, applied, devices, conflicts: openConflicts(ctx), errors };
  writeLocal(sqlite, SYNC_KEYS.lastRound, { at: now, published, applied, errors }, now);
  return report;
}

/** What `sync status` shows: the same figures without a round (published/applied: totals so far). */
export async function syncStatus(ctx: ServiceContext, share: ShareFs | null): Promise<SyncReport> {
  const sqlite = ctx.db.sqlite;
  const device = readLocal<string>(sqlite, SYNC_KEYS.device) ?? '';
  const published = (ctx.db.prepare(`SELECT coalesce(sum(last_change - first_change + 1), 0) AS n FROM sync_segments WHERE file IS NOT NULL`).get() as { n: number }).n;
  const applied = (ctx.db.prepare(`SELECT coalesce(sum(changes), 0) AS n FROM sync_cursors`).get() as { n: number }).n;
  const last = readLocal<{ errors: SyncProblem[] }>(sqlite, SYNC_KEYS.lastRound);
  const errors = [...(last?.errors ?? [])];
  let devices: PeerView[] = [];
  if (share && device) {
    try {
      devices = await peers(ctx, share, device, new Map());
    } catch (e) {
      errors.push({ device, file: '', message: `共享文件夹无法访问：${msg(e)}` });
    }
  }
  return { device, series: readLocal<string>(sqlite, SYNC_KEYS.series), published, applied, devices, conflicts: openConflicts(ctx), errors };
}
