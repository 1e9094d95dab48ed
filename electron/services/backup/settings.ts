/** Backup retention and the second folder: this PC's own settings (`local.*`, never synced). */
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../shared/api/backup';
import { recordChange } from '../audit/recordChange';
import { checkTypedFolder } from '../files/typedFolder';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

export const BACKUP_SETTINGS_KEY = 'local.backup';

export function getBackupSettings(ctx: ServiceContext): BackupSettings {
  const stored = readSetting<Partial<BackupSettings>>(ctx, BACKUP_SETTINGS_KEY)?.value ?? {};
  return { ...DEFAULT_BACKUP_SETTINGS, ...stored };
}

/** The label the second folder's messages name (设置 → 备份). */
export const SECOND_COPY_LABEL = '第二份备份文件夹';

export function updateBackupSettings(ctx: ServiceContext, settings: BackupSettings): BackupSettings {
  const stored = getBackupSettings(ctx);
  // A typed folder is checked (and its last level created) when it changes; an unchanged one is not, so the
  // retention can still be saved while the share is offline.
  const dir = settings.secondCopyDir.trim();
  const secondCopyDir = dir === '' || dir === stored.secondCopyDir ? dir : checkTypedFolder(dir, SECOND_COPY_LABEL, 'secondCopyDir');
  const input = { ...settings, secondCopyDir };
  return ctx.db.transaction(() => {
    const before = getBackupSettings(ctx);
    writeSetting(ctx, BACKUP_SETTINGS_KEY, input);
    recordChange(ctx, { entity: 'settings', entityId: BACKUP_SETTINGS_KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getBackupSettings(ctx);
  });
}
