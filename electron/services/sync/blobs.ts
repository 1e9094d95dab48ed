/**
 * File bytes on the share (issue 12 point 1). A stored file's row travels in
 * the segments like any insert-only row; its bytes go to the share once, as
 * `blobs/<aa>/<sha256>`, written to a temporary name, flushed, renamed, and
 * read back to check the hash. Upload happens BEFORE the segments of the
 * round are written, so a PC that receives the row can find the bytes.
 *
 * Another PC fetches what it lacks after applying: it verifies the hash
 * before the bytes enter its local store, and a blob that is missing, cut
 * short or corrupted is reported (and tried again next round), never used
 * and never fatal. It also names the blobs it could not get in its status
 * file; a PC holding those bytes writes them again (a half-written or damaged
 * copy on the share heals without anyone touching the folder).
 *
 * `sync_blobs` (migration 0018) remembers the stored files this PC has
 * settled (bytes here and verified on the share), so a round with nothing
 * new costs one query.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ServiceContext } from '../context';
import { storedFilePath, writeStoredBytes } from '../files/fileStore';
import { withLockRetry, type ShareFs } from './share';

export interface BlobProblem {
  device: string;
  file: string;
  message: string;
}

export const blobFile = (sha: string): string => `blobs/${sha.slice(0, 2)}/${sha}`;

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Stored files this PC has not settled yet. */
function unsettled(ctx: ServiceContext): string[] {
  return (
    ctx.db
      .prepare(`SELECT f.sha256 FROM stored_files f WHERE NOT EXISTS (SELECT 1 FROM sync_blobs b WHERE b.sha256 = f.sha256) ORDER BY f.sha256`)
      .all() as { sha256: string }[]
  ).map((r) => r.sha256);
}

function settle(ctx: ServiceContext, sha: string): void {
  ctx.db.prepare(`INSERT OR IGNORE INTO sync_blobs (sha256, settled_at) VALUES (?, ?)`).run(sha, ctx.clock.now().toISOString());
}

/** The bytes in this PC's store, if present and intact. */
function localBytes(ctx: ServiceContext, sha: string): Buffer | null {
  const file = storedFilePath(ctx.dataDir, sha);
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  return sha256(bytes) === sha ? bytes : null;
}

/** Whether the share holds these exact bytes under their name. */
async function shareHas(share: ShareFs, sha: string, size: number): Promise<boolean> {
  const st = await share.stat(blobFile(sha));
  if (!st || st.size !== size) return false;
  return sha256(await withLockRetry(() => share.read(blobFile(sha)))) === sha;
}

/** Writes one blob (unless the share already holds it intact) and checks what landed. Throws when the share refuses. */
async function putBlob(share: ShareFs, sha: string, bytes: Buffer): Promise<void> {
  if (await shareHas(share, sha, bytes.length)) return;
  const file = blobFile(sha);
  await withLockRetry(() => share.writeAtomic(file, bytes));
  if (!(await shareHas(share, sha, bytes.length))) throw new Error(`写入共享文件夹后读回的文件校验不符：${file}`);
}

/**
 * Uploads every stored file whose bytes are here and not yet settled, plus
 * the blobs other PCs reported they could not get (`wanted`) that this PC
 * holds. Throws when the share refuses a write: the round then publishes no
 * segment (a row must never arrive before its bytes could). A local file
 * that fails its own hash is reported and skipped.
 */
export async function uploadBlobs(ctx: ServiceContext, share: ShareFs, device: string, wanted: readonly string[], problems: BlobProblem[]): Promise<number> {
  let uploaded = 0;
  const todo = new Set(unsettled(ctx));
  for (const sha of todo) {
    const file = storedFilePath(ctx.dataDir, sha);
    if (!fs.existsSync(file)) continue; // another PC's file: fetched after applying
    const bytes = localBytes(ctx, sha);
    if (!bytes) {
      problems.push({ device, file: blobFile(sha), message: `本机数据目录中的文件已损坏（校验和不符），无法发给其他电脑：${file}` });
      continue;
    }
    await putBlob(share, sha, bytes);
    settle(ctx, sha);
    uploaded++;
  }
  for (const sha of new Set(wanted)) {
    if (todo.has(sha)) continue;
    const bytes = localBytes(ctx, sha);
    if (bytes) await putBlob(share, sha, bytes);
  }
  return uploaded;
}

/**
 * Fetches the bytes of every stored file this PC lacks. Returns the blobs it
 * could not get (reported in `problems`, retried next round).
 */
export async function fetchBlobs(ctx: ServiceContext, share: ShareFs, device: string, problems: BlobProblem[]): Promise<{ fetched: number; missing: string[] }> {
  let fetched = 0;
  const missing: string[] = [];
  for (const sha of unsettled(ctx)) {
    if (fs.existsSync(storedFilePath(ctx.dataDir, sha))) continue; // ours, settled by the next upload
    const file = blobFile(sha);
    try {
      const st = await share.stat(file);
      if (!st) {
        missing.push(sha);
        problems.push({ device, file, message: '文件（附件或对账单 PDF）尚未到达共享文件夹：等待保存它的电脑下次同步时写入；下一轮重试' });
        continue;
      }
      const bytes = await withLockRetry(() => share.read(file));
      if (sha256(bytes) !== sha) {
        missing.push(sha);
        problems.push({ device, file, message: '共享文件夹里的文件不完整或已损坏（校验和不符），未使用：拥有该文件的电脑下次同步时会重新写入；下一轮重试' });
        continue;
      }
      writeStoredBytes(ctx.dataDir, sha, bytes);
      settle(ctx, sha);
      fetched++;
    } catch (e) {
      missing.push(sha);
      problems.push({ device, file, message: `读取共享文件夹里的文件失败：${msg(e)}；下一轮重试` });
    }
  }
  return { fetched, missing };
}
