/**
 * Aging and dashboard figures (issue 6 budgets), on the ledger figures'
 * cached large demo (5,000 customers, ~1M documents; built by
 * largeLedgerDb when missing), timed through the dispatcher (rt.invoke) as
 * the UI and the CLI call them:
 *  - aging report as of today, all customers, median < 300 ms, and its ratio
 *    to a floor query that only sums open amounts per customer (target ≤ 3),
 *  - aging as of a date two years back < 500 ms,
 *  - dashboard data < 500 ms,
 *  - the whole process of `npm run -s cli -- aging --json` on the medium demo.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgingReport } from '../../../shared/api/aging';
import { addDays } from '../../../shared/dates/calendar';
import { AppRuntime } from '../../../electron/api/runtime';
import { currentOpenAmounts } from '../../../electron/services/aging/openAmounts';
import { bucketsFor } from '../../../electron/services/aging/bucketSettings';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import { cachePath, measure, type Figure } from '../harness';
import { largeLedgerDb } from './ledger';

const actor = { user: 'bench', device: 'bench' };
const ROOT = path.resolve(__dirname, '../../..');

/** The medium demo (customers, contracts, ~20,000 documents), built once and cached. */
async function mediumDemoDb(): Promise<string> {
  const file = cachePath('aging-medium-v1.db');
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const rt = await AppRuntime.start({ dbFile: building, actor });
  await generateDemo(rt, { size: 'medium', seed: 1 }, (msg) => process.stderr.write(`\r${msg}`.padEnd(60)));
  process.stderr.write('\n');
  rt.close();
  fs.renameSync(building, file);
  return file;
}

const count = (rt: AppRuntime, sql: string): number => (rt.database().sqlite.prepare(sql).get() as { n: number }).n;

/** Wall-clock time of a whole command, start-up included, as a user or a script feels it. */
function wholeProcess(name: string, runs: number, command: string, args: string[], note: string): Figure {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)], runs, note };
}

export async function agingFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-aging-'));
  const work = path.join(dir, 'aging.db');
  fs.copyFileSync(await largeLedgerDb(), work);
  const rt = await AppRuntime.start({ dbFile: work, actor });
  try {
    const size = `${count(rt, 'SELECT count(*) AS n FROM customers')} customers, ${count(rt, 'SELECT count(*) AS n FROM ar_documents')} documents, ${count(
      rt,
      'SELECT count(*) AS n FROM ar_allocations',
    )} allocations`;
    const today = rt.clock.today();
    const twoYearsBack = addDays(today, -730);
    const sqlite = rt.database().sqlite;
    const floorSql = sqlite.prepare(`SELECT customer_id, SUM(open_fen) AS open FROM ar_documents WHERE open_fen > 0 GROUP BY customer_id`);

    const floor = await measure('floor: Σ open per customer, no buckets (SQL only)', 30, () => floorSql.all(), size);
    const ctx = rt.context();
    const buckets = bucketsFor(ctx, 'due');
    const bucketed = await measure('the same with 7 buckets and overdue (the report\'s SQL part)', 30, () => currentOpenAmounts(ctx, today, 'due', buckets));
    bucketed.note = `ratio to the floor ${(bucketed.medianMs / floor.medianMs).toFixed(2)}`;
    const todayReport = await measure('aging.report as of today, all customers (due basis)', 30, () => rt.invoke<AgingReport>('aging.report', {}));
    const rows = (await rt.invoke<AgingReport>('aging.report', {})).total;
    todayReport.note = `${rows} rows; ratio to the floor ${(todayReport.medianMs / floor.medianMs).toFixed(2)} (target ≤ 3)`;
    figures.push(floor, bucketed, todayReport);
    figures.push(await measure('aging.report as of today, document basis', 15, () => rt.invoke('aging.report', { basis: 'document' })));
    figures.push(
      await measure(`aging.report as of ${twoYearsBack} (two years back)`, 15, () => rt.invoke('aging.report', { asOf: twoYearsBack }), `${(await rt.invoke<AgingReport>('aging.report', { asOf: twoYearsBack })).total} rows`),
    );
    const monthEnd = addDays(today.slice(0, 8) + '01', -1);
    figures.push(await measure(`aging.report as of ${monthEnd} (last month-end)`, 15, () => rt.invoke('aging.report', { asOf: monthEnd })));
    figures.push(await measure('aging.report first page of 200 (what the screen asks)', 15, () => rt.invoke('aging.report', { limit: 200 })));
    figures.push(await measure('dashboard.get (today)', 15, () => rt.invoke('dashboard.get', {})));
  } finally {
    rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const medium = await mediumDemoDb();
  const mediumDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-aging-cli-'));
  const mediumWork = path.join(mediumDir, 'medium.db');
  fs.copyFileSync(medium, mediumWork);
  // Opened once so the copy is migrated before the timed runs (a migration takes a backup first).
  (await AppRuntime.start({ dbFile: mediumWork, actor })).close();
  const docs = (() => {
    const r = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(mediumWork)},{readonly:true});console.log(d.prepare('SELECT count(*) n FROM ar_documents').get().n)`], { cwd: ROOT, encoding: 'utf8' });
    return r.stdout.trim();
  })();
  try {
    figures.push(wholeProcess('npm run -s cli -- aging --json (medium demo, whole process)', 5, 'npm', ['run', '-s', 'cli', '--', 'aging', '--db', mediumWork, '--json'], `${docs} documents`));
    figures.push(wholeProcess('node bin/dealerdesk.cjs aging --json (same, without npm)', 5, process.execPath, ['bin/dealerdesk.cjs', 'aging', '--db', mediumWork, '--json'], `${docs} documents`));
  } finally {
    fs.rmSync(mediumDir, { recursive: true, force: true });
  }
  return figures;
}
