/** Bad input is refused naming the field and writes nothing; read views: documents list, 已发货未开票, VAT annotation, export. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArDocumentDetail, DocumentPage, UninvoicedPage } from '../../../shared/api/ledger';
import type { ExportFile } from '../../../shared/api/imports';
import { readTableFile } from '../../../electron/services/import/readTable';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, footprint, post, refusal, sqlite } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('refusals write nothing', () => {
  it('zero/negative amounts, due before date, write-off without target, over-open write-off, unknown customer, bill fields', async () => {
    const c = await customer(t, 'C0001');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 1_000 });
    const before = footprint(t);
    const cases: [string, Record<string, unknown>, string | null][] = [
      ['ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 0 }, 'amountFen'],
      ['ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: -5 }, 'amountFen'],
      ['ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 1.5 }, 'amountFen'],
      ['ledger.postInvoice', { customerId: c.id, date: '2026-11-01', dueOn: '2026-10-31', amountFen: 100 }, 'dueOn'],
      ['ledger.postInvoice', { customerId: c.id, date: '2026-02-30', amountFen: 100 }, 'date'],
      ['ledger.postInvoice', { customerId: 'nobody', date: '2026-11-01', amountFen: 100 }, 'customerId'],
      ['ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 0 }, 'amountFen'],
      ['ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 100, method: 'acceptance_bill' }, 'billNo'],
      ['ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 100, billNo: 'X1' }, 'billNo'],
      ['ledger.postCreditNote', { customerId: c.id, date: '2026-11-01', amountFen: -1 }, 'amountFen'],
      ['ledger.postWriteOff', { date: '2026-11-01', amountFen: 100, memo: '坏账' }, 'debitId'],
      ['ledger.postWriteOff', { debitId: inv.document.id, date: '2026-11-01', amountFen: 1_001, memo: '坏账' }, 'amountFen'],
      ['ledger.postWriteOff', { debitId: inv.document.id, date: '2026-10-31', amountFen: 100, memo: '坏账' }, 'debitId'],
      ['ledger.postWriteOff', { debitId: inv.document.id, date: '2026-11-01', amountFen: 100, memo: '' }, 'memo'],
      ['ledger.postRefund', { customerId: c.id, date: '2026-11-01', amountFen: 0 }, 'amountFen'],
      ['ledger.postOpening', { customerId: c.id, date: '2026-11-01', amountFen: 0 }, 'amountFen'],
      ['ledger.postOpening', { customerId: c.id, date: '2026-11-01', dueOn: '2026-10-01', amountFen: 5 }, 'dueOn'],
    ];
    for (const [method, input, field] of cases) {
      const err = await refusal(t, method as 'ledger.postInvoice', input);
      expect({ method, input, field: err.field }).toEqual({ method, input, field });
      expect(err.message.length).toBeGreaterThan(2);
    }
    expect(footprint(t)).toEqual(before);
  });

  it('the database itself refuses changing or deleting a posted document', async () => {
    const c = await customer(t, 'C0001');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 1_000 });
    expect(() => sqlite(t).prepare(`UPDATE ar_documents SET amount_fen = 1 WHERE id = ?`).run(inv.document.id)).toThrow(/不能修改/);
    expect(() => sqlite(t).prepare(`DELETE FROM ar_documents WHERE id = ?`).run(inv.document.id)).toThrow(/不能删除/);
  });
});

describe('views', () => {
  it('已发货未开票 lists live invoices without a VAT number; setVatInvoice is the one audited annotation', async () => {
    const c = await customer(t, 'C0001', { name: '重庆华东商贸有限公司' });
    const a = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 1_000, memo: '螺纹钢 2 吨' });
    const b = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-02', amountFen: 2_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 4_000, vatInvoiceNo: '04412345', vatInvoiceDate: '2026-11-03' });
    const voided = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-04', amountFen: 8_000 });
    await post(t, 'ledger.void', { docId: voided.document.id, reason: '重复录入' });
    const list = await t.rt.invoke<UninvoicedPage>('ledger.uninvoicedShipments', {});
    expect(list).toMatchObject({ total: 2, totalFen: 3_000 });
    expect(list.rows.map((r) => [r.docNo, r.customer.code])).toEqual([
      [a.document.docNo, 'C0001'],
      [b.document.docNo, 'C0001'],
    ]);
    expect((await t.rt.invoke<UninvoicedPage>('ledger.uninvoicedShipments', { search: '螺纹钢' })).total).toBe(1);

    const annotated = await t.rt.invoke<ArDocumentDetail>('ledger.setVatInvoice', { docId: a.document.id, vatInvoiceNo: '04499999', vatInvoiceDate: '2026-11-20' });
    expect(annotated).toMatchObject({ vatInvoiceNo: '04499999', vatInvoiceDate: '2026-11-20', amountFen: 1_000 });
    expect((await t.rt.invoke<UninvoicedPage>('ledger.uninvoicedShipments', {})).total).toBe(1);
    const audit = sqlite(t).prepare(`SELECT before, after FROM audit_log WHERE entity_id = ? AND action = 'set_vat_invoice'`).get(a.document.id) as {
      before: string;
      after: string;
    };
    expect(JSON.parse(audit.before)).toEqual({ vatInvoiceNo: '', vatInvoiceDate: null });
    expect(await refusal(t, 'ledger.setVatInvoice', { docId: voided.document.id, vatInvoiceNo: '1' })).toMatchObject({ code: 'conflict' });
    const rec = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-05', amountFen: 1 });
    expect(await refusal(t, 'ledger.setVatInvoice', { docId: rec.document.id, vatInvoiceNo: '1' })).toMatchObject({ field: 'docId' });
  });

  it('documents list filters by customer, kind, dates, search and voided', async () => {
    const c = await customer(t, 'C0001');
    const d = await customer(t, 'C0002');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 1_000 });
    const inv = await post(t, 'ledger.postInvoice', { customerId: d.id, date: '2026-11-01', amountFen: 1_000, memo: '水泥 12 吨' });
    await post(t, 'ledger.postReceipt', { customerId: d.id, date: '2026-11-02', amountFen: 500, reference: 'BANK-77' });
    await post(t, 'ledger.void', { docId: inv.document.id, reason: '错' });
    const list = (input: Record<string, unknown>) => t.rt.invoke<DocumentPage>('ledger.documents', input);
    expect((await list({})).total).toBe(4);
    expect((await list({ customerId: d.id })).rows.map((r) => r.kind)).toEqual(['void', 'receipt', 'invoice']);
    expect((await list({ kinds: ['receipt'] })).rows[0]).toMatchObject({ reference: 'BANK-77', customerCode: 'C0002' });
    expect((await list({ from: '2026-11-01', to: '2026-11-01' })).total).toBe(1);
    expect((await list({ search: '水泥' })).rows[0]).toMatchObject({ voidedById: expect.any(String), voidedOn: '2026-11-24' });
    expect((await list({ includeVoided: false })).total).toBe(2);
  });

  it('exports the ledger to .xlsx with opening, lines and closing that read back exactly', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 123_456 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 10_001 });
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-02', amountFen: 50 });
    const file = await t.rt.invoke<ExportFile>('ledger.exportLedgerXlsx', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
    expect(file.fileName).toBe('往来明细-C0001-2026-11-01至2026-11-30.xlsx');
    expect(file.rows).toBe(2);
    const read = await readTableFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    // Below the title block (issue 16): customer and period named above the header.
    const h = read.rows.findIndex((r) => r[0] === '日期');
    expect(read.rows.slice(0, h).map((r) => r[0])).toEqual(expect.arrayContaining(['往来明细', '期间：2026-11-01 至 2026-11-30']));
    const table = { rows: read.rows.slice(h) };
    expect(table.rows.map((r) => r.slice(0, 7))).toEqual([
      ['日期', '单号', '类型', '摘要', '应收增加', '收款/减少', '余额'],
      ['2026-11-01', null, null, '期初余额', null, null, 1234.56],
      ['2026-11-01', 'YS202611-0001', '应收单', null, 100.01, null, 1334.57],
      ['2026-11-02', 'SK202611-0001', '回款', null, null, 0.5, 1334.07],
      ['2026-11-30', null, null, '本期合计 / 期末余额', 100.01, 0.5, 1334.07],
    ]);
  });
});
