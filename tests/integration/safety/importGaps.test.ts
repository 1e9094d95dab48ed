/**
 * The chunked import leaves the write lock free for the long pause only when
 * a writer of another process said it waits (db/writerWaiting.ts), and for a
 * few milliseconds otherwise. The announcement itself is tested in
 * writersWait.test.ts, the two processes together in concurrentImport.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { announceWaiting } from '../../../db/writerWaiting';
import { runInChunks, type ImportUnit } from '../../../electron/services/imports/chunkedCommit';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

// Five one-unit chunks: four pauses between them.
const units: ImportUnit[] = Array.from({ length: 5 }, () => () => 1);
const timing = { chunkMs: 0, gapMs: 300, idleGapMs: 5 };

async function elapsed(rt: TempRuntime): Promise<number> {
  const t0 = performance.now();
  expect(await runInChunks(rt.rt.context(), 'no-batch', units, timing)).toBe(5);
  return performance.now() - t0;
}

describe('pauses between the chunks of an import', () => {
  it('are short when nobody else waits for the lock', async () => {
    t = await tempRuntime();
    // 4 long pauses would take 1.2 s; short ones take a few ms (each commit some more).
    expect(await elapsed(t)).toBeLessThan(4 * timing.gapMs);
  });

  it('are the long pause while a writer of another process has said it waits', async () => {
    t = await tempRuntime();
    const marker = t.rt.database().waitingMarker;
    expect(marker).not.toBeNull();
    announceWaiting(marker as string);
    expect(await elapsed(t)).toBeGreaterThanOrEqual(4 * timing.gapMs - 4);
  });
});
