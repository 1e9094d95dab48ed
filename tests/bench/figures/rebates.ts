/**
 * Rebate figures (issue 15 budgets) on a data set of 3,000 annual
 * distribution agreements with targets (one customer each, ~16 invoices, a
 * return and ~8 receipts per contract in 2025, bulk-loaded), cached in
 * tests/bench/.cache. Timed through the dispatcher (rt.invoke):
 *  - the rebate list for all contracts (< 1 s),
 *  - one contract's progress (< 30 ms),
 *  - settling 500 contracts one `rebates.settle` call each (< 30 s), on a copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { RebateListPage } from '../../../shared/api/rebates';
import { addDays } from '../../../shared/dates/calendar';
import { AppRuntime } from '../../../electron/api/runtime';
import { loadCustomerHistory, newDocumentId, type LoadDocument } from '../../../electron/services/ledger/bulkLoad';
import { cachePath, measure, type Figure } from '../harness';

const actor = { user: 'bench', device: 'bench' };
const CONTRACTS = 3_000;

async function rebateDb(): Promise<string> {
  const file = cachePath('rebates-3000-v1.db');
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const rt = await AppRuntime.start({ dbFile: building, actor });
  const t0 = performance.now();
  for (let i = 0; i < CONTRACTS; i++) {
    const c = await rt.invoke<CustomerDetail>('customers.create', { code: `RB${String(i).padStart(5, '0')}`, name: `返利基准客户${i}有限公司`, paymentTermDays: 30 });
    const k = await rt.invoke<ContractDetail>('contracts.create', {
      customerId: c.id,
      title: '2025 年度经销协议',
      kind: 'annual',
      signedOn: '2025-01-01',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      lines: [{ description: '年度任务', unit: '批', qty: '1', unitPrice: '1000000' }],
    });
    await rt.invoke('contracts.activate', { id: k.id });
    await rt.invoke('rebates.saveTarget', {
      contractId: k.id,
      periodKind: 'year',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      basis: i % 4 === 0 ? 'collections' : 'sales',
      target: '1000000',
      mode: i % 2 ? 'banded' : 'whole',
      tiers: '80%:1%;100%:2%;120%:3%',
      cap: i % 5 === 0 ? '25000' : '',
      onTimeRate: i % 3 === 0 ? '0.5%' : '',
    });
    const docs: LoadDocument[] = [];
    const invoices: LoadDocument[] = [];
    for (let j = 0; j < 16; j++) {
      const date = addDays('2025-01-05', j * 22);
      const inv: LoadDocument = { id: newDocumentId(), customerId: c.id, kind: 'invoice', side: 'debit', docNo: `RB${i}-I${j}`, docDate: date, dueOn: addDays(date, 30), amountFen: 4_000_000 + ((i * 7919 + j * 104_729) % 5_000_000), contractId: k.id };
      invoices.push(inv);
      docs.push(inv);
    }
    docs.push({ id: newDocumentId(), customerId: c.id, kind: 'credit_note', side: 'credit', docNo: `RB${i}-R`, docDate: '2025-07-01', dueOn: null, amountFen: 300_000, noteType: 'return', explicitTargets: [{ debitId: invoices[5].id, amountFen: 300_000 }] });
    for (let j = 0; j < 8; j++) {
      docs.push({ id: newDocumentId(), customerId: c.id, kind: 'receipt', side: 'credit', docNo: `RB${i}-S${j}`, docDate: addDays('2025-02-10', j * 44), dueOn: null, amountFen: 6_000_000, method: 'bank_transfer' });
    }
    const ctx = rt.context();
    ctx.db.transaction(() => loadCustomerHistory(ctx, c.id, docs, 'bench'));
    if (i % 250 === 0) process.stderr.write(`\rrebate bench data ${i}/${CONTRACTS}`.padEnd(60));
  }
  process.stderr.write(`\nrebate data set built in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  rt.close();
  fs.renameSync(building, file);
  return file;
}

export async function rebateFigures(): Promise<Figure[]> {
  const file = await rebateDb();
  const figures: Figure[] = [];
  const rt = await AppRuntime.start({ dbFile: file, actor });
  const first = await rt.invoke<RebateListPage>('rebates.list', { asOf: '2025-12-31', limit: 5000 });
  figures.push(
    await measure('rebate list, all 3,000 contracts (< 1 s)', 7, () => rt.invoke('rebates.list', { asOf: null, limit: 5000 }), `${first.total} periods`),
  );
  const contractId = first.rows[1234].target.contractId;
  figures.push(await measure("one contract's progress (< 30 ms)", 25, () => rt.invoke('rebates.contractTargets', { contractId, asOf: null })));
  figures.push(await measure('one settlement sheet', 25, () => rt.invoke('rebates.sheet', { targetId: first.rows[1234].target.id, asOf: null })));
  rt.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-rebates-'));
  const copy = path.join(dir, 'copy.db');
  fs.copyFileSync(file, copy);
  const rt2 = await AppRuntime.start({ dbFile: copy, actor });
  const due = (await rt2.invoke<RebateListPage>('rebates.list', { status: 'due', limit: 5000 })).rows.slice(0, 500);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const r of due) await rt2.invoke('rebates.settle', { targetId: r.target.id, as: 'credit' });
  const cpu = process.cpuUsage(c0);
  figures.push({ name: 'settling 500 contracts (< 30 s)', medianMs: performance.now() - t0, runs: 1, cpuMs: (cpu.user + cpu.system) / 1000, note: `${due.length} settled` });
  rt2.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
