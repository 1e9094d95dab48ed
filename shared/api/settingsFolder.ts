/** Input of the 选择文件夹… dialogs of settings screens (backup.chooseFolder, sync.chooseFolder). */
import { z } from 'zod';

export const settingsFolderDialog = z.object({
  /** The folder in the field now: the dialog opens there when it is a full path. */
  current: z.string().max(500, '文件夹路径过长').default(''),
});
