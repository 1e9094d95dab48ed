/** Status of the database the app runs on, and recovery from a damaged file. */
import { z } from 'zod';
import { method } from './define';
import type { HistoryEntryDto } from './history';

export interface BackupEntry {
  name: string;
  size: number;
  createdAt: string;
  /** daily, manual, before-0008_…: why it was written. */
  reason: string;
  /** Passed integrity_check when written (true), failed it (false), never checked (null: backups before a migration). */
  verified: boolean | null;
}

export type SystemStatus =
  | { state: 'ready'; dbFile: string; version: string; actor: string; demo: boolean }
  | { state: 'unavailable'; dbFile: string; reason: string; backups: BackupEntry[]; version: string; demo: boolean };

export const systemMethods = {
  'system.status': method<SystemStatus>()(z.object({}), []),
  /**
   * Restores a backup. A database that cannot be opened is replaced at once; a
   * healthy one only with `confirmed: true` (the screen asked twice and said
   * what will be lost, see backup.restorePreview). Either way the current file is kept aside.
   */
  'system.restoreBackup': method<SystemStatus>()(z.object({ name: z.string().min(1), confirmed: z.boolean().default(false) }), []),
  /**
   * Fills an EMPTY database (no customers yet) with the demo data set; refused otherwise. For tests and
   * scripts on a scratch file: the app itself offers only openDemo, a separate demo database.
   */
  'system.loadDemo': method<{ customers: number }>()(z.object({ size: z.enum(['small', 'medium']).default('small') }), []),
  /** "Try with demo data": switches to the demo database (its own file beside the office's, filled the first time). */
  // The size is required (no default): a bare call must not switch the database under everyone.
  'system.openDemo': method<SystemStatus>()(z.object({ size: z.enum(['small', 'medium'], { error: '请选择演示数据的规模（small 或 medium）' }) }), []),
  /** Back to the office's own database. */
  'system.closeDemo': method<SystemStatus>()(z.object({}), []),
  'system.history': method<HistoryEntryDto[]>()(
    z.object({ entity: z.string().min(1), entityId: z.string().min(1) }),
    ['audit_log'],
  ),
};
