/**
 * 月结对账: which customers get a statement, file names, a failing customer
 * that does not stop the others, skip-unless-forced, the merged print file
 * with per-statement page numbers, and the cancellable job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchJobStatus, BatchResult, StatementRecord } from '../../../shared/api/statements';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { count, customer, footprint, pdfRaw, post, refusal, sha256File, statementRuntime } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await statementRuntime();
});
afterEach(() => t.cleanup());

const FROM = '2026-11-01';
const TO = '2026-11-30';
const batch = (input: Record<string, unknown>) => t.rt.invoke<BatchResult>('statements.batch', { from: FROM, to: TO, ...input });
const list = async () => (await t.rt.invoke<{ rows: StatementRecord[] }>('statements.list', { from: FROM, to: TO, limit: 1000 })).rows;

/** Five customers: three the period concerns, one settled before it, one without documents. */
async function office() {
  const active = await customer(t, 'C0001', '宁波顺达五金批发部');
  await post(t, 'ledger.postInvoice', { customerId: active.id, date: '2026-11-03', amountFen: 300_000 });
  const owing = await customer(t, 'C0002', '温州/瑞安 "新光" 商行?');
  await post(t, 'ledger.postOpening', { customerId: owing.id, date: '2026-01-01', amountFen: 88_800 });
  const settled = await customer(t, 'C0003', '已结清客户');
  await post(t, 'ledger.postInvoice', { customerId: settled.id, date: '2026-09-01', amountFen: 1_000 });
  await post(t, 'ledger.postReceipt', { customerId: settled.id, date: '2026-09-20', amountFen: 1_000 });
  await customer(t, 'C0004', '没有业务的客户');
  const paidInPeriod = await customer(t, 'C0005', '本期结清客户');
  await post(t, 'ledger.postInvoice', { customerId: paidInPeriod.id, date: '2026-10-01', amountFen: 5_000 });
  await post(t, 'ledger.postReceipt', { customerId: paidInPeriod.id, date: '2026-11-20', amountFen: 5_000 });
  return { active, owing, settled, paidInPeriod };
}

