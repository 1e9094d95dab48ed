/**
 * A share that misbehaves like a real SMB folder, for the sync tests: lock
 * errors (antivirus), stale directory listings (files written lately are
 * not listed yet, which also makes gaps), half-written files left under the
 * final name, corrupted reads, and offline periods. Seeded, so a failing
 * run replays.
 */
import type { ShareFs } from '../../electron/services/sync/share';
import { seededRng } from '../../shared/random';

export interface Faults {
  offline: boolean;
  /** Probability of EBUSY on read / write. */
  lock: number;
  /** Probability that a recently written file is missing from a listing. */
  stale: number;
  /** Probability that a write dies leaving a truncated temporary file. */
  halfWrite: number;
  /** Probability that a write leaves a truncated file under the final name and fails. */
  truncateFinal: number;
  /** Probability that a read returns one byte flipped. */
  corrupt: number;
}

export const NO_FAULTS: Faults = { offline: false, lock: 0, stale: 0, halfWrite: 0, truncateFinal: 0, corrupt: 0 };

const errno = (code: string, what: string) => Object.assign(new Error(`${code}: ${what}`), { code });

export interface FaultyShare extends ShareFs {
  faults: Faults;
  /** How many faults were injected (a run with none proves nothing about faults). */
  injected: number;
}

export function faultyShare(inner: ShareFs, seed: number, faults: Faults = { ...NO_FAULTS }): FaultyShare {
  const rng = seededRng(seed);
  const recent: string[] = [];
  const s: FaultyShare = {
    faults,
    injected: 0,
    async list(dir) {
      if (s.faults.offline) throw errno('EHOSTDOWN', dir);
      const names = await inner.list(dir);
      return names.filter((n) => {
        const hide = recent.includes(`${dir}/${n}`) && rng.chance(s.faults.stale);
        if (hide) s.injected++;
        return !hide;
      });
    },
    async read(file) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      if (rng.chance(s.faults.lock)) {
        s.injected++;
        throw errno('EBUSY', file);
      }
      const bytes = await inner.read(file);
      if (bytes.length && rng.chance(s.faults.corrupt)) {
        s.injected++;
        const copy = Buffer.from(bytes);
        copy[rng.int(0, copy.length - 1)] ^= 0x20;
        return copy;
      }
      return bytes;
    },
    async writeAtomic(file, data) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      if (rng.chance(s.faults.lock)) {
        s.injected++;
        throw errno('EBUSY', file);
      }
      if (rng.chance(s.faults.halfWrite)) {
        // The writer died mid-copy: a truncated temporary file stays behind, the final name never appears.
        s.injected++;
        await inner.createExclusive(`tmp/half-${seed}-${s.injected}.part`, data.subarray(0, Math.floor(data.length / 2)));
        throw errno('EIO', `${file} (half written)`);
      }
      if (rng.chance(s.faults.truncateFinal)) {
        // An SMB copy cut short under the final name (no rename protection): the writer must write it again.
        s.injected++;
        await inner.writeAtomic(file, data.subarray(0, Math.floor(data.length / 2)));
        throw errno('EIO', `${file} (cut short)`);
      }
      await inner.writeAtomic(file, data);
      recent.push(file);
      if (recent.length > 20) recent.shift();
    },
    async createExclusive(file, data) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      return inner.createExclusive(file, data);
    },
    async copyIn(file, localPath, onBytes) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      return inner.copyIn(file, localPath, onBytes);
    },
    async copyOut(file, localPath, onBytes) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      return inner.copyOut(file, localPath, onBytes);
    },
    async stat(file) {
      if (s.faults.offline) throw errno('EHOSTDOWN', file);
      return inner.stat(file);
    },
  };
  return s;
}
