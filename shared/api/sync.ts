/**
 * LAN-share sync (局域网共享同步, issue 12): 设置 → 同步 and the header
 * indicator. A round is also run by the background scheduler of the main
 * process and by the CLI (`sync`, `sync status`).
 */
import { z } from 'zod';
import { method } from './define';
import { optionalText, requiredText } from '../schemas/fields';

export interface SyncProblemView {
  device: string;
  file: string;
  message: string;
}

export interface SyncPeerView {
  id: string;
  name: string;
  series: string | null;
  lastSeenAt: string | null;
  behind: number;
}

/** A remote change this PC's own rules refused (e.g. the same customer code created on two PCs). */
export interface SyncConflictView {
  device: string;
  seq: number;
  table: string;
  key: string;
  message: string;
}

export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'problem';

/** The steps of a long sync job, each shown with its counts. */
export const SYNC_PHASES = ['publish', 'apply', 'blobs', 'joinCopy', 'joinCheck', 'joinLoad', 'snapshot', 'verifyReplay', 'verifyCompare'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** How far the running round / join / check got: `done` of `total` (segments, bytes in MB, tables). */
export interface SyncProgressView {
  phase: SyncPhase;
  done: number;
  total: number;
}

/** One table where the live database and a fresh replay of every segment differ. */
export interface SyncVerifyDifference {
  table: string;
  /** Rows (by content) only in this PC's database / only in the replay. */
  onlyHere: number;
  onlyInReplay: number;
  /** A few keys of differing rows. */
  examples: string[];
}

/** 从日志重建核对: a fresh replay of every segment on the share compared with this PC's database. */
export interface SyncVerifyView {
  ok: boolean;
  /** The changes compared: {device: last segment}. */
  vector: Record<string, number>;
  segments: number;
  changes: number;
  tables: number;
  differences: SyncVerifyDifference[];
  /** Why parts could not be replayed (missing or damaged segments), or why the check could not run. */
  problems: string[];
  /** The outcome in one sentence (Chinese). */
  message: string;
}

export interface SyncStatusView {
  state: SyncState;
  enabled: boolean;
  folder: string | null;
  name: string | null;
  device: string;
  series: string | null;
  /** Changes published / applied so far. */
  published: number;
  applied: number;
  lastRoundAt: string | null;
  /** Why the last round could not run at all (share unreachable, not ours, not writable). */
  lastFailure: string | null;
  devices: SyncPeerView[];
  conflicts: SyncConflictView[];
  errors: SyncProblemView[];
  /** The job running now (a round, a join, a check), or null. */
  progress: SyncProgressView | null;
}

export interface SyncRoundView {
  device: string;
  series: string | null;
  published: number;
  applied: number;
  devices: SyncPeerView[];
  conflicts: number;
  errors: SyncProblemView[];
}

export interface SyncFolderTest {
  ok: boolean;
  message: string;
}

const folderField = requiredText('共享文件夹', 500);

export const SYNC_READS = ['sync_cursors', 'sync_segments', 'sync_rejects', 'settings'] as const;

export const syncMethods = {
  'sync.status': method<SyncStatusView>()(z.object({}), SYNC_READS),
  /** 测试: write, read back, rename and delete a probe file. */
  'sync.testFolder': method<SyncFolderTest>()(z.object({ folder: folderField }), []),
  /** Turns sync on with this folder (first round: registers this PC, claims its series letter). */
  'sync.setup': method<SyncRoundView>()(z.object({ folder: folderField, name: optionalText('本机名称', 50) }), []),
  /** 立即同步: one round now. */
  'sync.now': method<SyncRoundView>()(z.object({}), []),
  /** 从日志重建核对: replays every segment into a temporary database and compares it with this one, table by table. */
  'sync.verify': method<SyncVerifyView>()(z.object({}), []),
  /** The clerk has dealt with a refused change (renamed, merged by hand): remove it from the list. */
  'sync.dismissConflict': method<SyncStatusView>()(
    z.object({ device: requiredText('电脑', 40), seq: z.number().int().min(1), table: requiredText('表', 60), key: requiredText('记录', 500) }),
    [],
  ),
};
