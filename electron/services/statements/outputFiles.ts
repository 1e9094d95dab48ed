/**
 * Writing statement PDFs outside the data dir (the CLI's --out, a batch
 * folder, the merged print file). A file is written under a temporary name
 * and renamed, so a crash or a full disk never leaves half a PDF with the
 * final name; a folder is probed before any work so "cannot write there" is
 * said at once, before anything is generated or recorded. Into a folder,
 * files are written as new files only (writeNewFile): a name already taken
 * gets " (2)", " (3)" …, so the API never replaces a file nobody asked it to
 * (issue 11, point 5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';

export const reason = (e: unknown): string => {
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

/** Removes a temporary file; something else under its name (a folder) is left alone. */
function discard(tmp: string): void {
  try {
    fs.rmSync(tmp, { force: true });
  } catch {
    // Not a file we wrote: the write already failed on it, and that is the error to report.
  }
}

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
    discard(tmp);
    throw new DomainError('validation', `无法写入文件 ${target}：${reason(e)}`, field);
  }
}

/** `name.pdf` for n = 1, else `name (n).pdf`: the names writeNewFile tries in turn. */
export function numberedName(target: string, n: number): string {
  if (n <= 1) return target;
  const ext = path.extname(target);
  return `${target.slice(0, target.length - ext.length)} (${n})${ext}`;
}

/** More numbered names than any folder of statements needs; past this something is wrong. */
const MAX_NUMBERED = 999;
/** link() refusals that mean "this file system has no hard links" (FAT USB sticks, some shares), not "name taken". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes bytes as a NEW file at `target`, or at the first free numbered name
 * when `target` (or a folder of that name) exists; returns the path written.
 */
export function writeNewFile(target: string, bytes: Uint8Array, field: string): string {
  return placeNewFile(target, (tmp) => fs.writeFileSync(tmp, bytes), field);
}

/**
 * The no-clobber writer behind writeNewFile, for content that is not in
 * memory (a backup copied file to file): `fill` writes the temporary file,
 * link() then gives it its name and fails instead of replacing a file that
 * appeared meanwhile. Where the file system has no hard links, the name is
 * checked and the file renamed. The temporary file is removed whatever
 * happens, so a failed write leaves nothing behind.
 */
export function placeNewFile(target: string, fill: (tmp: string) => void, field: string): string {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fill(tmp);
    for (let n = 1; n <= MAX_NUMBERED; n++) {
      const candidate = numberedName(target, n);
      try {
        fs.linkSync(tmp, candidate);
        return candidate;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') continue;
        if (!NO_HARD_LINKS.has(code)) throw e;
        if (fs.existsSync(candidate)) continue;
        fs.renameSync(tmp, candidate);
        return candidate;
      }
    }
    throw Object.assign(new Error(`同名文件已有 ${MAX_NUMBERED} 个`), { code: 'EEXIST' });
  } catch (e) {
    throw new DomainError('validation', `无法写入文件 ${target}：${reason(e)}`, field);
  } finally {
    discard(tmp);
  }
}
