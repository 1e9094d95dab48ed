/**
 * Where a chunked import's time goes (issue 17 point 4: measure first): the
 * bench switches this on, the import marks the end of each phase (waiting
 * for the write lock, checks, re-derivation, writing documents and spans,
 * commits, pauses), and the bench prints the breakdown next to the figure.
 * Phases are timed back to back: each mark adds the wall (and, but for the
 * per-customer phases, CPU) time since the previous mark to its phase. Off, a
 * mark costs one branch per customer, nothing per row. It also counts how
 * many customers' replays resumed at the earliest imported date and how many
 * replayed the whole history (ledger/imports/common.ts unitReplay).
 */

export type ImportPhase = 'prepare' | 'wait' | 'checks' | 'derive' | 'documents' | 'spans' | 'units' | 'commit' | 'checkpoint' | 'pause' | 'finish';

const ORDER: readonly ImportPhase[] = ['prepare', 'wait', 'checks', 'derive', 'documents', 'spans', 'units', 'commit', 'checkpoint', 'pause', 'finish'];

/**
 * Phases marked once per customer: wall time only. Reading the process's CPU
 * time is a system call that cost ~25 µs a time on a loaded machine, 0.6 s
 * over 5,000 customers; their CPU is taken together, per chunk, as 'units'.
 */
const PER_CUSTOMER: ReadonlySet<ImportPhase> = new Set(['checks', 'derive', 'documents', 'spans']);

/** Wall and CPU milliseconds (CPU too: on a shared machine the wall time also counts other processes' turns). */
interface Spent {
  wall: number;
  cpu: number;
}

/** How many customers' replays resumed at the earliest imported date, and how many replayed the whole history (ledger/imports/common.ts). */
export interface ReplayCounts {
  resumed: number;
  full: number;
}

export type ImportPhases = Partial<Record<ImportPhase, Spent>> & { replays?: ReplayCounts };

let current: Map<ImportPhase, Spent> | null = null;
let replays: ReplayCounts = { resumed: 0, full: 0 };
let last: Spent = { wall: 0, cpu: 0 };

function now(): Spent {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
}

/** Starts collecting (drops what an earlier run collected). */
export function collectImportPhases(): void {
  current = new Map();
  replays = { resumed: 0, full: 0 };
  last = now();
}

/** What was collected since collectImportPhases, and stops collecting. */
export function takeImportPhases(): ImportPhases {
  const out = Object.fromEntries(current ?? []) as ImportPhases;
  if (current !== null) out.replays = replays;
  current = null;
  return out;
}

export const phasesOn = (): boolean => current !== null;

/** A customer's unit replayed its documents: resumed at a date, or the whole history. */
export function replayDone(resumed: boolean): void {
  if (current === null) return;
  if (resumed) replays.resumed++;
  else replays.full++;
}

/** The time since the previous mark belongs to `phase`. */
export function phaseDone(phase: ImportPhase): void {
  if (current === null) return;
  const spent = current.get(phase) ?? { wall: 0, cpu: 0 };
  current.set(phase, spent);
  if (PER_CUSTOMER.has(phase)) {
    const wall = performance.now();
    spent.wall += wall - last.wall;
    last = { wall, cpu: last.cpu };
    return;
  }
  const t = now();
  spent.wall += t.wall - last.wall;
  spent.cpu += t.cpu - last.cpu;
  last = t;
}

/** One line for the bench: `documents 6.1 s · units cpu 9.8 s · commit 2.0 s/cpu 1.1 · …`, in a fixed order. */
export function formatImportPhases(phases: ImportPhases): string {
  const s = (ms: number): string => (ms / 1000).toFixed(1);
  const times = ORDER.filter((p) => phases[p] !== undefined).map((p) => {
    const spent = phases[p] as Spent;
    if (PER_CUSTOMER.has(p)) return `${p} ${s(spent.wall)} s`;
    if (p === 'units') return `units cpu ${s(spent.cpu)} s`;
    return `${p} ${s(spent.wall)} s/cpu ${s(spent.cpu)}`;
  });
  const r = phases.replays;
  return [...times, ...(r ? [`replays resumed ${r.resumed}, whole history ${r.full}`] : [])].join(' · ');
}
