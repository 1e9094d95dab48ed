/**
 * Point 7: a full disk and a read-only database file give messages in
 * Chinese that say what to do, nothing half-written, and no .tmp left in the
 * file store. A real full disk: SQLite's own SQLITE_FULL (the database may not
 * grow past max_page_count, exactly what a full disk looks like to SQLite) and
 * /dev/full for the file store (every write to it fails with ENOSPC). A small
 * tmpfs would need mount rights these test machines do not give.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/services/files/fileStore';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { importCustomers, writeInvoiceCsv } from './importSetup';
import type { ImportCommitResult } from '../../../shared/api/imports';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('a full disk', () => {
  it('the database cannot grow: 磁盘空间不足, and the import wrote nothing', async () => {
    t = await tempRuntime();
    await importCustomers(t, 10);
    const sqlite = t.rt.database().sqlite;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    const r = await t.rt.call('imports.commit', {
      kind: 'customers',
      fileName: 'big.csv',
      dataBase64: Buffer.from(['客户编码,客户名称,地址', ...Array.from({ length: 300 }, (_, i) => `X${i},满盘测试${i}有限公司,${'长地址'.repeat(60)}`)].join('\r\n')).toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('磁盘空间不足') } });
    expect((sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(10);
    expect((sqlite.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n).toBe(1);
  });

  it('a save and a chunked ledger import are refused with 磁盘空间不足, leave nothing, and both work once space frees', async () => {
    t = await tempRuntime();
    const codes = await importCustomers(t, 40);
    const sqlite = t.rt.database().sqlite;
    const customerId = (sqlite.prepare(`SELECT id FROM customers WHERE code = ?`).get(codes[0]) as { id: string }).id;
    await t.rt.invoke('ledger.postInvoice', { customerId, date: '2026-11-02', amountFen: 50_000, docNo: 'PRE-1' });
    // Everything a half-written save or import could leave behind, by plain SQL.
    const state = () =>
      sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM ar_documents) AS docs, (SELECT count(*) FROM audit_log) AS audit,
             (SELECT count(*) FROM import_batches) AS batches, (SELECT count(*) FROM import_commits) AS commits,
             (SELECT count(*) FROM ar_allocations) AS allocations, (SELECT count(*) FROM ar_open_spans) AS spans,
             (SELECT coalesce(sum(balance_fen), 0) FROM ar_customer_state) AS balance,
             (SELECT coalesce(sum(doc_count), 0) || '/' || coalesce(sum(net_fen), 0) FROM ar_day_totals) AS days`,
        )
        .get();
    const csv = fs.readFileSync(writeInvoiceCsv(t.dir, codes, 3_000, 'FULL')).toString('base64');
    // The disk is full: the database may not grow by a single page, and the last page of the audit
    // log (which every save appends to) is filled to the brim by one row of almost a page.
    sqlite
      .prepare(`INSERT INTO audit_log (id, at, user, device, entity, entity_id, action, after) VALUES ('~filler', ?, 't', 't', 'test', 'filler', 'fill', ?)`)
      .run(new Date().toISOString(), JSON.stringify({ fill: 'x'.repeat(3_900) }));
    const before = state();
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);

    const save = await t.rt.call('ledger.postInvoice', { customerId, date: '2026-11-20', amountFen: 12_345, docNo: 'FULL-SAVE' });
    expect(save).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('磁盘空间不足') } });
    const imported = await t.rt.call('imports.commit', { kind: 'invoices', fileName: 'full.csv', dataBase64: csv });
    expect(imported).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('磁盘空间不足') } });
    expect(state()).toEqual(before);

    // Space frees (the clerk deleted files): the same save and the same import go through.
    sqlite.pragma('max_page_count = 1073741823');
    expect(await t.rt.call('ledger.postInvoice', { customerId, date: '2026-11-20', amountFen: 12_345, docNo: 'FULL-SAVE' })).toMatchObject({ ok: true });
    const again = await t.rt.invoke<ImportCommitResult>('imports.commit', { kind: 'invoices', fileName: 'full.csv', dataBase64: csv });
    expect(again.report.imported).toBe(3_000);
    expect((sqlite.prepare(`SELECT count(*) AS n FROM ar_documents`).get() as { n: number }).n).toBe(3_002);
  });

  it('the file store: 磁盘空间不足 and no .tmp left behind', async () => {
    t = await tempRuntime();
    const png = Buffer.concat([PNG, crypto.randomBytes(0)]);
    const target = path.join(t.dir, 'files', sha256Hex(png).slice(0, 2), sha256Hex(png));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // The temp name the store writes to points at /dev/full: the write fails with ENOSPC like a full disk.
    fs.symlinkSync('/dev/full', `${target}.${process.pid}.tmp`);
    const r = await t.rt.call('settings.setLogo', { fileName: 'logo.png', dataBase64: png.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('磁盘空间不足') } });
    expect(walk(path.join(t.dir, 'files')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('a read-only database', () => {
  it('数据库文件只读, and the input can be sent again later', async () => {
    t = await tempRuntime();
    t.rt.database().sqlite.pragma('query_only = ON'); // what SQLite reports for a file it may not write
    const r = await t.rt.call('customers.create', { code: 'R1', name: '只读测试' });
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringContaining('数据库文件只读') } });
    t.rt.database().sqlite.pragma('query_only = OFF');
    expect(await t.rt.call('customers.create', { code: 'R1', name: '只读测试' })).toMatchObject({ ok: true });
  });
});
