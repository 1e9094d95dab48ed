import type { backupMethods } from '../../../shared/api/backup';
import { backupJobStatus, startBackupJob } from '../../services/backup/jobs';
import { listBackupEntries, restorePreview } from '../../services/backup/runBackup';
import { getBackupSettings, updateBackupSettings } from '../../services/backup/settings';
import { chooseSettingsFolder } from '../../services/statements/desktopHost';
import type { HandlerMap } from './types';

export const backupHandlers: HandlerMap<keyof typeof backupMethods> = {
  'backup.list': (ctx) => listBackupEntries(ctx),
  'backup.settings': (ctx) => getBackupSettings(ctx),
  'backup.updateSettings': (ctx, input) => updateBackupSettings(ctx, input),
  'backup.chooseFolder': (_ctx, input) => chooseSettingsFolder('backup', input.current),
  'backup.start': (ctx) => startBackupJob(ctx),
  'backup.jobStatus': (_ctx, input) => backupJobStatus(input.jobId),
  'backup.restorePreview': (ctx, input) => restorePreview(ctx, input.name),
};
