/** import invoices | receipts | opening: columns, defaults, all-or-nothing, credit-limit warnings, undo by voids. */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { ImportBatch, ImportCommitResult, ImportReport } from '../../../shared/api/imports';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { count, customer, footprint, ledger, openOf, refusal, sqlite } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const file = (kind: string, csv: string, gbk = false) => ({
  kind,
  fileName: `${kind}.csv`,
  dataBase64: (gbk ? iconv.encode(csv, 'gbk') : Buffer.from(csv, 'utf8')).toString('base64'),
});
const commit = (kind: string, csv: string, gbk = false) => t.rt.invoke<ImportCommitResult>('imports.commit', file(kind, csv, gbk));
const preview = (kind: string, csv: string) => t.rt.invoke<ImportReport>('imports.preview', file(kind, csv));
const docByNo = (kind: string, docNo: string) =>
  sqlite(t).prepare(`SELECT * FROM ar_documents WHERE kind = ? AND doc_no = ?`).get(kind, docNo) as Record<string, unknown>;

describe('import invoices', () => {
  it('imports GBK CSV with every column form; due date defaults per customer; one batch', async () => {
    const a = await customer(t, 'C0001', { paymentTermDays: 15 });
    await customer(t, 'C0002');
    const k = await t.rt.invoke<ContractDetail>('contracts.create', {
      customerId: a.id,
      kind: 'framework',
      contractNo: 'HT202611-0001',
      signedOn: '2026-11-01',
      amount: '100000',
    });
    await t.rt.invoke('contracts.activate', { id: k.id });
    const csv = [
      '应收单导入',
      '单号,客户编码,日期,到期日,金额,合同号,发票号码,摘要',
      'FH001,C0001,2026/11/1,,"50,000.00",ht202611-0001,04410001,螺纹钢',
      'FH002,c0002,2026年11月2日,2026-12-31,￥1200,,,',
      '',
      'FH003,C0001,20261103,,12.34,,,退补差价',
    ].join('\r\n');
    const r = await commit('invoices', csv, true);
    expect(r.report).toEqual({ kind: 'invoices', rows: 3, imported: 3, dryRun: false, errors: [], warnings: [] });
    expect(docByNo('invoice', 'FH001')).toMatchObject({ due_on: '2026-11-16', amount_fen: 5_000_000, contract_id: k.id, vat_invoice_no: '04410001', memo: '螺纹钢', import_batch_id: r.batch.id });
    expect(docByNo('invoice', 'FH002')).toMatchObject({ due_on: '2026-12-31', amount_fen: 120_000 });
    expect(docByNo('invoice', 'FH003')).toMatchObject({ doc_date: '2026-11-03', due_on: '2026-11-18', amount_fen: 1_234 });
    expect(sqlite(t).prepare(`SELECT balance_fen FROM ar_customer_state WHERE customer_id = ?`).get(a.id)).toEqual({ balance_fen: 5_001_234 });
    // One audit row per document.
    expect(sqlite(t).prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'ar_document' AND action = 'import'`).get()).toEqual({ n: 3 });
  });

  it('refuses the whole file on any bad row, naming row and column; nothing written', async () => {
    await customer(t, 'C0001');
    const before = footprint(t);
    const err = await refusal(t, 'imports.commit', file('invoices', [
      '单号,客户编码,日期,到期日,金额,合同号',
      'FH001,C0001,2026-11-01,,100,',
      'FH002,C9999,2026-11-01,,100,',
      'FH003,C0001,2026-11-05,2026-11-04,100,',
      'FH004,C0001,2026-11-01,,0,',
      'FH005,C0001,2026-11-01,,-3,',
      'FH001,C0001,2026-11-01,,100,',
      'FH006,C0001,2026-11-01,,100,HT-NONE',
      'FH007,C0001,2026-11-01,,5万,',
    ].join('\n')));
    const report = err.details as ImportReport;
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '客户编码'],
      [4, '到期日'],
      [5, '金额'],
      [6, '金额'],
      [7, '单号'],
      [8, '合同号'],
      [9, '金额'],
    ]);
    expect(report.errors[0].message).toContain('C9999');
    expect(footprint(t)).toEqual(before);
    expect(count(t, 'import_batches')).toBe(0);
  });

  it('never blocks on the credit limit; lists customers ending over it as warnings', async () => {
    await t.rt.invoke('ledger.updateSettings', { creditLimitMode: 'block' });
    await customer(t, 'C0001', { creditLimitFen: 100_000, name: '重庆华东商贸有限公司' });
    const r = await commit('invoices', '单号,客户编码,日期,金额\nA1,C0001,2026-11-01,600\nA2,C0001,2026-11-02,500\n');
    expect(r.report.imported).toBe(2);
    expect(r.report.warnings).toEqual([
      { row: null, column: '客户编码', message: '客户 重庆华东商贸有限公司（C0001）导入后余额 ¥1,100.00 超过信用额度 ¥1,000.00（超出 ¥100.00）' },
    ]);
  });
});

describe('import receipts and openings', () => {
  it('receipts: method (blank = 银行转账), 核销单号 pays that invoice first, refuses a later or foreign invoice', async () => {
    const a = await customer(t, 'C0001');
    await customer(t, 'C0002');
    await commit('invoices', '单号,客户编码,日期,到期日,金额\nI1,C0001,2026-10-01,2026-10-01,1000\nI2,C0001,2026-10-02,2026-10-31,1000\nJ1,C0002,2026-10-01,,1000\n');
    const bad = await refusal(t, 'imports.commit', file('receipts', '单号,客户编码,日期,金额,核销单号\nR1,C0001,2026-10-01,100,I2\nR2,C0001,2026-10-05,100,J1\nR3,C0001,2026-10-05,100,I9\nR4,C0001,2026-10-05,100,,\n'));
    expect((bad.details as ImportReport).errors.map((e) => [e.row, e.column])).toEqual([
      [2, '核销单号'],
      [3, '核销单号'],
      [4, '核销单号'],
    ]);
    const r = await commit('receipts', '单号,客户编码,日期,金额,方式,核销单号,摘要\nR1,C0001,2026-10-10,600,,I2,指定核销\nR2,C0001,2026-10-11,50,承兑汇票,,\nR3,C0001,2026-10-12,10,wechat,,\n');
    expect(r.report.imported).toBe(3);
    const i1 = docByNo('invoice', 'I1').id as string;
    const i2 = docByNo('invoice', 'I2').id as string;
    // 600 to I2 by hand although I1 is due earlier; the other receipts by FIFO to I1.
    expect([openOf(t, i1), openOf(t, i2)]).toEqual([100_000 - 6_000, 100_000 - 60_000]);
    expect(docByNo('receipt', 'R1')).toMatchObject({ method: 'bank_transfer', memo: '指定核销' });
    expect(docByNo('receipt', 'R2')).toMatchObject({ method: 'acceptance_bill' });
    expect(docByNo('receipt', 'R3')).toMatchObject({ method: 'wechat' });
    expect((await ledger(t, a.id)).closingFen).toBe(200_000 - 66_000);
  });

  it('openings: signed amounts, due date default = date, automatic numbers; zero refused', async () => {
    const a = await customer(t, 'C0001');
    const zero = await refusal(t, 'imports.commit', file('opening', '客户编码,日期,金额\nC0001,2025-12-31,0\n'));
    expect((zero.details as ImportReport).errors[0]).toMatchObject({ row: 2, column: '金额' });
    const r = await commit('opening', '客户编码,日期,到期日,金额,摘要\nC0001,2025-12-31,,8000,旧账\nC0001,2025-12-31,2026-01-31,"1,000.50",\nC0001,2025-12-31,2026-02-01,-300,预收货款\n');
    expect(r.report).toMatchObject({ imported: 3, warnings: [{ row: 4, column: '到期日' }] });
    const rows = sqlite(t).prepare(`SELECT doc_no, side, due_on, amount_fen FROM ar_documents WHERE customer_id = ? ORDER BY doc_no`).all(a.id);
    expect(rows).toEqual([
      { doc_no: 'QC202512-0001', side: 'debit', due_on: '2025-12-31', amount_fen: 800_000 },
      { doc_no: 'QC202512-0002', side: 'debit', due_on: '2026-01-31', amount_fen: 100_050 },
      { doc_no: 'QC202512-0003', side: 'credit', due_on: null, amount_fen: 30_000 },
    ]);
    expect((await preview('opening', '客户编码,日期,金额\nC0001,2025-12-31,1\n')).dryRun).toBe(true);
    expect(count(t, 'ar_documents')).toBe(3);
  });
});

describe('undo of an imported batch', () => {
  it('posts a void dated as each original, marked as an undone import; the books show both', async () => {
    const a = await customer(t, 'C0001');
    const r = await commit('invoices', '单号,客户编码,日期,金额\nU1,C0001,2026-10-01,100\nU2,C0001,2026-10-05,200\n');
    const undone = await t.rt.invoke<ImportBatch>('imports.undo', { batchId: r.batch.id, reason: '导错文件' });
    expect(undone.undoneAt).not.toBeNull();
    const l = await ledger(t, a.id);
    expect(l.lines.map((x) => [x.date, x.kind, x.debitFen, x.creditFen, x.voided ?? false])).toEqual([
      ['2026-10-01', 'invoice', 10_000, 0, true],
      ['2026-10-01', 'void', 0, 10_000, false],
      ['2026-10-05', 'invoice', 20_000, 0, true],
      ['2026-10-05', 'void', 0, 20_000, false],
    ]);
    expect(l.lines[1].memo).toBe('冲销应收单 U1：撤销导入“invoices.csv”：导错文件');
    expect(l.closingFen).toBe(0);
    expect(count(t, 'ar_documents')).toBe(4);
  });

  it('is blocked while a write-off names one of its invoices; a customer with documents cannot be deleted', async () => {
    const a = await customer(t, 'C0001');
    const r = await commit('invoices', '单号,客户编码,日期,金额\nW1,C0001,2026-10-01,100\n');
    await t.rt.invoke('ledger.postWriteOff', { debitId: docByNo('invoice', 'W1').id, date: '2026-11-01', amountFen: 10_000, memo: '坏账' });
    const batches = await t.rt.invoke<ImportBatch[]>('imports.batches', { kind: 'invoices' });
    expect(batches[0].undoBlockedReason).toContain('坏账核销单 HX202611-0001');
    expect(await refusal(t, 'imports.undo', { batchId: r.batch.id, reason: 'x' })).toMatchObject({ field: 'batchId' });
    const del = await t.rt.call('customers.delete', { id: a.id, reason: '测试' });
    expect(del.ok).toBe(false);
  });
});
