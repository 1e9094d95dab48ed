/**
 * Bench plumbing: time a function several times and report the median, and
 * keep generated databases in tests/bench/.cache between runs (never in CI).
 */
import fs from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = path.resolve(__dirname, '.cache');

export interface Figure {
  name: string;
  medianMs: number;
  runs: number;
  note?: string;
  /** Median CPU time of this process per run: on a shared machine the wall time also counts other processes' turns. */
  cpuMs?: number;
}

export async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>, note?: string): Promise<Figure> {
  const times: number[] = [];
  const cpu: number[] = [];
  await fn(); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)], runs, note, cpuMs: cpu[Math.floor(cpu.length / 2)] };
}

export function printFigure(f: Figure): void {
  const cpu = f.cpuMs === undefined ? '' : `  cpu ${f.cpuMs.toFixed(1)} ms`;
  console.log(`${f.name.padEnd(58)} ${f.medianMs.toFixed(1).padStart(9)} ms  (median of ${f.runs})${cpu}${f.note ? `  ${f.note}` : ''}`);
}

/**
 * A cached database brought up to the current schema in place, once, so the
 * figures' copies open without migrating (a new migration that derives data,
 * such as the open spans, would otherwise run on every copy). The backup the
 * migration writes first is dropped: the cache can always be rebuilt.
 */
export async function migratedInPlace(file: string): Promise<string> {
  const { openDatabase } = await import('../../db/open');
  const { backupDirFor } = await import('../../db/backup');
  const t0 = performance.now();
  const { db, migration } = await openDatabase(file);
  db.close();
  fs.rmSync(backupDirFor(file), { recursive: true, force: true });
  if (migration.applied.length > 0) {
    process.stderr.write(`${path.basename(file)}: migrated (${migration.applied.join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  return file;
}

export function cachePath(name: string): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return path.join(CACHE_DIR, name);
}

/** One timing of something too slow to repeat (a reference replay), wall and CPU. */
export function measureOnce(name: string, fn: () => unknown, note?: string): Figure {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { name, medianMs: ms, runs: 1, cpuMs: (c.user + c.system) / 1000, note };
}
