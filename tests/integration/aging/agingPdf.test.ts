/**
 * aging.exportPdf: the aging report printed through the statement PDF layer,
 * read back with poppler's pdftotext: title, company, a customer's code and
 * name, and totals equal to aging.report's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/api/imports';
import { formatFenPlain } from '../../../shared/money/format';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, report } from './helpers';

let t: TempRuntime;
beforeAll(async () => {
  t = await tempRuntime();
  await t.rt.invoke('settings.updateCompany', { companyName: '成都锦程建材贸易有限公司' });
  const a = await customer(t, 'C0001', { name: '重庆华东商贸有限公司', paymentTermDays: 30 });
  const b = await customer(t, 'C0002', { name: '北京恒通建材有限公司', paymentTermDays: 30 });
  await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-05-10', amountFen: 123_400 });
  await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-10-20', amountFen: 1_250_075 });
  await post(t, 'ledger.postInvoice', { customerId: b.id, date: '2026-08-01', amountFen: 66_600 });
  await post(t, 'ledger.postReceipt', { customerId: b.id, date: '2026-09-01', amountFen: 100_000 });
});
afterAll(() => t.cleanup());

describe('aging.exportPdf', () => {
  it('prints the report with its totals', async () => {
    const file = await t.rt.invoke<ExportFile>('aging.exportPdf', { asOf: '2026-11-24' });
    expect(file.fileName).toBe('账龄分析-按到期日-2026-11-24.pdf');
    const pdfPath = path.join(t.dir, file.fileName);
    fs.writeFileSync(pdfPath, Buffer.from(file.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });

    expect(text).toContain('账龄分析表');
    expect(text).toContain('成都锦程建材贸易有限公司');
    expect(text).toContain('按到期日');
    expect(text).toContain('2026-11-24');
    expect(text).toContain('C0001');
    expect(text).toContain('重庆华东商贸有限公司');
    expect(text.replace(/\s+/g, '')).toContain('第1页/共1页');

    const r = await report(t, { asOf: '2026-11-24' });
    for (const b of r.buckets) expect(text).toContain(b.label);
    const totalsLine = text.split('\n').find((l) => l.includes('合计'));
    expect(totalsLine).toBeDefined();
    const figures = totalsLine!.trim().split(/\s+/).slice(-(r.buckets.length + 2));
    expect(figures).toEqual([...r.totals.bucketsFen, r.totals.unappliedFen, r.totals.balanceFen].map(formatFenPlain));

    if (process.env.AGING_PDF_PNG) execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', pdfPath, process.env.AGING_PDF_PNG]);
  });
});
