/**
 * Statement figures (issue 8 budgets):
 *  - one statement of 30 lines, warm (render + write + record): < 150 ms,
 *  - a 2,000-line statement (many pages): < 2 s,
 *  - 月结 batch of the medium data set's month (≈500 statements): < 60 s,
 *    with RSS before, during (peak) and after — it must stay flat.
 * On a copy of a cached database: the medium demo (customers, contracts,
 * ledger) plus two bench customers with exactly 30 and 2,000 lines in the
 * month. The clock is pinned so the data and the period never move.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CustomerDetail } from '../../../shared/api/customers';
import { addDays } from '../../../shared/dates/calendar';
import { fixedClock } from '../../../shared/dates/clock';
import { lastMonthPeriod } from '../../../shared/statements/period';
import { AppRuntime } from '../../../electron/api/runtime';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import { loadCustomerHistory, newDocumentId, type LoadDocument } from '../../../electron/services/ledger/bulkLoad';
import { runBatch } from '../../../electron/services/statements/batch';
import { generateStatement } from '../../../electron/services/statements/generate';
import { cachePath, measure, type Figure } from '../harness';

const actor = { user: 'bench', device: 'bench' };
const clock = fixedClock('2026-12-05T02:00:00Z');
const PERIOD = lastMonthPeriod(clock.today());

/** n documents in the period for a new customer: invoices, with every fourth a receipt. */
function monthOfDocuments(customerId: string, n: number, tag: string): LoadDocument[] {
  const docs: LoadDocument[] = [];
  for (let i = 0; i < n; i++) {
    const date = addDays(PERIOD.from, Math.floor((i * 30) / n));
    const receipt = i % 4 === 3;
    docs.push({
      id: newDocumentId(),
      customerId,
      kind: receipt ? 'receipt' : 'invoice',
      side: receipt ? 'credit' : 'debit',
      docNo: `${tag}-${receipt ? 'R' : 'I'}${String(i).padStart(5, '0')}`,
      docDate: date,
      dueOn: receipt ? null : addDays(date, 30),
      amountFen: 10_000 + ((i * 7919) % 2_000_000),
      method: receipt ? 'bank_transfer' : null,
      memo: i % 9 === 0 ? '螺纹钢 HRB400 20 吨，按合同 HT202611-0012 第 3 批发货（长摘要在本列内换行）' : '',
    });
  }
  return docs;
}

async function addBenchCustomer(rt: AppRuntime, code: string, lines: number): Promise<void> {
  const c = await rt.invoke<CustomerDetail>('customers.create', { code, name: `基准测试客户${code}`, paymentTermDays: 30 });
  rt.database().transaction(() => loadCustomerHistory(rt.context(), c.id, monthOfDocuments(c.id, lines, code), 'bench statements'));
}

async function statementDb(): Promise<string> {
  const file = cachePath('statements-medium-v1.db');
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const rt = await AppRuntime.start({ dbFile: building, actor, clock });
  const t0 = performance.now();
  await generateDemo(rt, { size: 'medium', seed: 1 }, (msg) => process.stderr.write(`\r${msg}`.padEnd(60)));
  await addBenchCustomer(rt, 'BENCH-30', 30);
  await addBenchCustomer(rt, 'BENCH-2000', 2_000);
  process.stderr.write(`\nmedium demo built in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  rt.close();
  fs.renameSync(building, file);
  return file;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const idOf = (rt: AppRuntime, code: string): string =>
  (rt.database().sqlite.prepare(`SELECT id FROM customers WHERE code = ?`).get(code) as { id: string }).id;

export async function statementFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-statements-'));
  const work = path.join(dir, 'statements.db');
  fs.copyFileSync(await statementDb(), work);
  const rt = await AppRuntime.start({ dbFile: work, dataDir: dir, actor, clock });
  const ctx = () => rt.context();
  const period = { from: PERIOD.from, to: PERIOD.to };

  const thirty = { customerId: idOf(rt, 'BENCH-30'), ...period };
  const g30 = await generateStatement(ctx(), thirty);
  figures.push(
    await measure('statements.generate, 30 lines, warm (render + store + record)', 20, () => generateStatement(ctx(), thirty), `${g30.statement.lineCount} lines, ${g30.statement.pages} page(s)`),
  );
  const big = { customerId: idOf(rt, 'BENCH-2000'), ...period };
  const g2000 = await generateStatement(ctx(), big);
  figures.push(await measure('statements.generate, 2,000 lines', 3, () => generateStatement(ctx(), big), `${g2000.statement.lineCount} lines, ${g2000.statement.pages} pages`));

  // The batch: every customer of the month, forced so the statements above are regenerated too.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const samples: string[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await runBatch(ctx(), { ...period, outDir: path.join(dir, 'batch'), force: true, merged: false, mergedPath: null }, {
    onProgress: (p) => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if (p.done > 0 && p.done % 100 === 0) samples.push(`${p.done}: ${mb(rss)}`);
    },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  gc?.();
  const after = process.memoryUsage().rss;
  figures.push({
    name: `statements batch (月结) ${period.from}..${period.to}, medium data set`,
    medianMs: ms,
    runs: 1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    note: `${result.generated} generated, ${result.failed.length} failed of ${result.total}; RSS before ${mb(before)}, peak ${mb(peak)}, after ${mb(after)} (${samples.join(', ')})`,
  });

  rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
