/**
 * The methods that act on the channel's session or re-enter the dispatcher:
 * login/lock/unlock/switch user, the first-run boss, recovery, and the two
 * approval paths (当面授权 runs the act as the caller with the boss's
 * authority; approving a request runs the stored payload as its requester).
 * They live beside the runtime because they need the session store and the
 * dispatcher; their business rules are in services/auth and services/approvals.
 */
import type { AuthStatus, BossCreated } from '../../shared/api/auth';
import type { ApprovalDto } from '../../shared/api/controls';
import type { MethodName } from '../../shared/api/contract';
import type { ParsedInputOf } from '../../shared/api/define';
import type { Methods } from '../../shared/api/contract';
import { roleMay } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { recordChange } from '../services/audit/recordChange';
import type { ServiceContext } from '../services/context';
import { authenticate } from '../services/auth/login';
import { findUserById, recoverBoss, setOwnPassword, setupBoss, userDto, usersExist } from '../services/auth/users';
import { verifySecret } from '../services/auth/passwordHash';
import { checkDecidable, createRequest, decide, getApproval as checkApproval } from '../services/approvals/requests';
import { approvalRequirement } from '../services/approvals/rules';
import { getApprovalSettings } from '../services/approvals/settings';
import { zodErrorToApi } from './dispatcher';
import { methodDef } from './methodDefs';
import type { AppRuntime } from './runtime';
import type { CallVia } from './sessions';

export interface SessionEnv {
  runtime: AppRuntime;
  via: CallVia;
}

type SessionCall<M extends MethodName> = (ctx: ServiceContext, input: ParsedInputOf<Methods[M]>, env: SessionEnv) => unknown;

export type SessionMethodName =
  | 'auth.status'
  | 'auth.setupBoss'
  | 'auth.login'
  | 'auth.switchUser'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'auth.recover'
  | 'approvals.authorizeInPlace'
  | 'approvals.request'
  | 'approvals.approve';

function status(ctx: ServiceContext, env: SessionEnv): AuthStatus {
  const session = env.runtime.sessions.get(env.via.session);
  const user = session.userId ? findUserById(ctx, session.userId) : undefined;
  return {
    usersExist: usersExist(ctx),
    user: user && user.disabled_at === null ? userDto(user) : null,
    locked: !!(user && session.lockedAt),
    idleLockMinutes: getApprovalSettings(ctx).idleLockMinutes,
  };
}

const audit = (ctx: ServiceContext, userId: string, action: string) =>
  ctx.db.transaction(() => recordChange(ctx, { entity: 'session', entityId: userId, action, before: null, after: { channel: ctx.actor.channel }, tables: [] }));

async function logIn(ctx: ServiceContext, input: { username: string; password: string }, env: SessionEnv, action: string): Promise<AuthStatus> {
  const user = await authenticate(ctx, input.username, input.password, 'login');
  env.runtime.sessions.login(env.via.session, user.id);
  audit({ ...ctx, actor: { ...ctx.actor, user: user.username, userId: user.id, role: user.role } }, user.id, action);
  return status(ctx, env);
}

/** Validates an inner call the way the dispatcher would, so a request stores only a valid payload. */
async function parseInner(method: string, params: unknown): Promise<{ name: MethodName; input: unknown }> {
  const def = method.startsWith('auth.') || method.startsWith('approvals.') ? undefined : await methodDef(method);
  if (!def) throw new DomainError('validation', `不能申请授权的操作：${method}`, 'method');
  const parsed = def.input.safeParse(params ?? {});
  if (!parsed.success) {
    const e = zodErrorToApi(parsed.error);
    throw new DomainError('validation', e.message, e.field, e.details);
  }
  return { name: method as MethodName, input: parsed.data };
}

async function runInner(env: SessionEnv, method: string, params: unknown, via: CallVia, grant: Parameters<AppRuntime['call']>[3]): Promise<unknown> {
  const r = await env.runtime.call(method, params, via, grant);
  if (!r.ok) throw new DomainError(r.error.code, r.error.message, r.error.field, r.error.details);
  return r.data;
}

