/**
 * Every API method × every role, called straight through the dispatcher as a
 * compromised renderer would: refused ('forbidden') exactly where the role
 * table says no, and never refused for permission where it says yes. The
 * expected answer comes from the role table (ROLE_PERMISSIONS), the method's
 * permission from its one declared line; a method without a line fails to
 * compile and fails the first test here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/api/contract';
import { methodPermissions } from '../../../shared/auth/methodPermissions';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../../shared/auth/roles';
import { call, officeWithUsers, PASSWORD, type Office } from './helpers';

let o: Office;
beforeAll(async () => {
  o = await officeWithUsers();
  // A customer, so system.loadDemo is refused for content rather than filling the database.
  await call(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
});
afterAll(() => o.cleanup());

const USERNAMES = { boss: 'laoban', accountant: 'kuaiji', clerk: 'wenyuan', salesperson: 'yewu' } as const;

describe('permissions', () => {
  it('every method declares a known permission, and every role names only known permissions', () => {
    for (const name of Object.keys(methods)) expect(PERMISSIONS, name).toContain(methodPermissions[name as MethodName]);
    expect(Object.keys(methodPermissions).sort()).toEqual(Object.keys(methods).sort());
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it('the role table, by spot checks an office would state', () => {
    const may = (role: (typeof ROLES)[number], m: MethodName) => ROLE_PERMISSIONS[role].includes(methodPermissions[m]);
    expect(may('clerk', 'ledger.postReceipt')).toBe(true);
    expect(may('clerk', 'users.create')).toBe(false);
    expect(may('clerk', 'customers.exportXlsx')).toBe(false);
    expect(may('accountant', 'period.close')).toBe(true);
    expect(may('accountant', 'period.reopen')).toBe(false);
    expect(may('accountant', 'approvals.approve')).toBe(false);
    expect(may('salesperson', 'ledger.postInvoice')).toBe(false);
    expect(may('salesperson', 'customers.list')).toBe(true);
    expect(may('boss', 'users.create')).toBe(true);
    // The settings folder dialogs go with the settings they fill (backup.updateSettings, sync.setup).
    for (const [dialog, setting] of [
      ['backup.chooseFolder', 'backup.updateSettings'],
      ['sync.chooseFolder', 'sync.setup'],
    ] as const) {
      for (const role of ROLES) expect(may(role, dialog), `${role} ${dialog}`).toBe(may(role, setting));
    }
    expect(may('clerk', 'backup.chooseFolder')).toBe(false);
  });

  it.each(ROLES)('%s: every method through the dispatcher is refused exactly where the table says no', async (role) => {
    const wrong: string[] = [];
    for (const name of Object.keys(methods) as MethodName[]) {
      // A fresh session per call: auth.logout / auth.lock must not leak into the next method's answer.
      const v = { session: `perm:${role}:${name}`, channel: 'ipc' as const };
      await call(o.rt, v, 'auth.login', { username: USERNAMES[role], password: PASSWORD });
      const r = await o.rt.call(name, {}, v);
      const allowed = ROLE_PERMISSIONS[role].includes(methodPermissions[name]);
      const refused = !r.ok && r.error.code === 'forbidden' && !r.error.field;
      if (allowed === refused) wrong.push(`${name}: ${allowed ? 'refused' : 'allowed'} (${r.ok ? 'ok' : r.error.code + ' ' + r.error.message})`);
    }
    expect(wrong).toEqual([]);
    const denials = o.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'permission_denied' AND user = ?`).get(USERNAMES[role]) as { n: number };
    const expected = (Object.keys(methods) as MethodName[]).filter((m) => !ROLE_PERMISSIONS[role].includes(methodPermissions[m])).length;
    expect(denials.n).toBe(expected);
  });
});
