/** Status of the database the app runs on, and recovery from a damaged file. */
import { z } from 'zod';
import { method } from './define';
import type { HistoryEntryDto } from './history';

export interface BackupEntry {
  name: string;
  size: number;
  createdAt: string;
}

export type SystemStatus =
  | { state: 'ready'; dbFile: string; version: string; actor: string }
  | { state: 'unavailable'; dbFile: string; reason: string; backups: BackupEntry[]; version: string };

export const systemMethods = {
  'system.status': method<SystemStatus>()(z.object({}), []),
  'system.restoreBackup': method<SystemStatus>()(z.object({ name: z.string().min(1) }), []),
  /** Fills an EMPTY database (no customers yet) with the small demo data set; refused otherwise. */
  'system.loadDemo': method<{ customers: number }>()(z.object({ size: z.enum(['small', 'medium']).default('small') }), []),
  'system.history': method<HistoryEntryDto[]>()(
    z.object({ entity: z.string().min(1), entityId: z.string().min(1) }),
    ['audit_log'],
  ),
};
