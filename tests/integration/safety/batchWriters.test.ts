/**
 * Point 3 for statement batches: a batch generating many statements in one
 * process never holds the write lock for long (each statement is recorded in
 * its own short transaction after its PDF is rendered), so ordinary saves in
 * another process, made every 100 ms with a busy timeout of ONE second, all
 * succeed while the batch runs: a save that had to wait longer would fail
 * with code busy.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { importCustomers, writeInvoiceCsv } from './importSetup';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const ROOT = path.resolve(__dirname, '../../..');
const CUSTOMERS = 24;

describe('a statement batch and ordinary saves in another process', () => {
  it('every save made while the batch runs succeeds within a one-second busy timeout', async () => {
    t = await tempRuntime();
    const rt = t.rt;
    await rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const codes = await importCustomers(t, CUSTOMERS);
    const csv = writeInvoiceCsv(t.dir, codes, CUSTOMERS * 20, 'SB');
    await rt.invoke('imports.commit', { kind: 'invoices', fileName: 'sb.csv', dataBase64: fs.readFileSync(csv).toString('base64') });
    const saver = await rt.invoke<{ id: string }>('customers.create', { code: 'SAVER', name: '保存测试客户' });
    const before = (rt.database().sqlite.prepare(`SELECT count(*) AS n FROM statements`).get() as { n: number }).n;

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/safety/batchChild.ts', t.dbFile, '2026-10-01', '2026-10-31'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let finished = false;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        finished = true;
        resolve(code);
      }),
    );
    while (!out.includes('batching') && !finished) await new Promise((resolve) => setTimeout(resolve, 20));

    // The budget of an ordinary save, as SQLite's own wait: longer than this and the save fails as busy.
    rt.database().sqlite.pragma('busy_timeout = 1000');
    const failures: unknown[] = [];
    let duringBatch = 0;
    for (let n = 0; !finished; n++) {
      const r = await rt.call('ledger.postInvoice', { customerId: saver.id, date: '2026-11-20', amountFen: 10_000 + n, docNo: `SB-SAVE-${n}` });
      if (!r.ok) failures.push(r.error);
      if (!finished) duringBatch++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await exited).toBe(0);
    expect(out).toContain(`done ${CUSTOMERS} 0`);
    expect(failures).toEqual([]);
    expect(duringBatch).toBeGreaterThan(3);
    expect((rt.database().sqlite.prepare(`SELECT count(*) AS n FROM statements`).get() as { n: number }).n).toBe(before + CUSTOMERS);
  });
});
