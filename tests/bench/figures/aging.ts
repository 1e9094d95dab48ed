/**
 * Aging and dashboard figures (issue 6 budgets), on the ledger figures'
 * cached large demo (5,000 customers, ~1M documents; built by
 * largeLedgerDb when missing), timed through the dispatcher (rt.invoke) as
 * the UI and the CLI call them:
 *  - aging report as of today, all customers, median < 300 ms, and its ratio
 *    to a floor query that only sums open amounts per customer (target ≤ 3),
 *  - aging as of a date two years back < 500 ms,
 *  - dashboard data < 500 ms.
 * Issue 17 adds, per date (today, last month-end, two years back) and basis:
 * the report, the floor query for that date (Σ open per customer alive at
 * the date, read from the open spans; no buckets, names or exceptions) and
 * their ratio (target ≤ 3), with the reference timing of the obviously
 * correct path (replaying every customer as of the date), and the report
 * again read whole: customerFactsCache.ts keeps the customer facts and
 * figuresCache.ts the figures until the books change (here another
 * connection's commit drops both); after a one-customer write only that
 * customer is read again (timed after a receipt). The whole-process
 * command-line figures are the cli group's (figures/cli.ts).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgingReport } from '../../../shared/api/aging';
import { addDays } from '../../../shared/dates/calendar';
import { AppRuntime } from '../../../electron/api/runtime';
import { bucketsFor } from '../../../electron/services/aging/bucketSettings';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import { agingOf, type AgingBasis, type AgingResult } from '../../../shared/receivables/aging';
import { agingFilterSchema } from '../../../shared/api/aging';
import { customersWithCrossingVoids } from '../../../electron/services/aging/crossingVoids';
import { filteredCustomers } from '../../../electron/services/aging/customerBalances';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { agingFromSpans, openTotalsFromSpans } from '../../../electron/services/aging/spansAsOf';
import { agingFromStoredState } from '../../../electron/services/aging/currentFigures';
import { latestDocDate } from '../../../electron/services/aging/openAmounts';
import { cachePath, measure, measureOnce, migratedInPlace, type Figure } from '../harness';
import { largeLedgerDb } from './ledger';

const actor = { user: 'bench', device: 'bench' };

/** The medium demo (customers, contracts, ~20,000 documents), built once and cached. */
export async function mediumDemoDb(): Promise<string> {
  const file = cachePath('aging-medium-v1.db');
  if (fs.existsSync(file)) return migratedInPlace(file);
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

/**
 * The obviously correct path: every customer's documents replayed as of the
 * date by the shared engine. Each date and basis prints its timing beside
 * the report's, with a row-by-row check (sameRows), where the report's time
 * goes (breakdown) and the ratio to the floor also measured paired (pairedRatio).
 */
function replayEveryCustomer(rt: AppRuntime, asOf: string, basis: AgingBasis): Map<string, AgingResult> {
  const ctx = rt.context();
  const buckets = bucketsFor(ctx, basis);
  const out = new Map<string, AgingResult>();
  for (const { id } of rt.database().sqlite.prepare('SELECT id FROM customers').all() as { id: string }[]) {
    out.set(id, agingOf(loadCustomerDocs(ctx, id), asOf, basis, buckets));
  }
  return out;
}

/** Like measure, with `prepare` run untimed before each run (and before the warm-up). */
async function measureAfter(name: string, runs: number, prepare: () => unknown, fn: () => unknown): Promise<Figure> {
  const wall: number[] = [];
  const cpu: number[] = [];
  await prepare();
  await fn();
  for (let i = 0; i < runs; i++) {
    await prepare();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { name, medianMs: median(wall), runs, cpuMs: median(cpu) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The ratio of a report to its floor with the two run alternately, one pair
 * at a time (median of the per-pair ratios, wall and CPU): on a machine
 * shared with other work a busy second slows both halves of a pair alike,
 * where two medians taken a second apart can each catch a different load.
 */
async function pairedRatio(runs: number, floor: () => unknown, report: () => unknown, beforeEach: () => unknown = () => undefined): Promise<string> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const time = async (fn: () => unknown): Promise<[number, number]> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const c = process.cpuUsage(c0);
    return [performance.now() - t0, (c.user + c.system) / 1000];
  };
  await beforeEach();
  await floor();
  await beforeEach();
  await report();
  for (let i = 0; i < runs; i++) {
    await beforeEach();
    const [fw, fc] = await time(floor);
    await beforeEach();
    const [rw, rc] = await time(report);
    wall.push(rw / fw);
    if (fc > 0) cpu.push(rc / fc);
  }
  return `wall ${median(wall).toFixed(2)}, CPU ${cpu.length ? median(cpu).toFixed(2) : '—'}`;
}

/** Whether the report's rows are the replay's, bucket by bucket (null), or the first difference. */
function sameRows(report: AgingReport, replayed: Map<string, AgingResult>): string | null {
  const rows = new Map(report.rows.map((r) => [r.customerId, r]));
  for (const [id, r] of replayed) {
    const row = rows.get(id);
    const expected = JSON.stringify([r.bucketsFen, r.unappliedFen]);
    const got = row === undefined ? JSON.stringify([r.bucketsFen.map(() => 0), 0]) : JSON.stringify([row.bucketsFen, row.unappliedFen]);
    if (got !== expected) return `DIFFERS from the report for customer ${id}: ${got} vs ${expected}`;
  }
  return null;
}

/**
 * Where the report's time goes as of a date (CPU ms, median): the customer
 * list, the open spans alive then, finding the customers a void crosses,
 * their void-window spans (what the report reads), and, for scale, what
 * replaying those customers as of the date costs (what it read before).
 */
async function breakdown(rt: AppRuntime, asOf: string, basis: AgingBasis): Promise<Figure[]> {
  const ctx = rt.context();
  const buckets = bucketsFor(ctx, basis);
  const filter = agingFilterSchema.parse({ basis });
  const crossing = customersWithCrossingVoids(ctx, asOf);
  const parts: [string, () => unknown][] = [
    ['customers (cached)', () => filteredCustomers(ctx, filter)],
    ['(customers read afresh)', () => ctx.db.prepare('SELECT c.id, c.code, c.name, c.sort_key AS sortKey, c.grade, c.kind, c.region, c.salesperson FROM main.customers c').all()],
  ];
  // Nothing dated after the date (today): the report reads the stored state, not the spans (aging/currentFigures.ts).
  const latest = latestDocDate(ctx);
  if (latest === null || latest <= asOf) {
    parts.push(['stored state', () => agingFromStoredState(ctx, asOf, basis, buckets)], ['(open spans, not read)', () => agingFromSpans(ctx, asOf, basis, buckets)]);
  } else {
    parts.push(
      ['open spans', () => agingFromSpans(ctx, asOf, basis, buckets)],
      ['crossing voids', () => customersWithCrossingVoids(ctx, asOf)],
      ['window spans', () => agingFromSpans(ctx, asOf, basis, buckets, 'ar_void_window_spans')],
    );
  }
  parts.push(
    [`(replaying those ${crossing.length})`, () => crossing.map((id) => agingOf(loadCustomerDocs(ctx, id), asOf, basis, buckets))],
  );
  const out: string[] = [];
  let read = 0;
  for (const [name, fn] of parts) {
    const cpu = (await measure(name, 15, fn)).cpuMs ?? 0;
    if (!name.startsWith('(')) read += cpu;
    out.push(`${name} ${cpu.toFixed(1)}`);
  }
  return [{ name: `    breakdown: the report's reads, CPU ms summed`, medianMs: read, runs: 15, note: `${out.join(', ')}; ${crossing.length} customers crossed by a void` }];
}

export async function agingFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-aging-'));
  const work = path.join(dir, 'aging.db');
  fs.copyFileSync(await largeLedgerDb(), work);
  const rt = await AppRuntime.start({ dbFile: work, actor });
  let second: Database.Database | null = null;
  // The copy is checked (quick_check) by a worker thread of this process: wait, or its CPU time would count in the first figures.
  await rt.whenChecked();
  try {
    const size = `${count(rt, 'SELECT count(*) AS n FROM customers')} customers, ${count(rt, 'SELECT count(*) AS n FROM ar_documents')} documents, ${count(
      rt,
      'SELECT count(*) AS n FROM ar_allocations',
    )} allocations`;
    const today = rt.clock.today();
    const twoYearsBack = addDays(today, -730);
    const sqlite = rt.database().sqlite;
    // Another connection's commit to a customer (what another PC's change arriving looks like): the
    // kept customer facts are read whole again on the next report (customerFactsCache.ts).
    const someCustomer = (sqlite.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string }).id;
    second = new Database(work);
    const touchCustomerSql = second.prepare('UPDATE customers SET notes = ? WHERE id = ?');
    let touches = 0;
    // A real change: a commit that changes no byte of the file does not move data_version (nor need it).
    const touchCustomer = () => touchCustomerSql.run(`bench ${touches++}`, someCustomer);
    const floorSql = sqlite.prepare(`SELECT customer_id, SUM(open_fen) AS open FROM ar_documents WHERE open_fen > 0 GROUP BY customer_id`);

    const floor = await measure('floor: Σ open per customer, no buckets (SQL only)', 30, () => floorSql.all(), size);
    const ctx = rt.context();
    const buckets = bucketsFor(ctx, 'due');
    const bucketed = await measure('the same with 7 buckets and overdue (the report\'s SQL part)', 30, () => agingFromSpans(ctx, today, 'due', buckets));
    bucketed.note = `ratio to the floor ${(bucketed.medianMs / floor.medianMs).toFixed(2)}`;
    const todayReport = await measure('aging.report as of today, all customers (due basis)', 30, () => rt.invoke<AgingReport>('aging.report', {}));
    const rows = (await rt.invoke<AgingReport>('aging.report', {})).total;
    todayReport.note = `${rows} rows; ratio to the floor ${(todayReport.medianMs / floor.medianMs).toFixed(2)} (target ≤ 3)`;
    // After a receipt (a one-customer write, untimed) the kept figures are carried and that customer is read again.
    let receipts = 0;
    const postReceipt = () => rt.invoke('ledger.postReceipt', { customerId: someCustomer, date: today, amountFen: 1, memo: `bench ${receipts++}` });
    const afterWrite = await measureAfter('  the same right after a receipt (its customer read again)', 15, postReceipt, () => rt.invoke('aging.report', {}));
    afterWrite.note = `ratio to the floor ${(afterWrite.medianMs / floor.medianMs).toFixed(2)}`;
    // Nothing kept: another connection's commit (untimed) before each run; customer facts and figures are read whole.
    const readWhole = await measureAfter('  the same read whole (after another PC\'s commit)', 15, touchCustomer, () => rt.invoke('aging.report', {}));
    readWhole.note = `ratio to the floor ${(readWhole.medianMs / floor.medianMs).toFixed(2)}`;
    figures.push(floor, bucketed, todayReport, afterWrite, readWhole);
    figures.push(await measure('aging.report as of today, document basis', 15, () => rt.invoke('aging.report', { basis: 'document' })));
    figures.push(
      await measure(`aging.report as of ${twoYearsBack} (two years back)`, 15, () => rt.invoke('aging.report', { asOf: twoYearsBack }), `${(await rt.invoke<AgingReport>('aging.report', { asOf: twoYearsBack })).total} rows`),
    );
    const monthEnd = addDays(today.slice(0, 8) + '01', -1);
    figures.push(await measure(`aging.report as of ${monthEnd} (last month-end)`, 15, () => rt.invoke('aging.report', { asOf: monthEnd })));
    figures.push(await measure('aging.report first page of 200 (what the screen asks)', 15, () => rt.invoke('aging.report', { limit: 200 })));
    for (const [label, asOf] of [['today', today], ['last month-end', monthEnd], ['two years back', twoYearsBack]] as const) {
      const spanFloor = await measure(`  floor as of ${asOf} (${label}): Σ open per customer alive then`, 30, () => openTotalsFromSpans(ctx, asOf));
      figures.push(spanFloor);
      for (const basis of ['due', 'document'] as const) {
        const f = await measure(`  aging.report as of ${asOf}, ${basis} basis`, 15, () => rt.invoke('aging.report', { asOf, basis }));
        const cpuRatio = f.cpuMs !== undefined && spanFloor.cpuMs ? `, in CPU time ${(f.cpuMs / spanFloor.cpuMs).toFixed(2)}` : '';
        const paired = await pairedRatio(21, () => openTotalsFromSpans(ctx, asOf), () => rt.invoke('aging.report', { asOf, basis }));
        f.note = `ratio to the floor of the date ${(f.medianMs / spanFloor.medianMs).toFixed(2)}${cpuRatio}; paired ${paired} (target ≤ 3)`;
        figures.push(f);
        // The same read whole: an untimed edit of one customer committed by another connection before
        // each run drops the kept facts and figures. (A write on this connection re-reads only its customer.)
        const cold = await measureAfter(`    the same read whole (after another PC's commit)`, 15, touchCustomer, () => rt.invoke('aging.report', { asOf, basis }));
        // Another connection's commit also empties this connection's page cache: paired, the floor runs after one too.
        const coldPaired = await pairedRatio(21, () => openTotalsFromSpans(ctx, asOf), () => rt.invoke('aging.report', { asOf, basis }), touchCustomer);
        cold.note = `ratio to the warm floor of the date ${(cold.medianMs / spanFloor.medianMs).toFixed(2)}, in CPU time ${(cold.cpuMs! / spanFloor.cpuMs!).toFixed(2)}; paired (each half after such a commit) ${coldPaired}`;
        figures.push(cold);
        figures.push(...(await breakdown(rt, asOf, basis)));
        const fast = await rt.invoke<AgingReport>('aging.report', { asOf, basis, limit: null });
        const ref = measureOnce(`    reference: replay every customer as of ${asOf} (${basis} basis)`, () => replayEveryCustomer(rt, asOf, basis));
        const differs = sameRows(fast, replayEveryCustomer(rt, asOf, basis));
        ref.note = `${differs ?? `same ${fast.total} rows as the report, every bucket`}; the report is ${(ref.medianMs / f.medianMs).toFixed(0)}× faster (wall), ${(ref.cpuMs! / f.cpuMs!).toFixed(0)}× (CPU)`;
        figures.push(ref);
      }
    }
    figures.push(await measure('dashboard.get (today)', 15, () => rt.invoke('dashboard.get', {})));
  } finally {
    second?.close();
    rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  return figures;
}
