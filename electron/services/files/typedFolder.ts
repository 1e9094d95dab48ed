/**
 * A folder typed into a settings screen that the main process will write to
 * (设置 → 备份's second copy, 设置 → 同步's share; issue 11, points 5 and 7).
 * The desktop app offers 选择文件夹…, but the field stays typable because
 * offices name network shares as \\server\share, so the service checks what
 * arrives: a full path; an existing folder, or a missing one whose parent
 * folder exists (only that one level is created, never a chain of folders
 * anywhere on the disk); and a probe file written and removed. Each refusal is
 * a Chinese sentence naming the field.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';
import { reason } from '../statements/outputFiles';

const isDir = (p: string): boolean | null => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return null;
  }
};

/** A relative path would land wherever the app happens to run: the fields want a full one. */
export function fullPathProblem(label: string, typed: string): string | null {
  return path.isAbsolute(typed) ? null : `${label}须是完整路径（例如 D:\\备份 或 \\\\服务器\\共享）：${typed}`;
}

/**
 * Checks `folder` for the field called `label` (the zod key is `field`) and
 * returns it resolved; creates it when only its last level is missing.
 * Throws DomainError('validation') saying what is wrong.
 */
export function checkTypedFolder(folder: string, label: string, field: string): string {
  const refuse = (why: string): never => {
    throw new DomainError('validation', `${label}${why}`, field);
  };
  const typed = folder.trim();
  if (!typed) refuse('不能为空');
  const notFull = fullPathProblem(label, typed);
  if (notFull) throw new DomainError('validation', notFull, field);
  const abs = path.resolve(typed);
  let created = false;
  const here = isDir(abs);
  if (here === false) refuse(`是一个文件，不是文件夹：${abs}`);
  if (here === null) {
    const parent = path.dirname(abs);
    if (isDir(parent) !== true) refuse(`不存在，它的上一级文件夹也不存在或无法访问：${abs}`);
    try {
      fs.mkdirSync(abs);
      created = true;
    } catch (e) {
      refuse(`无法创建：${abs}（${reason(e)}）`);
    }
  }
  const probe = path.join(abs, `.dealerdesk-write-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  try {
    fs.writeFileSync(probe, 'probe', { flag: 'wx' });
  } catch (e) {
    if (created) fs.rmSync(abs, { recursive: true, force: true });
    refuse(`无法写入：${abs}（${reason(e)}）`);
  } finally {
    fs.rmSync(probe, { force: true });
  }
  return abs;
}
