/**
 * Checking a typed password: login, unlock, switch user, and the boss's
 * password typed on a clerk's screen (当面授权). Failures are counted per
 * user name on this PC and back off (shared/auth/backoff.ts); every failure
 * and every success is in the audit log.
 */
import { backoffAfter } from '../../../shared/auth/backoff';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { hashSecret, needsRehash, verifySecret } from './passwordHash';
import { findUserByName, type UserRow } from './users';

interface Throttle {
  failures: number;
  locked_until: string | null;
}

const throttleOf = (ctx: ServiceContext, username: string): Throttle =>
  (ctx.db.prepare('SELECT failures, locked_until FROM login_throttle WHERE username = ?').get(username) as Throttle | undefined) ?? {
    failures: 0,
    locked_until: null,
  };

export type PasswordPurpose = 'login' | 'unlock' | 'authorize';

/** Returns the user when the password is right and the account usable; otherwise throws 'unauthorized'. */
export async function authenticate(ctx: ServiceContext, usernameTyped: string, password: string, purpose: PasswordPurpose): Promise<UserRow> {
  const username = usernameTyped.trim();
  const now = ctx.clock.now();
  const t = throttleOf(ctx, username);
  if (t.locked_until && t.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(t.locked_until) - now.getTime()) / 1000);
    throw new DomainError('unauthorized', `密码错误次数过多，请 ${seconds} 秒后再试`, 'password');
  }
  const user = findUserByName(ctx, username);
  const ok = user ? await verifySecret(password, user.password_hash) : false;
  if (!ok || !user) {
    ctx.db.transaction(() => {
      const failures = t.failures + 1;
      const wait = backoffAfter(failures);
      ctx.db
        .prepare(`INSERT INTO login_throttle (username, failures, locked_until) VALUES (?, ?, ?)
          ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`)
        .run(username, failures, wait ? new Date(now.getTime() + wait).toISOString() : null);
      recordChange(ctx, { entity: 'session', entityId: user?.id ?? username, action: `${purpose}_failed`, before: null, after: { username, failures }, tables: [] });
    });
    throw new DomainError('unauthorized', purpose === 'authorize' ? '授权人或密码不正确' : '用户名或密码不正确', 'password');
  }
  if (user.disabled_at !== null) throw new DomainError('unauthorized', `账户 ${user.username} 已停用，请联系老板`, 'username');
  if (t.failures > 0) ctx.db.prepare('DELETE FROM login_throttle WHERE username = ?').run(username);
  if (needsRehash(user.password_hash)) {
    const hash = await hashSecret(password);
    ctx.db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(hash, user.id, user.password_hash);
  }
  return user;
}
