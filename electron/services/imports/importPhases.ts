/**
 * Where a chunked import's time goes (issue 17 point 4: measure first): the
 * bench switches this on, the import marks the end of each phase (waiting
 * for the write lock, checks, re-derivation, writing documents and spans,
 * commits, pauses), and the bench prints the breakdown next to the figure.
 * Phases are timed back to back: each mark adds the wall and CPU time since
 * the previous mark to its phase. Off, a mark costs one branch per customer,
 * nothing per row.
 */

export type ImportPhase = 'prepare' | 'wait' | 'checks' | 'derive' | 'documents' | 'spans' | 'commit' | 'pause' | 'finish';

const ORDER: readonly ImportPhase[] = ['prepare', 'wait', 'checks', 'derive', 'documents', 'spans', 'commit', 'pause', 'finish'];

/** Wall and CPU milliseconds (CPU too: on a shared machine the wall time also counts other processes' turns). */
interface Spent {
  wall: number;
  cpu: number;
}

export type ImportPhases = Partial<Record<ImportPhase, Spent>>;

let current: Map<ImportPhase, Spent> | null = null;
let last: Spent = { wall: 0, cpu: 0 };

function now(): Spent {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
}

/** Starts collecting (drops what an earlier run collected). */
export function collectImportPhases(): void {
  current = new Map();
  last = now();
}

/** What was collected since collectImportPhases, and stops collecting. */
export function takeImportPhases(): ImportPhases {
  const out = Object.fromEntries(current ?? []) as ImportPhases;
  current = null;
  return out;
}

export const phasesOn = (): boolean => current !== null;

/** The time since the previous mark belongs to `phase`. */
export function phaseDone(phase: ImportPhase): void {
  if (current === null) return;
  const t = now();
  const spent = current.get(phase) ?? { wall: 0, cpu: 0 };
  spent.wall += t.wall - last.wall;
  spent.cpu += t.cpu - last.cpu;
  current.set(phase, spent);
  last = t;
}

/** One line for the bench: `documents 6.1 s/cpu 5.2 · …`, in a fixed order. */
export function formatImportPhases(phases: ImportPhases): string {
  return ORDER.filter((p) => phases[p] !== undefined)
    .map((p) => `${p} ${((phases[p] as Spent).wall / 1000).toFixed(1)} s/cpu ${((phases[p] as Spent).cpu / 1000).toFixed(1)}`)
    .join(' · ');
}
