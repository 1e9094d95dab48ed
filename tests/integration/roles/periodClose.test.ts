/**
 * Period close: posting, voiding, importing and back-dating on or before the
 * closed-through date are refused (never re-dated); a boss's exception lets
 * one customer through until it expires; moving the date back is the boss's,
 * with a reason; the exceptions report lists what happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ExceptionRow, PeriodState } from '../../../shared/api/controls';
import type { PostResult } from '../../../shared/api/ledger';
import { fixedClock } from '../../../shared/dates/clock';
import { call, officeWithUsers, type Office } from './helpers';

let o: Office;
afterEach(() => o?.cleanup());

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error & { code: string; field: string | null; details: { kind?: string } };
  }
  throw new Error('expected a refusal');
};
const csv = (text: string) => ({ kind: 'invoices', fileName: 'invoices.csv', dataBase64: Buffer.from(text, 'utf8').toString('base64') });

describe('period close', () => {
  it('refuses every write on or before the date, lets one customer through under an exception until it expires', async () => {
    o = await officeWithUsers();
    const a = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都甲商贸有限公司' });
    const b = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0002', name: '成都乙商贸有限公司' });
    const old = await call<PostResult>(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-10', amountFen: 50_000 });

    // Bad input: a date in the future; a clerk may not close; the accountant may.
    expect((await errorOf(call(o.rt, o.as('accountant'), 'period.close', { through: '2026-12-31' }))).message).toContain('不能晚于今天');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'period.close', { through: '2026-10-31' }))).code).toBe('forbidden');
    await call<PeriodState>(o.rt, o.as('accountant'), 'period.close', { through: '2026-10-31' });

    const countDocs = () => (o.rt.database().sqlite.prepare('SELECT count(*) AS n FROM ar_documents').get() as { n: number }).n;
    const before = countDocs();
    const posting = await errorOf(call(o.rt, o.as('boss'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-31', amountFen: 1_000 }));
    expect(posting.code).toBe('conflict');
    expect(posting.details.kind).toBe('period_closed');
    expect(posting.message).toContain('已结账至 2026-10-31');
    expect((await errorOf(call(o.rt, o.as('boss'), 'ledger.void', { docId: old.document.id, reason: '录错了' }))).details.kind).toBe('period_closed');
    const imported = await o.rt.call('imports.commit', csv('单号,客户编码,日期,金额\nYS-IMP-1,C0002,2026-10-15,100.00\n'), o.as('boss'));
    expect(imported.ok).toBe(false);
    expect(countDocs()).toBe(before);
    // The day after the close is open (a back-dated entry, flagged on the exceptions report).
    await call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: b.id, date: '2026-11-01', amountFen: 2_000 });

    // The accountant may not move it back; the boss may, only with a reason.
    expect((await errorOf(call(o.rt, o.as('accountant'), 'period.reopen', { through: '2026-09-30', reason: '补录' }))).code).toBe('forbidden');
    expect((await errorOf(call(o.rt, o.as('boss'), 'period.reopen', { through: '2026-09-30', reason: '' }))).code).toBe('validation');
    expect((await errorOf(call(o.rt, o.as('accountant'), 'period.close', { through: '2026-09-30' }))).message).toContain('反结账');

    // An exception for customer A only, through Oct 31, until the end of today.
    await call(o.rt, o.as('boss'), 'period.grantException', { customerId: a.id, throughDate: '2026-10-31', reason: '补开十月漏开的发票' });
    const let_ = await call<PostResult>(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-20', amountFen: 3_000 });
    expect(let_.document.date).toBe('2026-10-20');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: b.id, date: '2026-10-20', amountFen: 3_000 }))).details.kind).toBe('period_closed');
    // Tomorrow it has expired.
    o.rt.clock = fixedClock('2026-11-25T02:00:00Z');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-21', amountFen: 3_000 }))).details.kind).toBe('period_closed');

    await call(o.rt, o.as('boss'), 'period.reopen', { through: '2026-09-30', reason: '审计调整' });
    await call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: b.id, date: '2026-10-20', amountFen: 4_000 });

    const report = await call<ExceptionRow[]>(o.rt, o.as('accountant'), 'exceptions.report', { from: '2026-11-01', to: '2026-11-30' });
    // Independent count: four invoices dated more than 7 days before their entry (10-10, 11-01 and 10-20 twice), one exception
    // granted, one write through it, one re-opening; the refused attempts left no trace.
    const actions = report.map((r) => r.action).sort();
    expect(actions).toEqual(['backdated', 'backdated', 'backdated', 'backdated', 'lock_exception', 'lock_override', 'period_reopen']);
    const override = report.find((r) => r.action === 'lock_override')!;
    expect(override).toMatchObject({ user: 'wenyuan', customerCode: 'C0001', amountFen: 3_000, reason: '补开十月漏开的发票' });
  });

  it('the confirmed-statement lock joins the mechanism: a clerk override needs the boss, an exception opens it', async () => {
    o = await officeWithUsers();
    const a = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都甲商贸有限公司' });
    await call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-10', amountFen: 50_000 });
    const st = await call<{ statement: { id: string } } | { id: string }>(o.rt, o.as('clerk'), 'statements.generate', { customerId: a.id, from: '2026-10-01', to: '2026-10-31' });
    const id = 'statement' in st ? st.statement.id : st.id;
    await call(o.rt, o.as('clerk'), 'statements.markSent', { id, date: '2026-11-24' });
    await call(o.rt, o.as('clerk'), 'statements.markConfirmed', { id, date: '2026-11-24' });
    const refused = await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-20', amountFen: 1_000 }));
    expect(refused.field).toBe('date');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-20', amountFen: 1_000, lockOverride: { reason: '补单' } }))).code).toBe('approval_required');
    await call(o.rt, o.as('boss'), 'period.grantException', { customerId: a.id, throughDate: '2026-10-31', reason: '客户确认后补开发票', hours: 2 });
    await call(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: a.id, date: '2026-10-20', amountFen: 1_000 });
    const affected = o.rt.database().sqlite.prepare('SELECT affected_reason FROM statements WHERE id = ?').get(id) as { affected_reason: string };
    expect(affected.affected_reason).toContain('客户确认后补开发票');
  });
});
