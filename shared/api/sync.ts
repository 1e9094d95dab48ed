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
  /** The clerk has dealt with a refused change (renamed, merged by hand): remove it from the list. */
  'sync.dismissConflict': method<SyncStatusView>()(
    z.object({ device: requiredText('电脑', 40), seq: z.number().int().min(1), table: requiredText('表', 60), key: requiredText('记录', 500) }),
    [],
  ),
};
