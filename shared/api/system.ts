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
  | { state: 'ready'; dbFile: string; version: string; actor: string }
  | { state: 'unavailable'; dbFile: string; reason: string; backups: BackupEntry[]; version: string };

export const systemMethods = {
  'system.status': method<SystemStatus>()(z.object({}), []),
  /**
   * Restores a backup. A database that cannot be opened is replaced at once; a
   * healthy one only with `confirmed: true` (the screen asked twice and said
   * what will be lost, see backup.restorePreview). Either way the current file is kept aside.
   */
  'system.restoreBackup': method<SystemStatus>()(z.object({ name: z.string().min(1), confirmed: z.boolean().default(false) }), []),
  /** Fills an EMPTY database (no customers yet) with the small demo data set; refused otherwise. */
  'system.loadDemo': method<{ customers: number }>()(z.object({ size: z.enum(['small', 'medium']).default('small') }), []),
  'system.history': method<HistoryEntryDto[]>()(
    z.object({ entity: z.string().min(1), entityId: z.string().min(1) }),
    ['audit_log'],
  ),
};
