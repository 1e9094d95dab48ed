/** 设置 → 备份 (issue 11, point 4): the backups, backing up now, what a restore would lose, the retention settings. */
import { z } from 'zod';
import { method } from './define';
import { settingsFolderDialog } from './settingsFolder';
import type { BackupEntry } from './system';

export interface BackupListing {
  /** The folder beside the database. */
  dir: string;
  backups: BackupEntry[];
}

export interface BackupSettings {
  /** Daily backups kept (the newest of each of the last N days). */
  keepDaily: number;
  /** Monthly backups kept (the newest of each of the last N months). */
  keepMonthly: number;
  /** A second folder each verified backup is copied to (a LAN share); '' = none. */
  secondCopyDir: string;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keepDaily: 14, keepMonthly: 12, secondCopyDir: '' };

export const backupSettingsSchema = z.object({
  keepDaily: z.number({ error: '保留的每日备份数应为整数' }).int('保留的每日备份数应为整数').min(1, '每日备份至少保留 1 份').max(365, '每日备份最多保留 365 份'),
  keepMonthly: z.number({ error: '保留的每月备份数应为整数' }).int('保留的每月备份数应为整数').min(0, '每月备份数不能为负').max(120, '每月备份最多保留 120 份'),
  secondCopyDir: z.string().trim().max(500, '文件夹路径过长'),
});

export interface BackupResult {
  file: string;
  bytes: number;
  verified: boolean;
  problem: string | null;
  /** Where the second copy went, or why it could not be written; null when no second folder is set. */
  secondCopy: { file: string | null; error: string | null } | null;
}

export interface BackupJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  donePages: number;
  totalPages: number;
  result: BackupResult | null;
  error: string | null;
}

export interface RestorePreview {
  name: string;
  createdAt: string;
  /** Changes recorded in the audit log after the backup was taken: these are lost by the restore. */
  changesSince: number;
  lastChangeAt: string | null;
}

export const backupMethods = {
  'backup.list': method<BackupListing>()(z.object({}), []),
  'backup.settings': method<BackupSettings>()(z.object({}), ['settings']),
  'backup.updateSettings': method<BackupSettings>()(backupSettingsSchema, []),
  /** Desktop app only: 选择文件夹… for the second copy, in the main-process dialog (opening at `current`); null = cancelled. Nothing is saved or granted: the answer goes into the form. */
  'backup.chooseFolder': method<{ path: string | null }>()(settingsFolderDialog, []),
  /** Starts a backup now; progress through backup.jobStatus. */
  'backup.start': method<{ jobId: string }>()(z.object({}), []),
  'backup.jobStatus': method<BackupJobStatus>()(z.object({ jobId: z.string().min(1) }), []),
  'backup.restorePreview': method<RestorePreview>()(z.object({ name: z.string().min(1) }), ['audit_log']),
};
