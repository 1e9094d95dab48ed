/**
 * Where a command's time goes, for `DEALERDESK_TIMING=1 dealerdesk …`: each
 * phase is the time since the previous mark, the first measured from the
 * start of the process (Node's performance clock starts with it), so start-up
 * before our code runs counts too. Printed on stderr as one JSON line, which
 * the bench reads; stdout stays the command's own output. Off by default.
 */
import type { CliIo } from './command';

const enabled = process.env.DEALERDESK_TIMING === '1';
const marks: [string, number][] = [];

/** Marks the end of a phase (no-op unless timing is on). */
export function phase(name: string): void {
  if (enabled) marks.push([name, performance.now()]);
}

export function printPhases(io: CliIo): void {
  if (!enabled) return;
  phase('end');
  const out: Record<string, number> = {};
  let last = 0;
  for (const [name, at] of marks) {
    out[name] = Math.round((at - last) * 10) / 10;
    last = at;
  }
  io.err(`DEALERDESK_TIMING ${JSON.stringify(out)}`);
}
