/**
 * Point 6: NUL, lone surrogates and bidirectional controls are refused in
 * codes, names and numbers (API and import files); an empty file gets
 * 文件是空的 in the JSON report; a CSV mixing UTF-8 and GBK lines is refused.
 */
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api/imports';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const HOSTILE = ['A\u0000B', 'A\u202EB', 'A\uD800B', 'A\uDC00', 'A\u2066B'];

describe('hostile characters', () => {
  it('are refused in API codes, names and document numbers, naming the field', async () => {
    t = await tempRuntime();
    for (const bad of HOSTILE) {
      const r1 = await t.rt.call('customers.create', { code: bad, name: '正常名称' });
      expect(r1).toMatchObject({ ok: false, error: { code: 'validation', field: 'code', message: expect.stringContaining('控制字符') } });
      const r2 = await t.rt.call('customers.create', { code: 'C1', name: `名称${bad}` });
      expect(r2).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    }
    const c = (await t.rt.invoke<{ id: string }>('customers.create', { code: 'C1', name: '正常客户' })).id;
    const r3 = await t.rt.call('ledger.postInvoice', { customerId: c, date: '2026-11-20', amountFen: 100, docNo: 'YS\u202E01' });
    expect(r3).toMatchObject({ ok: false, error: { code: 'validation', field: 'docNo' } });
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(1);
  });

  it('are refused in import files, cell by cell', async () => {
    t = await tempRuntime();
    // (A NUL byte makes the whole file unreadable as text, refused earlier; a lone surrogate cannot be written in UTF-8.)
    const csv = `客户编码,客户名称\r\nC\u202E1,甲公司\r\nC2,乙\u2066公司\r\n`;
    const report = await t.rt.invoke<ImportReport>('imports.preview', { kind: 'customers', fileName: 'x.csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [2, '客户编码'],
        [3, '客户名称'],
      ]),
    );
    expect(report.errors.every((e) => e.message.includes('控制字符'))).toBe(true);
  });
});

describe('files that are not what they seem', () => {
  it('an empty file gets 文件是空的 in the report', async () => {
    t = await tempRuntime();
    for (const fileName of ['empty.csv', 'empty.xlsx']) {
      const r = await t.rt.call('imports.preview', { kind: 'customers', fileName, dataBase64: '' });
      expect(r).toMatchObject({ ok: true, data: { rows: 0, errors: [{ row: 0, column: '文件', message: '文件是空的' }] } });
    }
  });

  it('a CSV mixing UTF-8 and GBK lines is refused, not stored as mojibake', async () => {
    t = await tempRuntime();
    const utf8 = Buffer.from('客户编码,客户名称\r\nC1,北京甲公司\r\n', 'utf8');
    const gbk = iconv.encode('C2,上海乙公司\r\n', 'gbk');
    const r = await t.rt.call('imports.commit', { kind: 'customers', fileName: 'mixed.csv', dataBase64: Buffer.concat([utf8, gbk]).toString('base64') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(JSON.stringify(r.error.details)).toContain('编码');
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(0);
  });
});
