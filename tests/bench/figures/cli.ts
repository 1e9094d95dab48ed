/**
 * Whole-process command-line figures (issue 17 point 3): `dealerdesk aging
 * --json` through the bin (and through npm, for scale) on the medium demo
 * and on 20,000 invoices + 12,000 receipts for 500 customers, `dealerdesk
 * --help`, and bare Node for the floor. Each figure carries the breakdown
 * DEALERDESK_TIMING=1 prints, median per phase in wall and CPU ms (see
 * electron/cli/timing.ts for what each phase covers).
 *
 * The bin loads the CommonJS bundle (scripts/build-cli.mjs) through a code
 * cache each command writes on its first run after a build
 * (bin/codeCache.cjs); the untimed first run of each figure writes it.
 *
 * A read-only command skips the quick_check when the file is unchanged since
 * the last passing check (db/checkStamp.ts); the "file changed" figure
 * touches the file before every run, so it shows the cost of a command that
 * has to check again.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import type { Figure } from '../harness';
import { mediumDemoDb } from './aging';
import { cliDataSetDb } from './cliDataSet';

const actor = { user: 'bench', device: 'bench' };
const ROOT = path.resolve(__dirname, '../../..');

/** GNU time, when the system has it: the child's own CPU time (user + system), the fair figure on a shared machine. */
const GNU_TIME = ['/usr/bin/time'].find((f) => fs.existsSync(f));

/**
 * Wall-clock time of a whole command, start-up included, as a user or a
 * script feels it, and the command's CPU time (through GNU time, when
 * present); with the CLI's own DEALERDESK_TIMING breakdown (median per
 * phase, wall and CPU) added to the note when it prints one. `before` runs
 * ahead of every run, untimed.
 */
function wholeProcess(name: string, runs: number, command: string, args: string[], note: string, before?: () => void): Figure {
  const times: number[] = [];
  const cpu: number[] = [];
  const phases = new Map<string, number[]>();
  const cpuPhases = new Map<string, number[]>();
  const collect = (into: Map<string, number[]>, line: string | undefined) => {
    if (line) for (const [k, v] of Object.entries(JSON.parse(line) as Record<string, number>)) into.set(k, [...(into.get(k) ?? []), v]);
  };
  for (let i = 0; i <= runs; i++) {
    before?.();
    const t0 = performance.now();
    const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'DDCPU %U %S', command, ...args]] : [command, args];
    const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEALERDESK_TIMING: '1' } });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    if (i === 0) continue; // the first run warms the file cache and the compile caches (Node's, and the command's own code cache: bin/codeCache.cjs)
    times.push(ms);
    const used = /DDCPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (used) cpu.push((Number(used[1]) + Number(used[2])) * 1000);
    collect(phases, /DEALERDESK_TIMING (\{.*\})/.exec(r.stderr)?.[1]);
    collect(cpuPhases, /DEALERDESK_TIMING_CPU (\{.*\})/.exec(r.stderr)?.[1]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const breakdown = (m: Map<string, number[]>) => [...m].map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ');
  // Other processes' load decides much of the wall time on a shared 2-core machine: say what it was.
  // The fastest run is what the command takes when it gets the CPU at once.
  const parts = [note, `load average ${os.loadavg()[0].toFixed(1)}, fastest run ${Math.min(...times).toFixed(0)} ms`];
  if (phases.size) parts.push(`wall ms: ${breakdown(phases)}`);
  if (cpuPhases.size) parts.push(`cpu ms: ${breakdown(cpuPhases)}`);
  return { name, medianMs: median(times), runs, note: parts.join('; '), cpuMs: cpu.length ? median(cpu) : undefined };
}

const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 9);

export async function cliFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-cli-'));
  const medium = path.join(dir, 'medium.db');
  fs.copyFileSync(await mediumDemoDb(), medium);
  // Opened once so the copy is migrated before the timed runs (a migration takes a backup first).
  (await AppRuntime.start({ dbFile: medium, actor })).close();
  const docs = (() => {
    const r = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(medium)},{readonly:true});console.log(d.prepare('SELECT count(*) n FROM ar_documents').get().n)`], { cwd: ROOT, encoding: 'utf8' });
    return r.stdout.trim();
  })();
  const cliSet = path.join(dir, 'cli-set.db');
  fs.copyFileSync(await cliDataSetDb(), cliSet);
  const bin = (db: string) => ['bin/dealerdesk.cjs', 'aging', '--db', db, '--json'];
  // The same set with LAN sync on (a first round to a folder of its own): opening keeps the capture triggers as they are.
  const syncSet = path.join(dir, 'cli-set-sync.db');
  fs.copyFileSync(cliSet, syncSet);
  fs.mkdirSync(path.join(dir, 'share'));
  const enable = spawnSync(process.execPath, ['bin/dealerdesk.cjs', 'sync', '--db', syncSet, '--share', path.join(dir, 'share'), '--name', 'bench'], { cwd: ROOT, encoding: 'utf8' });
  if (enable.status !== 0) throw new Error(`sync on ${syncSet} failed: ${enable.stderr}`);
  // A new modification time (and change time) each run: the file is no longer the one last checked.
  const touch = (file: string) => () => fs.utimesSync(file, new Date(), new Date());
  try {
    figures.push(wholeProcess('npm run -s cli -- aging --json (medium demo, whole process)', RUNS, 'npm', ['run', '-s', 'cli', '--', 'aging', '--db', medium, '--json'], `${docs} documents`));
    figures.push(wholeProcess('node bin/dealerdesk.cjs aging --json (same, without npm)', RUNS, process.execPath, bin(medium), `${docs} documents`));
    figures.push(wholeProcess('  the same, file changed since its last check (quick_check)', RUNS, process.execPath, bin(medium), 'touched before each run', touch(medium)));
    figures.push(wholeProcess('node bin/dealerdesk.cjs aging --json (20,000 invoices + 12,000 receipts, 500 customers)', RUNS, process.execPath, bin(cliSet), 'issue 17 data set'));
    figures.push(wholeProcess('  the same, file changed since its last check (quick_check)', RUNS, process.execPath, bin(cliSet), 'touched before each run', touch(cliSet)));
    figures.push(wholeProcess('  the same, LAN sync on', RUNS, process.execPath, bin(syncSet), 'capture triggers kept as they are: the check stamp holds'));
    figures.push(wholeProcess('node bin/dealerdesk.cjs --help', RUNS, process.execPath, ['bin/dealerdesk.cjs', '--help'], 'no database'));
    figures.push(wholeProcess('node -e 0 (bare Node start-up, for scale)', RUNS, process.execPath, ['-e', '0'], 'the floor of any command'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
