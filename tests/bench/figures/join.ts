/**
 * Joining the large data set from a snapshot (issue 12 point 6, budget
 * < 3 min, memory flat): a PC holding the large demo (5,000 customers,
 * ~1M documents, ~1M allocations) writes a snapshot to a local-folder share
 * (backup API, gzip and sha256 as streams, streamed copy), and an empty PC
 * joins from it (streamed copy to local disk, hash, gunzip, integrity_check,
 * rows copied by SQLite). Wall and CPU time of this process are both given:
 * on the shared 2-core machine the wall time also counts other processes'
 * turns. Peak RSS growth over the start shows whether memory stayed flat.
 *
 * 2026-12-07, shared 2-core machine at load average ~15: write 122 s wall /
 * 36 s CPU (1,092 MB database → 206 MB gz), join 533 s wall / 70 s CPU,
 * peak RSS +22 MB for both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import { joinFromSnapshot, writeSnapshot } from '../../../electron/services/sync/snapshot';
import { fsShare } from '../../../electron/services/sync/share';
import type { Figure } from '../harness';
import { largeLedgerDb } from './ledger';

const actor = { user: 'bench', device: 'bench' };

/** Runs fn once; wall, CPU and the highest RSS seen (sampled every 50 ms) above the RSS at the start. */
async function once(name: string, fn: () => Promise<string>): Promise<Figure> {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let note: string;
  try {
    note = await fn();
  } finally {
    clearInterval(sampler);
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { name, medianMs: wall, runs: 1, cpuMs: (c.user + c.system) / 1000, note: `${note}; peak RSS +${((peak - rss0) / 1024 / 1024).toFixed(0)} MB` };
}

export async function joinFigures(): Promise<Figure[]> {
  const cached = await largeLedgerDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-join-'));
  const shareDir = path.join(dir, 'share');
  fs.mkdirSync(shareDir);
  const share = fsShare(shareDir);
  const figures: Figure[] = [];
  try {
    const srcFile = path.join(dir, 'source.db');
    fs.copyFileSync(cached, srcFile);
    const src = await AppRuntime.start({ dbFile: srcFile, actor });
    // The background integrity check of a large file would compete with the figure.
    await src.whenChecked();
    const docs = (src.database().sqlite.prepare('SELECT count(*) AS n FROM ar_documents').get() as { n: number }).n;
    let manifest: Awaited<ReturnType<typeof writeSnapshot>> | null = null;
    figures.push(
      await once('write a snapshot of the large data set', async () => {
        manifest = await writeSnapshot(src.context(), share, '00000000000000aa', 'bench');
        const size = fs.statSync(path.join(shareDir, ...manifest.file.split('/'))).size;
        return `${docs} documents, ${(fs.statSync(srcFile).size / 1024 / 1024).toFixed(0)} MB database → ${(size / 1024 / 1024).toFixed(0)} MB gz`;
      }),
    );
    src.close();
    const joiner = await AppRuntime.start({ dbFile: path.join(dir, 'joiner.db'), dataDir: path.join(dir, 'joiner'), actor });
    figures.push(
      await once('join the large data set from the snapshot', async () => {
        await joinFromSnapshot(joiner.context(), share, manifest!);
        const n = (joiner.database().sqlite.prepare('SELECT count(*) AS n FROM ar_documents').get() as { n: number }).n;
        return `${n} documents joined`;
      }),
    );
    joiner.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
