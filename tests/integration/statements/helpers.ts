/**
 * Set-up of the statement tests: a runtime on a temp SQLite file (today is
 * 2026-12-05 in Shanghai), the company profile, customers and random ledger
 * histories posted through the ledger API, and readers of the PDFs with
 * poppler (pdftotext) so tests see what a reader of the paper sees.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { MethodName } from '../../../shared/api/contract';
import type { PostResult } from '../../../shared/api/ledger';
import { fixedClock } from '../../../shared/dates/clock';
import { addDays } from '../../../shared/dates/calendar';
import { seededRng, type Rng } from '../../../shared/random';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

export const TODAY = '2026-12-05';

export async function statementRuntime(): Promise<TempRuntime> {
  const t = await tempRuntime({ clock: fixedClock('2026-12-05T02:00:00Z') });
  await t.rt.invoke('settings.updateCompany', {
    companyName: '杭州明远商贸有限公司',
    shortName: '明远商贸',
    address: '浙江省杭州市拱墅区湖墅南路 188 号',
    phone: '0571-88886666',
    bankName: '中国工商银行杭州湖墅支行',
    bankAccount: '1202 0210 0910 0123 456',
  });
  return t;
}

export async function customer(t: TempRuntime, code: string, name = `测试客户${code}有限公司`, paymentTermDays: number | null = 30): Promise<CustomerDetail> {
  return t.rt.invoke<CustomerDetail>('customers.create', { code, name, paymentTermDays });
}

export const post = (t: TempRuntime, method: MethodName, input: Record<string, unknown>) => t.rt.invoke<PostResult>(method, input);

/** The error a call fails with (the test fails if it succeeds). */
export async function refusal(t: TempRuntime, method: MethodName, input: Record<string, unknown>) {
  const r = await t.rt.call(method, input);
  if (!r.ok) return r.error;
  throw new Error(`${method} should have been refused`);
}

const MEMOS = ['', '', '11月货款', '工行转账 回单 88123', '退货：纸箱破损 3 件', '承兑汇票 票号 1310 0000 2026 1105 8812 3456 7890（长摘要换行）'];

/**
 * A random but valid history for one customer between `start` and `end`:
 * an opening, invoices, receipts, credit notes, refunds and a few voids,
 * posted through the ledger API in random order of dates.
 */
export async function randomHistory(t: TempRuntime, customerId: string, rng: Rng, count: number, start = '2026-08-01', end = '2026-11-30'): Promise<void> {
  const span = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  const date = () => addDays(start, rng.int(0, span));
  const posted: { id: string; date: string }[] = [];
  const amount = () => rng.int(1, 5_000_000);
  if (rng.chance(0.7)) {
    await post(t, 'ledger.postOpening', { customerId, date: start, amountFen: rng.chance(0.8) ? amount() : -amount() });
  }
  for (let i = 0; i < count; i++) {
    const memo = rng.pick(MEMOS);
    const roll = rng.next();
    let r: PostResult;
    if (roll < 0.45) r = await post(t, 'ledger.postInvoice', { customerId, date: date(), amountFen: amount(), memo });
    else if (roll < 0.8) r = await post(t, 'ledger.postReceipt', { customerId, date: date(), amountFen: amount(), memo });
    else if (roll < 0.9) r = await post(t, 'ledger.postCreditNote', { customerId, date: date(), amountFen: rng.int(1, 200_000), memo });
    else if (roll < 0.95 || posted.length === 0) r = await post(t, 'ledger.postRefund', { customerId, date: date(), amountFen: rng.int(1, 100_000), memo });
    else {
      const target = rng.pick(posted);
      const r2 = await t.rt.call('ledger.void', { docId: target.id, date: addDays(target.date, rng.int(0, 20)), reason: '录入错误' });
      if (r2.ok) posted.splice(posted.indexOf(target), 1);
      continue;
    }
    posted.push({ id: r.document.id, date: r.document.date });
  }
}

export const seeded = (seed: number): Rng => seededRng(seed);

export const sha256File = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Text of a PDF in layout mode, runs of spaces squashed (columns are padded). */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \u3000]+/g, ' ');
/** Plain reading order (page footers read reliably this way). */
export const pdfRaw = (file: string): string => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

export const count = (t: TempRuntime, table: string): number =>
  (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Rows of the tables a generation writes: a refusal must leave them all as they were. */
export const footprint = (t: TempRuntime) => ['statements', 'stored_files', 'audit_log'].map((table) => count(t, table));
