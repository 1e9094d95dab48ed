/**
 * The issue-17 command-line data set: 500 customers with 40 invoices and 24
 * receipts each (20,000 invoices and 12,000 receipts over two years), loaded
 * through the ledger's bulk loader (the same replay as every posting), built
 * once and cached. Deterministic: amounts and dates come from the index.
 */
import fs from 'node:fs';
import { addDays } from '../../../shared/dates/calendar';
import { fixedClock } from '../../../shared/dates/clock';
import { AppRuntime } from '../../../electron/api/runtime';
import { loadCustomerHistory, newDocumentId, type LoadDocument } from '../../../electron/services/ledger/bulkLoad';
import type { CustomerDetail } from '../../../shared/api/customers';
import { cachePath, migratedInPlace } from '../harness';

const actor = { user: 'bench', device: 'bench' };
const CUSTOMERS = 500;
const INVOICES = 40;
const RECEIPTS = 24;

function historyOf(customerId: string, c: number, today: string): LoadDocument[] {
  const docs: LoadDocument[] = [];
  let invoiced = 0;
  for (let i = 0; i < INVOICES; i++) {
    const date = addDays(today, -720 + i * 18 + (c % 7));
    const amountFen = 50_000 + (((c + 1) * 7919 * (i + 3)) % 2_000_000);
    invoiced += amountFen;
    docs.push({ id: newDocumentId(), customerId, kind: 'invoice', side: 'debit', docNo: `CLI-I${c}-${i}`, docDate: date, dueOn: addDays(date, 30), amountFen, memo: '' });
  }
  // Receipts every 30 days, each paying about 1/30 of what was invoiced, so some customers keep old debts open.
  for (let r = 0; r < RECEIPTS; r++) {
    const date = addDays(today, -700 + r * 30 + (c % 5));
    const amountFen = Math.max(1, Math.floor((invoiced / 30) * (0.8 + ((c * 31 + r) % 9) / 20)));
    docs.push({ id: newDocumentId(), customerId, kind: 'receipt', side: 'credit', docNo: `CLI-R${c}-${r}`, docDate: date, dueOn: null, amountFen, method: 'bank_transfer' });
  }
  return docs;
}

export async function cliDataSetDb(): Promise<string> {
  const file = cachePath('cli-500-customers-v1.db');
  if (fs.existsSync(file)) return migratedInPlace(file);
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const clock = fixedClock('2026-12-05T02:00:00Z');
  const rt = await AppRuntime.start({ dbFile: building, actor, clock });
  const today = clock.today();
  for (let c = 0; c < CUSTOMERS; c++) {
    const customer = await rt.invoke<CustomerDetail>('customers.create', { code: `K${String(c).padStart(4, '0')}`, name: `命令行测试客户${c}号有限公司`, paymentTermDays: 30 });
    rt.database().transaction(() => loadCustomerHistory(rt.context(), customer.id, historyOf(customer.id, c, today), 'bench cli data set'));
  }
  rt.close();
  fs.renameSync(building, file);
  return file;
}
