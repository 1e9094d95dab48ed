/**
 * LAN-share sync (局域网共享同步, issue 12): 设置 → 同步 and the header
 * indicator. A round is also run by the background scheduler of the main
 * process and by the CLI (`sync`, `sync status`).
 */
import { z } from 'zod';
import { method } from './define';
import { settingsFolderDialog } from './settingsFolder';
import { optionalText, requiredText } from '../schemas/fields';
import { recordId } from './customers';

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

/** What last-writer-wins cannot keep, found after each round (issue 12 point 4; electron/services/sync/conflicts.ts). */
export const SYNC_CONFLICT_KINDS = [
  'duplicate_void',
  'duplicate_customer_code',
  'duplicate_customer_name',
  'duplicate_tax_id',
  'duplicate_contract_no',
  'duplicate_doc_no',
  'confirmed_period_changed',
  'credit_limit_passed',
] as const;
export type SyncConflictKind = (typeof SYNC_CONFLICT_KINDS)[number];

export interface SyncConflictRowView {
  table: 'customers' | 'contracts' | 'ar_documents' | 'statements';
  id: string;
  label: string;
  customerId: string;
}

/** One open sync conflict, the same on every PC holding the same data. */
export interface SyncConflictItem {
  key: string;
  /** The alert center's key for it (acknowledge / snooze there). */
  alertKey: string;
  kind: SyncConflictKind;
  value: string;
  rows: SyncConflictRowView[];
  customerId: string;
  amountFen: number | null;
}

export interface MergeCustomerRef {
  id: string;
  code: string;
  name: string;
}

/** The confirm step of "merge into": who survives and how many rows move, per table. */
export interface MergePreview {
  from: MergeCustomerRef;
  into: MergeCustomerRef;
  moves: Record<string, number>;
}

export interface CustomerMergeView {
  id: string;
  from: MergeCustomerRef;
  into: MergeCustomerRef;
  moved: Record<string, number>;
  mergedAt: string;
  mergedBy: string;
  undoneAt: string | null;
  undoneBy: string | null;
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
  /** Open sync conflicts (not acknowledged in the alert center). */
  syncConflicts: SyncConflictItem[];
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
/** What the conflict list is derived from. */
export const SYNC_CONFLICT_READS = ['customers', 'contracts', 'ar_documents', 'statements', 'alert_acks', 'customer_merges', 'audit_log'] as const;

const mergeInput = z.object({ fromId: recordId('要合并的客户'), intoId: recordId('保留的客户') });

export const syncMethods = {
  'sync.status': method<SyncStatusView>()(z.object({}), [...SYNC_READS, ...SYNC_CONFLICT_READS]),
  /** Every open sync conflict (also shown in the alert center as sync_conflict alerts). */
  'sync.conflicts': method<SyncConflictItem[]>()(z.object({}), SYNC_CONFLICT_READS),
  /** Renames one of the duplicates (customer code, name or tax id; contract number); the same checks as typing it. */
  'sync.rename': method<SyncConflictItem[]>()(
    z.object({
      table: z.enum(['customers', 'contracts'], { error: '只能改客户或合同' }),
      id: recordId('记录'),
      field: z.enum(['code', 'name', 'taxId', 'contractNo'], { error: '只能改编码、名称、统一社会信用代码或合同号' }),
      value: requiredText('新值', 100),
    }),
    [],
  ),
  /** The confirm step of "merge into": what would move. */
  'sync.mergePreview': method<MergePreview>()(mergeInput, ['customers', 'contacts', 'contracts', 'ar_documents', 'interactions', 'after_sales_cases']),
  /** Merges a duplicate customer into the one that stays (audited, undoable, synced). */
  'sync.mergeCustomer': method<CustomerMergeView>()(mergeInput, []),
  'sync.undoMerge': method<CustomerMergeView>()(z.object({ mergeId: recordId('合并记录') }), []),
  'sync.merges': method<CustomerMergeView[]>()(z.object({}), ['customer_merges', 'customers']),
  /** 测试: write, read back, rename and delete a probe file. */
  'sync.testFolder': method<SyncFolderTest>()(z.object({ folder: folderField }), []),
  /** Turns sync on with this folder (first round: registers this PC, claims its series letter). */
  'sync.setup': method<SyncRoundView>()(z.object({ folder: folderField, name: optionalText('本机名称', 50) }), []),
  /** Desktop app only: 选择文件夹… for the share, in the main-process dialog (opening at `current`); null = cancelled. Nothing is saved: the answer goes into the form. */
  'sync.chooseFolder': method<{ path: string | null }>()(settingsFolderDialog, []),
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
