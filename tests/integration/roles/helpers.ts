/** A runtime with users: the boss from the first-run wizard and one user of each other role, each on its own session. */
import { setScryptCostForTests } from '../../../electron/services/auth/passwordHash';
import type { CallVia } from '../../../electron/api/sessions';
import type { AppRuntime } from '../../../electron/api/runtime';
import type { Role } from '../../../shared/auth/roles';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

// Thousands of hashes in tests; the cost of production hashes is checked in tests/unit/auth.
setScryptCostForTests(4);

export const PASSWORD = 'correct-horse-1';
export const via = (name: string): CallVia => ({ session: `test:${name}`, channel: 'ipc' });

export interface Office extends TempRuntime {
  ids: Record<Role, string>;
  recoveryCode: string;
  as(role: Role): CallVia;
}

export async function call<T = unknown>(rt: AppRuntime, v: CallVia, method: string, params: unknown = {}): Promise<T> {
  const r = await rt.call(method, params, v);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details, field: r.error.field });
  return r.data as T;
}

export async function officeWithUsers(opts: Parameters<typeof tempRuntime>[0] = {}): Promise<Office> {
  const t = await tempRuntime(opts);
  const boss = await call<{ user: { id: string }; recoveryCode: string }>(t.rt, via('boss'), 'auth.setupBoss', {
    username: 'laoban', displayName: '王老板', password: PASSWORD, confirmPassword: PASSWORD,
  });
  const ids = { boss: boss.user.id } as Record<Role, string>;
  // Statements need the letterhead's company name (issue 16).
  await call(t.rt, via('boss'), 'settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
  const names: Record<Exclude<Role, 'boss'>, string> = { accountant: 'kuaiji', clerk: 'wenyuan', salesperson: 'yewu' };
  for (const [role, username] of Object.entries(names) as [Exclude<Role, 'boss'>, string][]) {
    const u = await call<{ id: string }>(t.rt, via('boss'), 'users.create', { username, displayName: `${role}-name`, role, password: 'temporary-pw' });
    ids[role] = u.id;
    await call(t.rt, via(role), 'auth.login', { username, password: 'temporary-pw' });
    await call(t.rt, via(role), 'auth.changePassword', { oldPassword: 'temporary-pw', newPassword: PASSWORD });
  }
  return { ...t, ids, recoveryCode: boss.recoveryCode, as: (role) => via(role) };
}
