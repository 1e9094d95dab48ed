/**
 * Approvals: the acts that hide theft need the boss. 当面授权 runs the act as
 * the clerk with authorized_by = the boss; a pending request changes no
 * balance until approved; approval is bound to the exact payload and the
 * act is re-checked when it executes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalDto } from '../../../shared/api/controls';
import type { PostResult } from '../../../shared/api/ledger';
import { fixedClock } from '../../../shared/dates/clock';
import { call, officeWithUsers, PASSWORD, type Office } from './helpers';

let o: Office;
afterEach(() => o?.cleanup());

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error & { code: string; details: { act?: string } };
  }
  throw new Error('expected a refusal');
};

async function setup() {
  o = await officeWithUsers();
  const c = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
  const inv = await call<PostResult>(o.rt, o.as('clerk'), 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 100_000 });
  return { customerId: c.id, invoiceId: inv.document.id };
}
const balance = async (customerId: string) => (await call<{ balanceFen: number }>(o.rt, o.as('boss'), 'ledger.summary', { customerId })).balanceFen;
const audit = (sql: string, ...p: unknown[]) => o.rt.database().sqlite.prepare(sql).all(...p);

describe('approvals', () => {
  it('a clerk write-off needs the boss; his password on the spot posts it as the clerk, authorized by the boss', async () => {
    const { customerId, invoiceId } = await setup();
    const writeOff = { debitId: invoiceId, date: '2026-11-20', amountFen: 30_000, memo: '客户破产，无法收回' };
    const e = await errorOf(call(o.rt, o.as('clerk'), 'ledger.postWriteOff', writeOff));
    expect(e.code).toBe('approval_required');
    expect(e.details.act).toBe('write_off');
    expect(await balance(customerId)).toBe(100_000);

    const wrong = await errorOf(call(o.rt, o.as('clerk'), 'approvals.authorizeInPlace', { method: 'ledger.postWriteOff', params: writeOff, authorizer: 'laoban', password: 'not-his-password' }));
    expect(wrong.message).toBe('授权人或密码不正确');
    const notBoss = await errorOf(call(o.rt, o.as('clerk'), 'approvals.authorizeInPlace', { method: 'ledger.postWriteOff', params: writeOff, authorizer: 'kuaiji', password: PASSWORD }));
    expect(notBoss.code).toBe('forbidden');
    expect(await balance(customerId)).toBe(100_000);

    const done = await call<PostResult>(o.rt, o.as('clerk'), 'approvals.authorizeInPlace', { method: 'ledger.postWriteOff', params: writeOff, authorizer: 'laoban', password: PASSWORD });
    expect(done.document.kind).toBe('write_off');
    expect(await balance(customerId)).toBe(70_000);
    expect(audit(`SELECT user, user_id, authorized_by FROM audit_log WHERE entity = 'ar_document' AND entity_id = ?`, done.document.id)).toEqual([
      { user: 'wenyuan', user_id: o.ids.clerk, authorized_by: o.ids.boss },
    ]);
    // The boss himself needs nobody (his own act lands on the exceptions report).
    await call(o.rt, o.as('boss'), 'ledger.postWriteOff', { ...writeOff, amountFen: 10_000 });
  });

  it('a pending request changes no balance, aging or alert; approval executes exactly the stored content', async () => {
    const { customerId, invoiceId } = await setup();
    const before = { balance: await balance(customerId), aging: await call(o.rt, o.as('boss'), 'aging.report', {}), alerts: await call(o.rt, o.as('boss'), 'alerts.list', {}) };
    const writeOff = { debitId: invoiceId, date: '2026-11-20', amountFen: 30_000, memo: '客户破产' };
    const req = await call<ApprovalDto>(o.rt, o.as('clerk'), 'approvals.request', { method: 'ledger.postWriteOff', params: writeOff, reason: '客户已注销' });
    expect(req.status).toBe('pending');
    expect(await balance(customerId)).toBe(before.balance);
    expect(await call(o.rt, o.as('boss'), 'aging.report', {})).toEqual(before.aging);
    expect(await call(o.rt, o.as('boss'), 'alerts.list', {})).toEqual(before.alerts);

    // The clerk cannot approve (no permission), nor can anyone approve what they requested themselves.
    expect((await errorOf(call(o.rt, o.as('clerk'), 'approvals.approve', { id: req.id, payloadSha256: req.payloadSha256 }))).code).toBe('forbidden');
    // A hash other than the stored content's is refused; nothing posts.
    const stale = await errorOf(call(o.rt, o.as('boss'), 'approvals.approve', { id: req.id, payloadSha256: 'a'.repeat(64) }));
    expect(stale.message).toContain('不一致');
    const ok = await call<ApprovalDto>(o.rt, o.as('boss'), 'approvals.approve', { id: req.id, payloadSha256: req.payloadSha256 });
    expect(ok.status).toBe('approved');
    expect(await balance(customerId)).toBe(before.balance - 30_000);
    expect(audit(`SELECT user, authorized_by, approval_id FROM audit_log WHERE entity = 'ar_document' AND approval_id IS NOT NULL`)).toEqual([
      { user: 'wenyuan', authorized_by: o.ids.boss, approval_id: req.id },
    ]);
    expect((await errorOf(call(o.rt, o.as('boss'), 'approvals.approve', { id: req.id, payloadSha256: req.payloadSha256 }))).message).toContain('已处理');
  });

  it('a request whose stored content changed is refused; one whose facts changed fails with a clear message and posts nothing', async () => {
    const { customerId, invoiceId } = await setup();
    const writeOff = { debitId: invoiceId, date: '2026-11-20', amountFen: 100_000, memo: '全额核销' };
    const tampered = await call<ApprovalDto>(o.rt, o.as('clerk'), 'approvals.request', { method: 'ledger.postWriteOff', params: writeOff, reason: '客户跑路' });
    o.rt.database().sqlite.prepare('UPDATE approvals SET payload = ? WHERE id = ?').run(JSON.stringify({ ...writeOff, amountFen: 99_000 }), tampered.id);
    const t = await errorOf(call(o.rt, o.as('boss'), 'approvals.approve', { id: tampered.id, payloadSha256: tampered.payloadSha256 }));
    expect(t.message).toContain('改动');

    const req = await call<ApprovalDto>(o.rt, o.as('clerk'), 'approvals.request', { method: 'ledger.postWriteOff', params: { ...writeOff, memo: '再次申请' }, reason: '客户跑路' });
    // Meanwhile a payment in full dated before the write-off is entered: nothing is left to write off.
    await call(o.rt, o.as('clerk'), 'ledger.postReceipt', { customerId, date: '2026-11-19', amountFen: 100_000 });
    const failed = await errorOf(call(o.rt, o.as('boss'), 'approvals.approve', { id: req.id, payloadSha256: req.payloadSha256 }));
    expect(failed.message).toContain('审批未执行');
    expect(await balance(customerId)).toBe(0);
    const listed = await call<ApprovalDto[]>(o.rt, o.as('clerk'), 'approvals.list', { status: 'all' });
    expect(listed.find((a) => a.id === req.id)?.status).toBe('failed');
  });

  it('expired requests, self-approval and empty reasons are refused with nothing written', async () => {
    const { invoiceId } = await setup();
    const params = { debitId: invoiceId, date: '2026-11-20', amountFen: 1_000, memo: '小额核销' };
    const empty = await errorOf(call(o.rt, o.as('clerk'), 'approvals.request', { method: 'ledger.postWriteOff', params, reason: '  ' }));
    expect(empty.code).toBe('validation');
    expect(empty.message).toContain('申请原因');
    const req = await call<ApprovalDto>(o.rt, o.as('accountant'), 'approvals.request', { method: 'ledger.postWriteOff', params, reason: '会计准备' });
    o.rt.database().sqlite.prepare('UPDATE approvals SET expires_at = ? WHERE id = ?').run('2026-11-01T00:00:00.000Z', req.id);
    const rows = audit('SELECT count(*) AS n FROM audit_log');
    const expired = await errorOf(call(o.rt, o.as('boss'), 'approvals.approve', { id: req.id, payloadSha256: req.payloadSha256 }));
    expect(expired.message).toContain('过期');
    expect(audit('SELECT count(*) AS n FROM audit_log')).toEqual(rows);
    // A second boss requesting for himself is not how it works: a boss needs no request at all.
    expect((await errorOf(call(o.rt, o.as('boss'), 'approvals.request', { method: 'ledger.postWriteOff', params, reason: '自己批' }))).message).toContain('不需要审批');
  });

  it('voids: own entry of today is free; older or someone else’s needs the boss; credit notes above the clerk limit; raising a credit limit', async () => {
    const { customerId, invoiceId } = await setup();
    const fresh = await call<PostResult>(o.rt, o.as('clerk'), 'ledger.postReceipt', { customerId, date: '2026-11-24', amountFen: 500 });
    await call(o.rt, o.as('clerk'), 'ledger.void', { docId: fresh.document.id, reason: '录入错误' });
    const other = await call<PostResult>(o.rt, o.as('accountant'), 'ledger.postReceipt', { customerId, date: '2026-11-24', amountFen: 700 });
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.void', { docId: other.document.id, reason: '录入错误' }))).details.act).toBe('void');
    // The next day the clerk's own invoice of yesterday is no longer a same-day typo fix.
    o.rt.clock = fixedClock('2026-11-25T02:00:00Z');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.void', { docId: invoiceId, reason: '录入错误' }))).code).toBe('approval_required');

    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postCreditNote', { customerId, date: '2026-11-24', amountFen: 1 }))).details.act).toBe('credit_note');
    await call(o.rt, o.as('boss'), 'approvals.updateSettings', { clerkCreditNoteLimitFen: 5_000, requestExpiryDays: 14, backdateFlagDays: 7, idleLockMinutes: 10 });
    await call(o.rt, o.as('clerk'), 'ledger.postCreditNote', { customerId, date: '2026-11-24', amountFen: 5_000 });
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postCreditNote', { customerId, date: '2026-11-24', amountFen: 5_001 }))).code).toBe('approval_required');

    await call(o.rt, o.as('boss'), 'customers.update', { id: customerId, creditLimitFen: 1_000_000 });
    expect((await errorOf(call(o.rt, o.as('clerk'), 'customers.update', { id: customerId, creditLimitFen: 2_000_000 }))).details.act).toBe('credit_terms');
    expect((await errorOf(call(o.rt, o.as('clerk'), 'customers.update', { id: customerId, paymentTermDays: 90 }))).details.act).toBe('credit_terms');
    await call(o.rt, o.as('clerk'), 'customers.update', { id: customerId, creditLimitFen: 500_000 });
  });

  it('a credit-limit block: the clerk with a reason still needs the boss; with his authorization it posts', async () => {
    const { customerId } = await setup();
    await call(o.rt, o.as('boss'), 'customers.update', { id: customerId, creditLimitFen: 150_000 });
    await call(o.rt, o.as('boss'), 'ledger.updateSettings', { creditLimitMode: 'block' });
    const inv = { customerId, date: '2026-11-24', amountFen: 100_000 };
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', inv))).code).toBe('credit_limit');
    const withReason = { ...inv, override: { reason: '老客户，年底回款' } };
    expect((await errorOf(call(o.rt, o.as('clerk'), 'ledger.postInvoice', withReason))).details.act).toBe('credit_block');
    await call(o.rt, o.as('clerk'), 'approvals.authorizeInPlace', { method: 'ledger.postInvoice', params: withReason, authorizer: 'laoban', password: PASSWORD });
    expect(await balance(customerId)).toBe(200_000);
  });
});
