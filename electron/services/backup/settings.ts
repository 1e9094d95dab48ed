/** Backup retention and the second folder: this PC's own settings (`local.*`, never synced). */
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../shared/api/backup';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

export const BACKUP_SETTINGS_KEY = 'local.backup';

export function getBackupSettings(ctx: ServiceContext): BackupSettings {
  const stored = readSetting<Partial<BackupSettings>>(ctx, BACKUP_SETTINGS_KEY)?.value ?? {};
  return { ...DEFAULT_BACKUP_SETTINGS, ...stored };
}

export function updateBackupSettings(ctx: ServiceContext, input: BackupSettings): BackupSettings {
  return ctx.db.transaction(() => {
    const before = getBackupSettings(ctx);
    writeSetting(ctx, BACKUP_SETTINGS_KEY, input);
    recordChange(ctx, { entity: 'settings', entityId: BACKUP_SETTINGS_KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getBackupSettings(ctx);
  });
}
