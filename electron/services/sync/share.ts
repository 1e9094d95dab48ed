/**
 * The shared folder as the sync sees it: a handful of operations on files
 * that are written once (to a temporary name, then renamed) and never
 * changed. Paths are relative to the share root with '/' separators. The
 * file-system driver is the real one (a UNC path, a mapped drive, a mounted
 * folder); tests wrap it in a fault injector.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ShareStat {
  size: number;
  mtimeMs: number;
}

export interface ShareFs {
  /** Names in a folder; [] when the folder does not exist (yet). */
  list(dir: string): Promise<string[]>;
  read(file: string): Promise<Buffer>;
  /** Writes to tmp/ first, flushes, then renames onto `file`. */
  writeAtomic(file: string, data: Buffer): Promise<void>;
  /** Creates `file` only if it does not exist; false when it already did. */
  createExclusive(file: string, data: Buffer): Promise<boolean>;
  stat(file: string): Promise<ShareStat | null>;
  /**
   * Streams a local file onto `file` like writeAtomic (tmp/, flush, rename),
   * a chunk at a time: snapshots are as large as the database.
   */
  copyIn(file: string, localPath: string, onBytes?: (bytes: number) => void): Promise<void>;
  /** Streams `file` into a local file, a chunk at a time. */
  copyOut(file: string, localPath: string, onBytes?: (bytes: number) => void): Promise<void>;
}

/** Passes chunks through, counting them (progress of a long copy). */
function counter(onBytes?: (bytes: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      onBytes?.(n);
      done(null, chunk);
    },
  });
}

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

export function fsShare(root: string): ShareFs {
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  return {
    async list(dir) {
      try {
        return await fs.readdir(abs(dir));
      } catch (e) {
        if (isMissing(e)) return [];
        throw e;
      }
    },
    read: (file) => fs.readFile(abs(file)),
    async writeAtomic(file, data) {
      const tmpDir = abs('tmp');
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(abs(file)), { recursive: true });
      const tmp = path.join(tmpDir, `${randomBytes(6).toString('hex')}.part`);
      const fh = await fs.open(tmp, 'w');
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, abs(file));
    },
    async createExclusive(file, data) {
      await fs.mkdir(path.dirname(abs(file)), { recursive: true });
      let fh;
      try {
        fh = await fs.open(abs(file), 'wx');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      return true;
    },
    async copyIn(file, localPath, onBytes) {
      const tmpDir = abs('tmp');
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(abs(file)), { recursive: true });
      const tmp = path.join(tmpDir, `${randomBytes(6).toString('hex')}.part`);
      // flush: the file is fsync'ed before it is closed, so the rename never publishes unflushed bytes.
      await pipeline(createReadStream(localPath), counter(onBytes), createWriteStream(tmp, { flush: true }));
      await fs.rename(tmp, abs(file));
    },
    async copyOut(file, localPath, onBytes) {
      await pipeline(createReadStream(abs(file)), counter(onBytes), createWriteStream(localPath));
    },
    async stat(file) {
      try {
        const st = await fs.stat(abs(file));
        return { size: st.size, mtimeMs: st.mtimeMs };
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
  };
}

/** Antivirus and SMB hold files for a moment: a few short retries on lock errors, then the next round. */
export async function withLockRetry<T>(op: () => Promise<T>, tries = 3, delayMs = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (i >= tries || !(code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, delayMs * i));
    }
  }
}
