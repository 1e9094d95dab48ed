/**
 * The register after printing: sent, confirmed, disputed, the signed copy,
 * verification codes, and the confirmed-period lock on the ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostResult } from '../../../shared/api/ledger';
import type { PeriodLockRefusal } from '../../../shared/api/periodLock';
import type { GeneratedStatement, StatementRecord, VerifyResult } from '../../../shared/api/statements';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, refusal, statementRuntime } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await statementRuntime();
});
afterEach(() => t.cleanup());

const generate = async (customerId: string, from = '2026-11-01', to = '2026-11-30') =>
  (await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId, from, to })).statement;
const act = (method: 'statements.markSent' | 'statements.markConfirmed' | 'statements.markDisputed' | 'statements.attachSignedCopy', input: Record<string, unknown>) =>
  t.rt.invoke<StatementRecord>(method, input);
const auditActions = (id: string) =>
  (t.rt.database().sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'statement' AND entity_id = ? ORDER BY at, rowid`).all(id) as { action: string }[]).map(
    (r) => r.action,
  );

async function invoicedCustomer(code = 'C0001') {
  const c = await customer(t, code);
  await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 500_000 });
  await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-18', amountFen: 120_000 });
  return c;
}

describe('status actions', () => {
  it('generated → sent → confirmed, each dated and audited', async () => {
    const c = await invoicedCustomer();
    const s = await generate(c.id);
    const sent = await act('statements.markSent', { id: s.id, date: null });
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2026-12-05' });
    expect(await refusal(t, 'statements.markConfirmed', { id: s.id, date: '2026-12-06' })).toMatchObject({ code: 'validation', field: 'date' });
    expect(await refusal(t, 'statements.markConfirmed', { id: s.id, date: '2026-12-01' })).toMatchObject({ code: 'validation', field: 'date' });
    const confirmed = await act('statements.markConfirmed', { id: s.id, date: '2026-12-05' });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedOn: '2026-12-05', sentOn: '2026-12-05' });
    expect(await refusal(t, 'statements.markConfirmed', { id: s.id, date: '2026-12-05' })).toMatchObject({ code: 'conflict' });
    expect(await refusal(t, 'statements.markDisputed', { id: s.id, note: 'x', customerFigureFen: 1 })).toMatchObject({ code: 'conflict' });
    expect(await refusal(t, 'statements.markSent', { id: s.id, date: null })).toMatchObject({ code: 'conflict' });
    expect(auditActions(s.id)).toEqual(['generate', 'mark_sent', 'mark_confirmed']);
  });

  it('disputed with the customer figure and the difference, then confirmed once settled', async () => {
    const c = await invoicedCustomer();
    const s = await generate(c.id);
    await act('statements.markSent', { id: s.id, date: '2026-12-05' });
    const d = await act('statements.markDisputed', { id: s.id, note: '客户称 11-18 另付 2,000 元现金未入账', customerFigureFen: 180_000 });
    expect(d).toMatchObject({ status: 'disputed', customerFigureFen: 180_000, differenceFen: 380_000 - 180_000, disputeNote: '客户称 11-18 另付 2,000 元现金未入账' });
    expect(await refusal(t, 'statements.markDisputed', { id: s.id, note: '', customerFigureFen: 1 })).toMatchObject({ field: 'note' });
    const ok = await act('statements.markConfirmed', { id: s.id, date: '2026-12-05' });
    expect(ok.status).toBe('confirmed');
  });

  it('attaches a signed copy by its bytes (PDF/JPG/PNG), refusing anything else', async () => {
    const c = await invoicedCustomer();
    const s = await generate(c.id);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077', 'hex');
    const withCopy = await act('statements.attachSignedCopy', { id: s.id, fileName: 'C:\\fakepath\\回签.png', dataBase64: png.toString('base64') });
    expect(withCopy.signedCopy).toMatchObject({ fileName: '回签.png', mime: 'image/png', size: png.length });
    const back = await t.rt.invoke<{ dataBase64: string; mime: string }>('statements.getSignedCopy', { id: s.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    const docx = Buffer.from('504b030414000600080000002100', 'hex');
    expect(await refusal(t, 'statements.attachSignedCopy', { id: s.id, fileName: 'scan.pdf', dataBase64: docx.toString('base64') })).toMatchObject({
      code: 'validation',
      field: 'dataBase64',
    });
  });

  it('lists by period, status and customer', async () => {
    const a = await invoicedCustomer('C0001');
    const b = await invoicedCustomer('C0002');
    const sa = await generate(a.id);
    await generate(b.id);
    await generate(b.id, '2026-10-01', '2026-10-31');
    await act('statements.markSent', { id: sa.id, date: null });
    const list = (input: Record<string, unknown>) => t.rt.invoke<{ rows: StatementRecord[]; total: number }>('statements.list', input);
    expect((await list({ from: '2026-11-01', to: '2026-11-30' })).total).toBe(2);
    expect((await list({ status: 'sent' })).rows.map((r) => r.customer.code)).toEqual(['C0001']);
    expect((await list({ customerId: b.id })).total).toBe(2);
    expect((await list({ search: 'C0002' })).total).toBe(2);
    expect((await list({ search: sa.verificationCode })).rows.map((r) => r.id)).toEqual([sa.id]);
  });
});

describe('verification codes', () => {
  it('finds the statement by its code, however it is typed, and says whether the ledger still agrees', async () => {
    const c = await invoicedCustomer();
    const s = await generate(c.id);
    const typed = s.verificationCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const found = await t.rt.invoke<VerifyResult>('statements.verify', { code: typed });
    expect(found.statement.id).toBe(s.id);
    expect(found.matchesLedger).toBe(true);
    // A back-dated receipt changes the period after printing.
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-25', amountFen: 100 });
    expect((await t.rt.invoke<VerifyResult>('statements.verify', { code: s.verificationCode })).matchesLedger).toBe(false);
    const missing = await refusal(t, 'statements.verify', { code: s.verificationCode === 'ZZZZ-ZZZZ' ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ' });
    expect(missing).toMatchObject({ code: 'not_found', field: 'code' });
    expect(missing.message).toContain('不是本系统生成的');
    expect(await refusal(t, 'statements.verify', { code: '123' })).toMatchObject({ code: 'validation', field: 'code' });
  });
});

describe('confirmed-period lock', () => {
  it('refuses a back-dated posting into a confirmed period, accepts it with a reason, audits it and marks the confirmation affected', async () => {
    const c = await invoicedCustomer();
    const s = await generate(c.id);
    await act('statements.markConfirmed', { id: s.id, date: '2026-12-05' });

    const refused = await refusal(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-29', amountFen: 10_000 });
    expect(refused).toMatchObject({ code: 'conflict', field: 'date' });
    expect(refused.message).toContain(s.statementNo);
    expect(refused.details as PeriodLockRefusal).toMatchObject({ kind: 'period_locked', statementNo: s.statementNo, periodTo: '2026-11-30', confirmedOn: '2026-12-05' });
    // After the period end nothing is locked.
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-12-01', amountFen: 10_000 });
    expect((await t.rt.invoke<StatementRecord>('statements.get', { id: s.id })).affectedAt).toBeNull();

    const r = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-29', amountFen: 10_000, lockOverride: { reason: '客户 11-29 现金付款漏记' } });
    const after = await t.rt.invoke<StatementRecord>('statements.get', { id: s.id });
    expect(after.affectedAt).not.toBeNull();
    expect(after.affectedReason).toContain('客户 11-29 现金付款漏记');
    expect(after.status).toBe('confirmed');
    const docAudit = t.rt.database().sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'ar_document' AND entity_id = ?`).get(r.document.id) as {
      after: string;
    };
    expect(JSON.parse(docAudit.after)).toMatchObject({ periodLockOverride: { reason: '客户 11-29 现金付款漏记', statements: [s.statementNo] } });
    expect(auditActions(s.id)).toEqual(['generate', 'mark_confirmed', 'affected']);
  });

  it('locks voids of documents in the period and back-dated invoices, only for that customer, only once confirmed', async () => {
    const c = await invoicedCustomer('C0001');
    const other = await invoicedCustomer('C0002');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-10', amountFen: 7_000 });
    const s = await generate(c.id);
    // Sent but not confirmed: not locked yet.
    await act('statements.markSent', { id: s.id, date: null });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-12', amountFen: 1 });
    await act('statements.markConfirmed', { id: s.id, date: '2026-12-05' });

    expect(await refusal(t, 'ledger.void', { docId: inv.document.id, date: '2026-12-05', reason: '开错' })).toMatchObject({ code: 'conflict' });
    expect(await refusal(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 1 })).toMatchObject({ code: 'conflict' });
    expect(await refusal(t, 'ledger.postOpening', { customerId: c.id, date: '2026-01-01', amountFen: 1 })).toMatchObject({ code: 'conflict' });
    await post(t, 'ledger.postInvoice', { customerId: other.id, date: '2026-11-12', amountFen: 1 });
    const voided = await t.rt.invoke<PostResult>('ledger.void', { docId: inv.document.id, date: '2026-12-05', reason: '开错', lockOverride: { reason: '客户同意冲销' } });
    expect(voided.document.kind).toBe('void');
    expect((await t.rt.invoke<StatementRecord>('statements.get', { id: s.id })).affectedReason).toContain('客户同意冲销');
  });
});
