/**
 * Where the API may write files the caller names (issue 11, point 5). A
 * compromised renderer could otherwise name any path on the disk. Through
 * the Electron window and the HTTP bridge, a path must lie in the data
 * directory or have been chosen in a main-process save dialog (the shell
 * grants exactly that path); nothing existing is overwritten unless the
 * dialog's own "replace?" question granted it. A granted file is good for one
 * write: writing it again (which would replace what the clerk saved without
 * asking) needs the dialog again. A granted folder stays granted: files are
 * only ever added to it under new names (statements/outputFiles.ts). The CLI
 * writes where the user at the keyboard said (`anywhere`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';

export type OutputMode = 'anywhere' | 'dataDirOrGranted';

export interface OutputPolicy {
  /** Throws when `file` (a file, or with `folder` a folder) may not be written by this caller. */
  check(file: string, field: string, opts?: { folder?: boolean }): void;
}

const inside = (dir: string, p: string): boolean => {
  const rel = path.relative(path.resolve(dir), path.resolve(p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function outputPolicy(mode: OutputMode, dataDir: string, granted: Set<string>): OutputPolicy {
  return {
    check(file, field, opts = {}) {
      if (mode === 'anywhere') return;
      const abs = path.resolve(file);
      if (granted.has(abs)) {
        if (!opts.folder) granted.delete(abs);
        return;
      }
      if (!inside(dataDir, abs)) {
        throw new DomainError('forbidden', `只能保存到数据目录（${dataDir}）或在“另存为”对话框中选择的位置：${abs}`, field);
      }
      if (!opts.folder && fs.existsSync(abs)) throw new DomainError('conflict', `文件已存在，不会覆盖：${abs}`, field);
    },
  };
}