describe('statements.batch', () => {
  it('one PDF per concerned customer, named by code and name (sanitised), a failing one reported, the rest done', async () => {
    await office();
    const outDir = path.join(t.dir, 'out');
    // A folder where C0005's PDF is first written (its temporary name, outputFiles.ts): writing fails,
    // like a disk that refuses. (A taken final name is no failure: the PDF gets a numbered name.)
    const blocked = `${path.join(outDir, 'C0005_本期结清客户_2026-11-01_2026-11-30.pdf')}.${process.pid}.tmp`;
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });

    const r = await batch({ outDir });
    expect(r).toMatchObject({ total: 3, generated: 2, skipped: 0, cancelled: false, outDir });
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatchObject({ customerCode: 'C0005', customerName: '本期结清客户' });
    expect(r.failed[0].message).toContain('无法写入文件');
    const files = fs.readdirSync(outDir).filter((f) => f.endsWith('.pdf') && fs.statSync(path.join(outDir, f)).isFile()).sort();
    expect(files).toEqual(['C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf', 'C0002_温州_瑞安 _新光_ 商行__2026-11-01_2026-11-30.pdf']);
    const rows = await list();
    expect(rows.map((s) => s.customer.code).sort()).toEqual(['C0001', 'C0002']);
    for (const s of rows) expect(sha256File(path.join(outDir, files[s.customer.code === 'C0001' ? 0 : 1]))).toBe(s.pdfSha256);

    // Re-run once the blocker is gone: the two done are skipped, the failed one is generated.
    fs.rmSync(blocked, { recursive: true });
    const again = await batch({ outDir });
    expect(again).toMatchObject({ total: 3, generated: 1, skipped: 2, failed: [] });
    expect(count(t, 'statements')).toBe(3);

    // Forced: all regenerated, the earlier ones kept as superseded history.
    const forced = await batch({ outDir, force: true });
    expect(forced).toMatchObject({ generated: 3, skipped: 0 });
    expect(count(t, 'statements')).toBe(6);
    expect((await list()).length).toBe(3);
  });

  it('a skipped statement whose PDF is missing from the folder gets its stored copy written there', async () => {
    await office();
    await batch({ outDir: path.join(t.dir, 'a') });
    const r = await batch({ outDir: path.join(t.dir, 'b') });
    expect(r).toMatchObject({ generated: 0, skipped: 3 });
    expect(fs.readdirSync(path.join(t.dir, 'b')).sort()).toEqual(fs.readdirSync(path.join(t.dir, 'a')).sort());
  });

  it('writes one merged PDF for printing, every statement keeping its own page numbers', async () => {
    const { active } = await office();
    for (let i = 0; i < 70; i++) {
      await post(t, 'ledger.postInvoice', { customerId: active.id, date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, amountFen: 1_000 + i, memo: `第 ${i + 1} 批货` });
    }
    const merged = path.join(t.dir, 'print', '合并.pdf');
    const r = await batch({ outDir: path.join(t.dir, 'out'), merged: true, mergedPath: merged });
    expect(r.mergedError).toBeNull();
    const rows = await list();
    const pages = rows.reduce((n, s) => n + s.pages, 0);
    expect(rows.find((s) => s.customer.code === 'C0001')!.pages).toBeGreaterThan(1);
    expect(r).toMatchObject({ mergedPath: merged, mergedPages: pages });
    const text = pdfRaw(merged);
    for (const s of rows) {
      expect(text).toContain(s.statementNo);
      for (let p = 1; p <= s.pages; p++) expect(text).toContain(`第 ${p} 页 / 共 ${s.pages} 页`);
      expect(text).toContain(`核对码：${s.verificationCode}`);
    }
    // Merged again on a rerun: the skipped statements are rebuilt under their own numbers.
    const rerun = await batch({ outDir: path.join(t.dir, 'out'), merged: true });
    expect(rerun).toMatchObject({ skipped: 3, mergedPages: pages, mergedError: null });
    expect(rerun.mergedPath).toBe(path.join(t.dir, 'out', '对账单合并打印_2026-11-01_2026-11-30.pdf'));
  });

  it('refuses a folder that cannot be written before doing anything', async () => {
    await office();
    const before = footprint(t);
    const blocker = path.join(t.dir, 'file.txt');
    fs.writeFileSync(blocker, 'x');
    const e = await refusal(t, 'statements.batch', { from: FROM, to: TO, outDir: path.join(blocker, 'out') });
    expect(e).toMatchObject({ code: 'validation', field: 'outDir' });
    expect(await refusal(t, 'statements.startBatch', { from: FROM, to: TO, outDir: path.join(blocker, 'out') })).toMatchObject({ field: 'outDir' });
    expect(await refusal(t, 'statements.batch', { from: TO, to: FROM })).toMatchObject({ field: 'to' });
    expect(footprint(t)).toEqual(before);
  });

  it('runs as a job with progress, into the data dir by default, and can be cancelled', async () => {
    await office();
    const status = (jobId: string) => t.rt.invoke<BatchJobStatus>('statements.jobStatus', { jobId });
    const { jobId } = await t.rt.invoke<{ jobId: string }>('statements.startBatch', { from: FROM, to: TO });
    let s = await status(jobId);
    expect(s.state).toBe('running');
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      s = await status(jobId);
    }
    expect(s).toMatchObject({ state: 'done', done: 3, total: 3, generated: 3, outDir: path.join(t.dir, 'statements') });
    expect(fs.readdirSync(path.join(t.dir, 'statements'))).toHaveLength(3);

    for (let i = 6; i < 30; i++) {
      const c = await customer(t, `C${String(i).padStart(4, '0')}`);
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-10', amountFen: 100 * i });
    }
    const job = await t.rt.invoke<{ jobId: string }>('statements.startBatch', { from: FROM, to: TO, force: true });
    await new Promise((r) => setTimeout(r, 5));
    await t.rt.invoke('statements.cancelJob', { jobId: job.jobId });
    let c = await status(job.jobId);
    while (c.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      c = await status(job.jobId);
    }
    expect(c.state).toBe('cancelled');
    expect(c.cancelled).toBe(true);
    expect(c.done).toBeLessThan(c.total);
    expect(c.generated).toBe(c.done);
    expect(await refusal(t, 'statements.jobStatus', { jobId: 'nope' })).toMatchObject({ code: 'not_found' });
  });
});