export const sessionCalls: { [M in SessionMethodName]: SessionCall<M> } = {
  'auth.status': (ctx, _input, env) => status(ctx, env),
  'auth.setupBoss': async (ctx, input, env): Promise<BossCreated> => {
    const created = await setupBoss(ctx, input);
    env.runtime.sessions.login(env.via.session, created.user.id);
    return created;
  },
  'auth.login': (ctx, input, env) => logIn(ctx, input, env, 'login'),
  'auth.switchUser': (ctx, input, env) => logIn(ctx, input, env, 'switch_user'),
  'auth.logout': (ctx, _input, env) => {
    if (ctx.actor.userId) audit(ctx, ctx.actor.userId, 'logout');
    env.runtime.sessions.logout(env.via.session);
    return status(ctx, env);
  },
  'auth.lock': (ctx, _input, env) => {
    env.runtime.sessions.lock(env.via.session, ctx.clock.now().toISOString());
    return status(ctx, env);
  },
  'auth.unlock': async (ctx, input, env) => {
    const session = env.runtime.sessions.get(env.via.session);
    const user = session.userId ? findUserById(ctx, session.userId) : undefined;
    if (!user) throw new DomainError('unauthorized', '请先登录', null);
    // Same user only: another person uses "切换用户", so drafts are never posted under someone else.
    await authenticate(ctx, user.username, input.password, 'unlock');
    env.runtime.sessions.unlock(env.via.session);
    return status(ctx, env);
  },
  'auth.changePassword': async (ctx, input, env) => {
    const user = ctx.actor.userId ? findUserById(ctx, ctx.actor.userId) : undefined;
    if (!user) throw new DomainError('unauthorized', '请先登录', null);
    if (!(await verifySecret(input.oldPassword, user.password_hash))) throw new DomainError('unauthorized', '原密码不正确', 'oldPassword');
    if (input.newPassword === input.oldPassword) throw new DomainError('validation', '新密码不能与原密码相同', 'newPassword');
    await setOwnPassword(ctx, user, input.newPassword);
    return status(ctx, env);
  },
  'auth.recover': async (ctx, input, env) => {
    const created = await recoverBoss(ctx, input);
    env.runtime.sessions.login(env.via.session, created.user.id);
    return created;
  },

  'approvals.authorizeInPlace': async (ctx, input, env) => {
    const inner = await parseInner(input.method, input.params);
    const boss = await authenticate(ctx, input.authorizer, input.password, 'authorize');
    if (!roleMay(boss.role, 'approvals.decide')) throw new DomainError('forbidden', `${boss.display_name} 不是老板，不能授权`, 'authorizer');
    if (boss.id === ctx.actor.userId) throw new DomainError('forbidden', '授权人不能是自己', 'authorizer');
    // The act runs as the caller, on this channel, with authorized_by = the boss on its own audit rows (one transaction).
    return runInner(env, inner.name, input.params, env.via, { authorizedBy: boss.id, approvalId: null });
  },
  'approvals.request': async (ctx, input): Promise<ApprovalDto> => {
    const inner = await parseInner(input.method, input.params);
    const requirement = approvalRequirement(ctx, inner.name, inner.input);
    if (!requirement) throw new DomainError('conflict', '此操作不需要审批，可直接执行', 'method');
    return createRequest(ctx, inner.name, input.params, requirement, input.reason);
  },
  'approvals.approve': async (ctx, input, env): Promise<ApprovalDto> => {
    const request = checkDecidable(ctx, input.id, input.payloadSha256);
    const payload = JSON.parse(request.payload) as unknown;
    // Marked first, so a crash mid-way can never leave it pending and executable twice; a refused act turns it 'failed'.
    decide(ctx, request.id, 'approved', input.note);
    try {
      await runInner(env, request.method, payload, { session: `approval:${request.id}`, channel: env.via.channel }, {
        authorizedBy: ctx.actor.userId!,
        approvalId: request.id,
        asUserId: request.requested_by,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      decide(ctx, request.id, 'failed', `执行时被拒绝：${message}`);
      throw new DomainError(e instanceof DomainError ? e.code : 'conflict', `审批未执行（申请已标记为失败）：${message}`, null);
    }
    return checkApproval(ctx, request.id);
  },
};
