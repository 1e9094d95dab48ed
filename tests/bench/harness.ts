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
}

export async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>, note?: string): Promise<Figure> {
  const times: number[] = [];
  await fn(); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)], runs, note };
}

export function printFigure(f: Figure): void {
  console.log(`${f.name.padEnd(58)} ${f.medianMs.toFixed(1).padStart(9)} ms  (median of ${f.runs})${f.note ? `  ${f.note}` : ''}`);
}

export function cachePath(name: string): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return path.join(CACHE_DIR, name);
}
