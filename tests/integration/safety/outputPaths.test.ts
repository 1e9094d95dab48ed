/**
 * Point 5: files the API writes go only to the data directory or to a path a
 * main-process save dialog granted, and nothing is silently overwritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchResult, StatementRecord } from '../../../shared/api/statements';
import { numberedName, writeNewFile } from '../../../electron/services/statements/outputFiles';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, sha256File, statementRuntime } from '../statements/helpers';

let t: TempRuntime | null = null;
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-outside-'));
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = null;
});

describe('output paths named by a caller', () => {
  it('statements.generate: outside the data directory refused, an existing file never overwritten, a granted path allowed', async () => {
    t = await tempRuntime();
    await t.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const c = await t.rt.invoke<{ id: string }>('customers.create', { code: 'P1', name: '路径测试' });
    const base = { customerId: c.id, from: '2026-11-01', to: '2026-11-30' };
    const far = path.join(outside, 'evil.pdf');
    expect(await t.rt.call('statements.generate', { ...base, outPath: far })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outPath' } });
    expect(fs.existsSync(far)).toBe(false);

    const existing = path.join(t.dir, 'keep.pdf');
    fs.writeFileSync(existing, 'the clerk’s own file');
    expect(await t.rt.call('statements.generate', { ...base, outPath: existing })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'outPath' } });
    expect(fs.readFileSync(existing, 'utf8')).toBe('the clerk’s own file');

    t.rt.grantOutputPath(far);
    expect(await t.rt.call('statements.generate', { ...base, outPath: far })).toMatchObject({ ok: true });
    expect(fs.readFileSync(far).subarray(0, 4).toString()).toBe('%PDF');
    // One dialog answer, one write: replacing that file again needs the dialog (and its "replace?") again.
    const written = fs.readFileSync(far);
    expect(await t.rt.call('statements.generate', { ...base, outPath: far })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outPath' } });
    expect(fs.readFileSync(far).equals(written)).toBe(true);
  });

  it('statements.batch may not create folders outside the data directory', async () => {
    t = await tempRuntime();
    const dir = path.join(outside, 'made-by-batch');
    const r = await t.rt.call('statements.batch', { from: '2026-11-01', to: '2026-11-30', outDir: dir });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outDir' } });
    expect(fs.existsSync(dir)).toBe(false);
  });
});

const FROM = '2026-11-01';
const TO = '2026-11-30';
const NAME_A = 'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf';
const NAME_B = 'C0002_温州新光商行_2026-11-01_2026-11-30.pdf';
const MERGED = '对账单合并打印_2026-11-01_2026-11-30.pdf';

async function twoCustomers(rt: TempRuntime) {
  const a = await customer(rt, 'C0001', '宁波顺达五金批发部');
  await post(rt, 'ledger.postInvoice', { customerId: a.id, date: '2026-11-03', amountFen: 300_000 });
  const b = await customer(rt, 'C0002', '温州新光商行');
  await post(rt, 'ledger.postInvoice', { customerId: b.id, date: '2026-11-20', amountFen: 88_800 });
}

const pdfsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();

describe('nothing already in the output folder is replaced', () => {
  it('a batch keeps the clerk’s own file and a forced rerun keeps the first PDFs: new ones get numbered names, recorded as written', async () => {
    t = await statementRuntime();
    await twoCustomers(t);
    const outDir = path.join(t.dir, 'statements');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, NAME_A), 'the clerk’s annotated copy');

    const first = await t.rt.invoke<BatchResult>('statements.batch', { from: FROM, to: TO, merged: true });
    expect(first).toMatchObject({ outDir, generated: 2, failed: [], mergedPath: path.join(outDir, MERGED) });
    expect(fs.readFileSync(path.join(outDir, NAME_A), 'utf8')).toBe('the clerk’s annotated copy');
    expect(pdfsIn(outDir)).toEqual([NAME_A, numberedName(NAME_A, 2), NAME_B, MERGED].sort());
    const before = new Map(pdfsIn(outDir).map((f) => [f, fs.readFileSync(path.join(outDir, f))]));

    const forced = await t.rt.invoke<BatchResult>('statements.batch', { from: FROM, to: TO, merged: true, force: true });
    expect(forced).toMatchObject({ generated: 2, failed: [], mergedPath: path.join(outDir, '对账单合并打印_2026-11-01_2026-11-30 (2).pdf') });
    for (const [f, bytes] of before) expect(fs.readFileSync(path.join(outDir, f)).equals(bytes)).toBe(true);
    expect(pdfsIn(outDir)).toEqual(
      [NAME_A, 'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30 (2).pdf', 'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30 (3).pdf', NAME_B, 'C0002_温州新光商行_2026-11-01_2026-11-30 (2).pdf', MERGED, '对账单合并打印_2026-11-01_2026-11-30 (2).pdf'].sort(),
    );
    // Each current statement names the file it was written to, and that file holds its bytes.
    const current = (await t.rt.invoke<{ rows: StatementRecord[] }>('statements.list', { from: FROM, to: TO })).rows;
    expect(current.map((s) => path.basename(s.outputPath ?? '')).sort()).toEqual([
      'C0001_宁波顺达五金批发部_2026-11-01_2026-11-30 (3).pdf',
      'C0002_温州新光商行_2026-11-01_2026-11-30 (2).pdf',
    ]);
    for (const s of current) expect(sha256File(s.outputPath!)).toBe(s.pdfSha256);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a merged file named by the caller that exists is refused before anything is written', async () => {
    t = await statementRuntime();
    await twoCustomers(t);
    const mergedPath = path.join(t.dir, '打印.pdf');
    fs.writeFileSync(mergedPath, 'keep');
    const r = await t.rt.call('statements.batch', { from: FROM, to: TO, mergedPath });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'mergedPath' } });
    expect(fs.readFileSync(mergedPath, 'utf8')).toBe('keep');
    expect(fs.existsSync(path.join(t.dir, 'statements'))).toBe(false);
  });

  it('a folder picked in the desktop dialog is granted; outside it the batch is refused', async () => {
    t = await statementRuntime();
    await twoCustomers(t);
    const picked = fs.mkdtempSync(path.join(outside, 'picked-'));
    t.rt.grantOutputPath(picked);
    expect(await t.rt.invoke<BatchResult>('statements.batch', { from: FROM, to: TO, outDir: picked })).toMatchObject({ outDir: picked, generated: 2 });
    expect(pdfsIn(picked)).toEqual([NAME_A, NAME_B]);
    // A folder stays granted (only new files are ever added to it): a second batch adds numbered files.
    expect(await t.rt.invoke<BatchResult>('statements.batch', { from: FROM, to: TO, outDir: picked, force: true })).toMatchObject({ generated: 2 });
    expect(pdfsIn(picked)).toHaveLength(4);
    const sibling = `${picked}-other`;
    expect(await t.rt.call('statements.startBatch', { from: FROM, to: TO, outDir: sibling })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outDir' } });
    expect(await t.rt.call('statements.batch', { from: FROM, to: TO, outDir: path.join(picked, '..') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.existsSync(sibling)).toBe(false);
  });
});

describe('statements.savePdf (desktop 另存为…)', () => {
  it('writes the stored PDF only to a granted path or a new file in the data directory', async () => {
    t = await statementRuntime();
    await twoCustomers(t);
    const customerId = (await t.rt.invoke<{ rows: { id: string }[] }>('customers.list', {})).rows[0].id;
    const s = (await t.rt.invoke<{ statement: StatementRecord }>('statements.generate', { customerId, from: FROM, to: TO })).statement;
    const far = path.join(outside, `${s.id}.pdf`);
    expect(await t.rt.call('statements.savePdf', { id: s.id, outPath: far })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outPath' } });
    expect(fs.existsSync(far)).toBe(false);

    // Granted by the dialog (which asked "replace?"): written, the exact stored bytes.
    fs.writeFileSync(far, 'old version the clerk chose to replace');
    t.rt.grantOutputPath(far);
    expect(await t.rt.invoke('statements.savePdf', { id: s.id, outPath: far })).toEqual({ path: far });
    expect(sha256File(far)).toBe(s.pdfSha256);

    // In the data directory: a new file is fine, an existing one is never replaced.
    const inData = path.join(t.dir, '副本.pdf');
    expect(await t.rt.invoke('statements.savePdf', { id: s.id, outPath: inData })).toEqual({ path: inData });
    expect(await t.rt.call('statements.savePdf', { id: s.id, outPath: inData })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'outPath' } });
    expect(await t.rt.call('statements.savePdf', { id: s.id, outPath: path.join(t.dir, 'x.db') })).toMatchObject({ ok: false, error: { field: 'outPath' } });
  });
});

describe('writeNewFile', () => {
  it('never replaces a file, also where the file system has no hard links', () => {
    const dir = fs.mkdtempSync(path.join(outside, 'new-'));
    const target = path.join(dir, 'a.pdf');
    fs.writeFileSync(target, 'one');
    fs.mkdirSync(path.join(dir, 'a (2).pdf'));
    expect(writeNewFile(target, Buffer.from('two'), 'outDir')).toBe(path.join(dir, 'a (3).pdf'));
    const noLinks = vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    expect(writeNewFile(target, Buffer.from('three'), 'outDir')).toBe(path.join(dir, 'a (4).pdf'));
    expect(noLinks).toHaveBeenCalled();
    expect(['a.pdf', 'a (3).pdf', 'a (4).pdf'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['one', 'two', 'three']);
    expect(fs.readdirSync(dir).sort()).toEqual(['a (2).pdf', 'a (3).pdf', 'a (4).pdf', 'a.pdf']);
    expect(numberedName('/x/对账单', 2)).toBe('/x/对账单 (2)');
  });
});
