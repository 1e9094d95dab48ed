import { afterEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { call, officeWithUsers, PASSWORD, via, type Office } from './helpers';

let t: TempRuntime | Office | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error & { code: string; field: string | null; details: unknown };
  }
  throw new Error('expected a refusal');
};

describe('users and login', () => {
  it('without users the app behaves as before: any call runs as the OS user', async () => {
    t = await tempRuntime();
    const status = await call<{ usersExist: boolean; user: unknown }>(t.rt, via('x'), 'auth.status');
    expect(status).toMatchObject({ usersExist: false, user: null });
    await call(t.rt, via('x'), 'settings.updateCompany', { companyName: '测试公司' });
    const audit = t.rt.database().sqlite.prepare(`SELECT user, user_id, channel FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(audit).toEqual({ user: 'tester', user_id: null, channel: 'ipc' });
  });

  it('the first-run wizard runs once, also under two concurrent calls', async () => {
    t = await tempRuntime();
    const input = (u: string) => ({ username: u, displayName: u, password: PASSWORD, confirmPassword: PASSWORD });
    const results = await Promise.all([t.rt.call('auth.setupBoss', input('a'), via('a')), t.rt.call('auth.setupBoss', input('b'), via('b'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(!refused.ok && refused.error.code).toBe('conflict');
    expect(t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    const again = await t.rt.call('auth.setupBoss', input('c'), via('c'));
    expect(again.ok).toBe(false);
  });

  it('once users exist, a channel without login is refused and the body cannot name an actor', async () => {
    const o = await officeWithUsers();
    t = o;
    const e = await errorOf(call(t.rt, via('stranger'), 'customers.list', { actor: 'laoban', user: 'laoban' }));
    expect(e.code).toBe('unauthorized');
    expect(e.message).toContain('请先登录');
  });

  it('wrong password, unknown and disabled users are refused; failures back off after five', async () => {
    const o = await officeWithUsers();
    t = o;
    const bad = await errorOf(call(t.rt, via('x'), 'auth.login', { username: 'wenyuan', password: 'nope-nope' }));
    expect(bad.code).toBe('unauthorized');
    expect(bad.message).toBe('用户名或密码不正确');
    for (let i = 0; i < 4; i++) await errorOf(call(t.rt, via('x'), 'auth.login', { username: 'wenyuan', password: 'nope-nope' }));
    const throttled = await errorOf(call(t.rt, via('x'), 'auth.login', { username: 'wenyuan', password: PASSWORD }));
    expect(throttled.message).toMatch(/秒后再试/);
    const failures = t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'login_failed'`).get();
    expect(failures).toEqual({ n: 5 });

    await call(t.rt, o.as('boss'), 'users.disable', { id: o.ids.accountant });
    const disabled = await errorOf(call(t.rt, via('y'), 'auth.login', { username: 'kuaiji', password: PASSWORD }));
    expect(disabled.message).toContain('已停用');
    // The accountant's open session ends at its next call (fresh data on every call).
    const ended = await errorOf(call(t.rt, o.as('accountant'), 'customers.list', {}));
    expect(ended.code).toBe('unauthorized');
  });

  it('the last active boss can never be disabled or demoted', async () => {
    const o = await officeWithUsers();
    t = o;
    const demote = await errorOf(call(t.rt, o.as('boss'), 'users.update', { id: o.ids.boss, displayName: '王老板', role: 'clerk' }));
    expect(demote.code).toBe('conflict');
    expect(demote.message).toContain('唯一在用的老板');
    // With a second boss, the first may step down.
    const second = await call<{ id: string }>(t.rt, o.as('boss'), 'users.create', { username: 'laoban2', displayName: '李老板', role: 'boss', password: PASSWORD });
    await call(t.rt, via('boss2'), 'auth.login', { username: 'laoban2', password: PASSWORD });
    await call(t.rt, via('boss2'), 'auth.changePassword', { oldPassword: PASSWORD, newPassword: 'another-pass-2' });
    await call(t.rt, via('boss2'), 'users.disable', { id: o.ids.boss });
    const last = await errorOf(call(t.rt, via('boss2'), 'users.update', { id: second.id, displayName: '李老板', role: 'accountant' }));
    expect(last.code).toBe('conflict');
  });

  it('a role name that does not exist is refused with a Chinese message', async () => {
    const o = await officeWithUsers();
    t = o;
    const e = await errorOf(call(t.rt, o.as('boss'), 'users.create', { username: 'x', displayName: 'x', role: 'admin', password: PASSWORD }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('角色只能是');
  });

  it('the recovery code works once and a new one is issued', async () => {
    const o = await officeWithUsers();
    t = o;
    const r = await call<{ recoveryCode: string }>(t.rt, via('r'), 'auth.recover', { username: 'laoban', recoveryCode: o.recoveryCode.toLowerCase(), newPassword: 'brand-new-pass' });
    expect(r.recoveryCode).not.toBe(o.recoveryCode);
    await call(t.rt, via('r2'), 'auth.login', { username: 'laoban', password: 'brand-new-pass' });
    const reused = await errorOf(call(t.rt, via('r3'), 'auth.recover', { username: 'laoban', recoveryCode: o.recoveryCode, newPassword: 'other-pass-123' }));
    expect(reused.code).toBe('unauthorized');
    await call(t.rt, via('r4'), 'auth.recover', { username: 'laoban', recoveryCode: r.recoveryCode, newPassword: 'third-pass-123' });
    const hashes = t.rt.database().sqlite.prepare('SELECT recovery_code_hash FROM users WHERE role = ? AND recovery_code_hash IS NOT NULL').all('boss') as { recovery_code_hash: string }[];
    expect(hashes.every((h) => !h.recovery_code_hash.includes(r.recoveryCode))).toBe(true);
  });

  it('lock refuses everything but unlock/switch; unlock needs the same user; a temporary password must be changed first', async () => {
    const o = await officeWithUsers();
    t = o;
    await call(t.rt, o.as('clerk'), 'auth.lock');
    const locked = await errorOf(call(t.rt, o.as('clerk'), 'customers.list', {}));
    expect(locked.code).toBe('locked');
    expect((await errorOf(call(t.rt, o.as('clerk'), 'auth.unlock', { password: 'wrong-one' }))).code).toBe('unauthorized');
    await call(t.rt, o.as('clerk'), 'auth.unlock', { password: PASSWORD });
    await call(t.rt, o.as('clerk'), 'customers.list', {});
    // OS lock screen: every session locks.
    t.rt.lockAllSessions();
    expect((await errorOf(call(t.rt, o.as('boss'), 'customers.list', {}))).code).toBe('locked');
    const switched = await call<{ user: { username: string } }>(t.rt, o.as('boss'), 'auth.switchUser', { username: 'wenyuan', password: PASSWORD });
    expect(switched.user.username).toBe('wenyuan');

    await call(t.rt, o.as('accountant'), 'auth.logout');
    await call(t.rt, via('boss3'), 'auth.login', { username: 'laoban', password: PASSWORD });
    await call(t.rt, via('boss3'), 'users.resetPassword', { id: o.ids.accountant, password: 'temp-pass-99' });
    await call(t.rt, o.as('accountant'), 'auth.login', { username: 'kuaiji', password: 'temp-pass-99' });
    expect((await errorOf(call(t.rt, o.as('accountant'), 'customers.list', {}))).message).toContain('修改临时密码');
  });

  it('audit rows carry the logged-in user id and channel', async () => {
    const o = await officeWithUsers();
    t = o;
    await call(t.rt, o.as('clerk'), 'settings.getCompany');
    const c = await call<{ id: string }>(t.rt, o.as('clerk'), 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
    const row = t.rt.database().sqlite.prepare(`SELECT user, user_id, channel FROM audit_log WHERE entity_id = ?`).get(c.id);
    expect(row).toEqual({ user: 'wenyuan', user_id: o.ids.clerk, channel: 'ipc' });
  });
});
