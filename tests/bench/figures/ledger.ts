/**
 * Ledger figures (issue 5 budgets, medians on the large data set: 5,000
 * customers, ~1M documents and ~1M allocations from `demo --size large`,
 * cached in tests/bench/.cache):
 *  - posting a receipt with FIFO for a customer with 2,000 open invoices (< 20 ms),
 *  - the customer ledger of 2,000 lines (< 50 ms),
 *  - importing 100,000 invoices (issue 5: < 30 s; issue 17 point 4: < 15 s), with its
 *    CPU time, the machine's load average and where the time went (imports/importPhases.ts).
 * Timed through the dispatcher (rt.invoke), as the UI and CLI call them.
 * Mutating figures run on a copy of the cached database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { CustomerLedger, PostResult } from '../../../shared/api/ledger';
import type { ImportCommitResult } from '../../../shared/api/imports';
import { addDays } from '../../../shared/dates/calendar';
import { AppRuntime } from '../../../electron/api/runtime';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import { loadCustomerHistory, newDocumentId, type LoadDocument } from '../../../electron/services/ledger/bulkLoad';
import { cachePath, measure, migratedInPlace, type Figure } from '../harness';
import { collectImportPhases, formatImportPhases, takeImportPhases } from '../../../electron/services/imports/importPhases';

const actor = { user: 'bench', device: 'bench' };

/** The whole large demo (customers, contracts, ledger), built once and cached. */
export async function largeLedgerDb(): Promise<string> {
  const file = cachePath('ledger-large-v3.db');
  if (fs.existsSync(file)) return migratedInPlace(file);
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const rt = await AppRuntime.start({ dbFile: building, actor });
  const t0 = performance.now();
  await generateDemo(rt, { size: 'large', seed: 1 }, (msg) => process.stderr.write(`\r${msg}`.padEnd(60)));
  process.stderr.write(`\nlarge demo built in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  rt.close();
  fs.renameSync(building, file);
  return file;
}

const cpuSeconds = (u: NodeJS.CpuUsage): string => ((u.user + u.system) / 1e6).toFixed(1);

const count = (rt: AppRuntime, sql: string): number => (rt.database().sqlite.prepare(sql).get() as { n: number }).n;

/**
 * A key account added to the copy: 2,300 shipments over the last ~2 years and
 * receipts that covered only the first 250, so about 2,050 invoices are open.
 */
async function keyAccount(rt: AppRuntime): Promise<string> {
  const c = await rt.invoke<CustomerDetail>('customers.create', { code: 'BENCH-KA', name: '基准测试大客户有限公司', paymentTermDays: 60 });
  const today = rt.clock.today();
  const docs: LoadDocument[] = [];
  let paid = 0;
  for (let i = 0; i < 2_300; i++) {
    const date = addDays(today, -700 + Math.floor(i * 0.3));
    const amountFen = 100_000 + ((i * 7919) % 900_000);
    docs.push({ id: newDocumentId(), customerId: c.id, kind: 'invoice', side: 'debit', docNo: `KA-I${String(i).padStart(5, '0')}`, docDate: date, dueOn: addDays(date, 60), amountFen, memo: '大客户供货' });
    if (i < 250) paid += amountFen;
    if (i % 25 === 24 && i < 250) {
      docs.push({ id: newDocumentId(), customerId: c.id, kind: 'receipt', side: 'credit', docNo: `KA-R${i}`, docDate: addDays(date, 1), dueOn: null, amountFen: paid, method: 'bank_transfer' });
      paid = 0;
    }
  }
  rt.database().transaction(() => loadCustomerHistory(rt.context(), c.id, docs, 'bench key account'));
  return c.id;
}

export function invoiceCsv(customerCodes: string[], rows: number, tag: string, today: string): string {
  const lines = ['单号,客户编码,日期,到期日,金额,合同号,发票号码,摘要'];
  for (let i = 0; i < rows; i++) {
    const date = addDays(today, -(i % 28));
    const yuan = 500 + ((i * 104729) % 99_500);
    lines.push(`${tag}-${String(i).padStart(6, '0')},${customerCodes[i % customerCodes.length]},${date},,${yuan}.${String(i % 100).padStart(2, '0')},,,批量导入测试`);
  }
  return lines.join('\r\n') + '\r\n';
}

export async function ledgerFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cached = await largeLedgerDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-ledger-'));
  const work = path.join(dir, 'ledger.db');
  fs.copyFileSync(cached, work);
  const rt = await AppRuntime.start({ dbFile: work, actor });
  const size = `${count(rt, 'SELECT count(*) AS n FROM customers')} customers, ${count(rt, 'SELECT count(*) AS n FROM ar_documents')} documents, ${count(rt, 'SELECT count(*) AS n FROM ar_allocations')} allocations`;
  console.log(`data set: ${size}`);

  const ka = await keyAccount(rt);
  const openInvoices = count(rt, `SELECT count(*) AS n FROM ar_documents WHERE customer_id = '${ka}' AND open_fen > 0`);
  const today = rt.clock.today();
  figures.push(
    await measure(
      'ledger.postReceipt, FIFO over the open invoices of one customer',
      30,
      () => rt.invoke<PostResult>('ledger.postReceipt', { customerId: ka, date: today, amountFen: 50_000 }),
      `${openInvoices} open invoices`,
    ),
  );
  figures.push(
    await measure(
      'ledger.suggestAllocation (receipt screen pre-fill), same customer',
      30,
      () => rt.invoke('ledger.suggestAllocation', { customerId: ka, date: today, amountFen: 5_000_000 }),
    ),
  );
  const period = { customerId: ka, from: null, to: null };
  const lines = (await rt.invoke<CustomerLedger>('ledger.customerLedger', period)).lines.length;
  const from = (await rt.invoke<CustomerLedger>('ledger.customerLedger', period)).lines[lines - 2_000].date;
  const ledger2000 = { customerId: ka, from, to: today };
  const shown = (await rt.invoke<CustomerLedger>('ledger.customerLedger', ledger2000)).lines.length;
  figures.push(await measure('ledger.customerLedger, one customer', 30, () => rt.invoke('ledger.customerLedger', ledger2000), `${shown} lines`));

  const codes = (rt.database().sqlite.prepare(`SELECT code FROM customers WHERE code <> 'BENCH-KA' ORDER BY code`).all() as { code: string }[]).map((r) => r.code);
  const csv = invoiceCsv(codes, 100_000, 'BULK', today);
  const load0 = os.loadavg()[0];
  collectImportPhases();
  const t0 = performance.now();
  // CPU time too: on a shared machine the wall time also counts other processes' turns.
  const cpu0 = process.cpuUsage();
  const result = await rt.invoke<ImportCommitResult>('imports.commit', {
    kind: 'invoices',
    fileName: 'bench-invoices.csv',
    dataBase64: Buffer.from(csv, 'utf8').toString('base64'),
  });
  const phases = formatImportPhases(takeImportPhases());
  figures.push({
    name: 'import 100,000 invoices (.csv) into the large data set',
    medianMs: performance.now() - t0,
    runs: 1,
    note: `${result.report.imported} imported for ${codes.length} customers, ${(csv.length / 1024 / 1024).toFixed(1)} MB, CPU ${cpuSeconds(process.cpuUsage(cpu0))} s, load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; budget < 15 s; phases (wall/cpu): ${phases}`,
  });

  rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
