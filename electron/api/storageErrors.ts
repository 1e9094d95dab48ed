/**
 * Errors of the storage underneath (SQLite's result codes, Node's fs codes)
 * turned into messages that tell the office what to do. A busy database, a
 * full disk or a read-only file are not bugs: the user can act on them, and
 * nothing was saved, so the form keeps its input and can be sent again.
 */
import type { ApiErrorData } from '../../shared/errors';

export const BUSY_MESSAGE = '数据库正忙，请稍后重试';
export const DISK_FULL_MESSAGE = '磁盘空间不足：请清理数据所在的磁盘（删除不需要的文件或旧备份）后重试，刚才的操作没有保存';
export const READ_ONLY_MESSAGE = '数据库文件只读：请检查数据库文件及其文件夹的权限（取消“只读”），然后重新启动程序；刚才的操作没有保存';

/** The user-facing error for a storage failure, or null when `code` is not one. */
export function storageErrorToApi(code: string): ApiErrorData | null {
  // SQLITE_BUSY_* (snapshot, recovery, timeout) and SQLITE_LOCKED_* are all "someone else holds it".
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return { code: 'busy', field: null, message: BUSY_MESSAGE };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return { code: 'disk_full', field: null, message: DISK_FULL_MESSAGE };
  if (/^SQLITE_READONLY/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { code: 'read_only', field: null, message: READ_ONLY_MESSAGE };
  }
  // SQLITE_IOERR_WRITE/FSYNC/… on a disk that filled up mid-write (SQLite reports some of those as I/O errors).
  return null;
}
