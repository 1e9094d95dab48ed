/**
 * Where a command's time goes, for `DEALERDESK_TIMING=1 dealerdesk …`: each
 * phase is the time since the previous mark, the first measured from the
 * start of the process (Node's performance clock and CPU counters start with
 * it), so start-up before our code runs counts too. Printed on stderr as two
 * JSON lines, wall-clock and CPU milliseconds per phase (on a shared machine
 * the wall time also counts other processes' turns; the CPU time is this
 * process's own work), which the bench reads; stdout stays the command's own
 * output. Off by default.
 *
 * The phases of a database command: node (Node's own start-up, up to the
 * first line of bin/dealerdesk.cjs), entry (loading the CLI bundle's entry:
 * argument parsing, help, command list), runtime (one chunk: database layer
 * with SQLite's JavaScript, zod, Kysely, migrations list, dispatcher,
 * services; scripts/build-cli.mjs), open (the native SQLite addon, file
 * checks, quick_check or its stamp, migrations check, pragmas), schemas
 * (the called method's area: its zod schemas and handlers), query, output
 * (JSON to stdout), end (closing).
 */
import type { CliIo } from './command';

const enabled = process.env.DEALERDESK_TIMING === '1';
const marks: [string, number, number][] = [];

/** bin/dealerdesk.cjs notes when its first line ran: [performance.now(), CPU µs]. */
const binStarted = (globalThis as { [k: symbol]: unknown })[Symbol.for('dealerdesk.binStarted')] as [number, number] | undefined;
if (enabled && binStarted) marks.push(['node', binStarted[0], binStarted[1] / 1000]);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Marks the end of a phase (no-op unless timing is on). */
export function phase(name: string): void {
  if (enabled) marks.push([name, performance.now(), cpuMs()]);
}

export function printPhases(io: CliIo): void {
  if (!enabled) return;
  phase('end');
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  let lastWall = 0;
  let lastCpu = 0;
  for (const [name, at, used] of marks) {
    wall[name] = Math.round((at - lastWall) * 10) / 10;
    cpu[name] = Math.round((used - lastCpu) * 10) / 10;
    lastWall = at;
    lastCpu = used;
  }
  io.err(`DEALERDESK_TIMING ${JSON.stringify(wall)}`);
  io.err(`DEALERDESK_TIMING_CPU ${JSON.stringify(cpu)}`);
}
