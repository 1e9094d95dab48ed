/**
 * Content-addressed storage in the data directory: files/<aa>/<sha256>.
 * The same bytes are stored once however often they are attached, and a
 * stored file is never overwritten or deleted by an edit of its owner.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readLocal, SYNC_KEYS } from '../../../db/sync/localState';
import type { ServiceContext } from '../context';

export const sha256Hex = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

export function storedFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** Puts bytes whose hash is `sha` into the store (temp file + rename, so a crash never leaves half a file). */
export function writeStoredBytes(dataDir: string, sha: string, bytes: Uint8Array): void {
  const target = storedFilePath(dataDir, sha);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    // A full disk or a read-only folder: no half-written temp file stays in the store.
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes the bytes and registers them. */
export function storeFile(ctx: ServiceContext, bytes: Uint8Array, mime: string): string {
  const sha = sha256Hex(bytes);
  writeStoredBytes(ctx.dataDir, sha, bytes);
  ctx.db.run(
    ctx.db.k
      .insertInto('stored_files')
      .values({ sha256: sha, mime, size: bytes.byteLength, created_at: ctx.clock.now().toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing()),
  );
  ctx.touched.add('stored_files');
  return sha;
}

/**
 * What to tell the clerk when a stored file's bytes are not on this PC. With
 * LAN sync on, the row can arrive before the bytes (another PC's attachment
 * still being fetched from the share): that is "not yet", not "lost".
 */
export function missingFileMessage(ctx: ServiceContext, label: string, otherwise: string): string {
  if (readLocal<boolean>(ctx.db.sqlite, SYNC_KEYS.enabled) !== true) return otherwise;
  return `${label}的文件还没有从其他电脑同步到本机，请稍后再打开（每次同步会自动从共享文件夹取回；长时间未到请看 设置 → 同步 里的问题）`;
}

export function readStoredFile(ctx: ServiceContext, sha256: string): { bytes: Buffer; mime: string } | null {
  const row = ctx.db.first(ctx.db.k.selectFrom('stored_files').selectAll().where('sha256', '=', sha256));
  if (!row) return null;
  const file = storedFilePath(ctx.dataDir, sha256);
  if (!fs.existsSync(file)) return null;
  return { bytes: fs.readFileSync(file), mime: row.mime };
}
