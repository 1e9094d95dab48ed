/**
 * The permission check of every call (issue 13 point 2), in the main
 * process: which user this channel's session belongs to (fresh from the
 * database on every call, so a disabled user or changed role takes effect at
 * once), whether the session is locked, and whether the role holds the one
 * permission the method declares (shared/auth/methodPermissions.ts). Refusals
 * are written to the audit log. Until the office creates its boss account
 * the app behaves as before: the OS user is the actor and every method runs.
 */
import type { MethodName } from '../../shared/api/contract';
import { methodPermissions, UNLOCKED_METHODS } from '../../shared/auth/methodPermissions';
import { CLI_READER_PERMISSIONS, ROLE_LABELS, roleMay } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { recordChange } from '../services/audit/recordChange';
import type { Actor, ServiceContext } from '../services/context';
import { findUserById, usersExist } from '../services/auth/users';
import type { CallVia, SessionStore } from './sessions';

/** Set when the call runs on the boss's authority: 当面授权 or an approved request (then as the requester). */
export interface Grant {
  authorizedBy: string;
  approvalId: string | null;
  /** An approved request runs as its requester, whatever session the boss approved it from. */
  asUserId?: string;
}

const NEEDS_USERS = new Set(['users.manage', 'approvals.decide', 'session', 'exceptions.review']);

function deny(ctx: ServiceContext, actor: Actor, method: string, message: string): never {
  ctx.db.transaction(() =>
    recordChange({ ...ctx, actor }, { entity: 'session', entityId: actor.userId ?? actor.user, action: 'permission_denied', before: null, after: { method }, tables: [] }),
  );
  throw new DomainError('forbidden', message, null);
}

export function resolveActor(ctx: ServiceContext, method: MethodName, via: CallVia, sessions: SessionStore, grant: Grant | null): Actor {
  const base: Actor = { ...ctx.actor, channel: via.channel, userId: null, role: null };
  const permission = methodPermissions[method];
  if (!usersExist(ctx)) {
    if (NEEDS_USERS.has(permission)) throw new DomainError('conflict', '尚未创建老板账户：请先完成首次设置（创建老板账户）', null);
    return base;
  }
  // The main process's own background work (the LAN sync scheduler) is no user's act and
  // outlives any login or lock; no front end can pick this channel (IPC, bridge and CLI set theirs).
  if (via.channel === 'system' && method.startsWith('sync.')) return { ...base, user: 'system:sync' };
  const session = sessions.get(via.session);
  const userId = grant?.asUserId ?? session.userId;
  if (!userId) {
    if (permission === 'public') return base;
    if (via.channel === 'cli' && CLI_READER_PERMISSIONS.includes(permission)) return base;
    throw new DomainError('unauthorized', via.channel === 'cli' ? '此命令需要登录：请加 --user 用户名，并通过环境变量 DEALERDESK_PASSWORD 或终端输入密码' : '请先登录', null);
  }
  const user = findUserById(ctx, userId);
  if (!user || user.disabled_at !== null) {
    if (!grant) sessions.logout(via.session);
    if (permission === 'public') return base;
    throw new DomainError('unauthorized', '该账户已停用，请重新登录', null);
  }
  const actor: Actor = {
    user: user.username,
    device: ctx.actor.device,
    userId: user.id,
    role: user.role,
    channel: via.channel,
    authorizedBy: grant?.authorizedBy ?? null,
    approvalId: grant?.approvalId ?? null,
    scope: user.role === 'salesperson' ? user.display_name : null,
  };
  if (permission === 'public') return actor;
  if (!grant && session.lockedAt && !UNLOCKED_METHODS.includes(method)) {
    throw new DomainError('locked', '已锁定：请输入密码解锁，或切换用户', null);
  }
  // The app's login screen asks for the new password at once; the command line has no such screen.
  if (user.must_change_password === 1 && permission !== 'session' && via.channel !== 'cli') {
    throw new DomainError('forbidden', '请先修改临时密码（老板重置的密码只能用于登录一次）', 'password');
  }
  if (!roleMay(user.role, permission)) deny(ctx, actor, method, `${ROLE_LABELS[user.role]}（${user.display_name}）无权执行此操作：${method}`);
  return actor;
}
