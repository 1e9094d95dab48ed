/**
 * Writing statement PDFs outside the data dir (the CLI's --out, a batch
 * folder, the merged print file). A file is written under a temporary name
 * and renamed, so a crash or a full disk never leaves half a PDF with the
 * final name; a folder is probed before any work so "cannot write there" is
 * said at once, before anything is generated or recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';

const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const known: Record<string, string> = {
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '磁盘为只读',
    ENOSPC: '磁盘空间不足',
    ENOTDIR: '路径中有一部分不是文件夹',
    EISDIR: '同名的文件夹已存在',
    ENAMETOOLONG: '路径或文件名太长',
    EEXIST: '同名的文件已存在',
    EBUSY: '文件正被其他程序占用（例如已在 PDF 阅读器中打开）',
  };
  return (code && known[code]) || (e instanceof Error ? e.message : String(e));
};

/** Creates the folder if needed and proves a file can be written in it; a clear error otherwise. */
export function assertWritableDir(dir: string, field: string): void {
  const probe = path.join(dir, `.dealerdesk-write-test-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    throw new DomainError('validation', `无法写入输出文件夹 ${dir}：${reason(e)}`, field);
  }
}

/** Writes bytes to `target` atomically; throws a DomainError naming the file and why. */
export function writeFileAtomic(target: string, bytes: Uint8Array, field: string): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new DomainError('validation', `无法写入文件 ${target}：${reason(e)}`, field);
  }
}
