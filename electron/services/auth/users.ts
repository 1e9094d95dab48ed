/**
 * User accounts: the first-run boss, the boss managing the others, the
 * recovery sheet. Users are never deleted (the audit names them); the last
 * active boss can never be disabled or demoted (the office would lock itself
 * out). Hashing is async and happens before the write transaction opens.
 */
import type { z } from 'zod';
import type { BossCreated, UserDto, createUserSchema, setupBossSchema } from '../../../shared/api/auth';
import { ROLE_LABELS, type Role } from '../../../shared/auth/roles';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { UsersTable } from '../../../db/tables/users';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { hashSecret, newRecoveryCode, normalizeRecoveryCode, verifySecret } from './passwordHash';

export type UserRow = UsersTable;

export const userDto = (u: UserRow): UserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  disabled: u.disabled_at !== null,
  mustChangePassword: u.must_change_password === 1,
  createdAt: u.created_at,
});

/** What the audit keeps of a user (never the hashes). */
const snapshot = (u: UserRow) => ({ username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled_at !== null });

export const usersExist = (ctx: ServiceContext): boolean => ctx.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;

export const findUserById = (ctx: ServiceContext, id: string): UserRow | undefined =>
  ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

export const findUserByName = (ctx: ServiceContext, username: string): UserRow | undefined =>
  ctx.db.prepare('SELECT * FROM users WHERE username = ? COLLATE NOCASE').get(username.trim()) as UserRow | undefined;

function requireUser(ctx: ServiceContext, id: string): UserRow {
  const u = findUserById(ctx, id);
  if (!u) throw new DomainError('not_found', '找不到该用户', 'id');
  return u;
}

export function listUsers(ctx: ServiceContext): UserDto[] {
  return (ctx.db.prepare('SELECT * FROM users ORDER BY disabled_at IS NOT NULL, role, username').all() as UserRow[]).map(userDto);
}

const INSERT_USER = `INSERT INTO users (id, username, display_name, role, password_hash, must_change_password, recovery_code_hash, disabled_at, created_at, updated_at)
  SELECT @id, @username, @display_name, @role, @password_hash, @must_change_password, @recovery_code_hash, NULL, @at, @at`;

function insertUser(ctx: ServiceContext, row: Omit<UserRow, 'disabled_at' | 'created_at' | 'updated_at'>, onlyIfNoUsers: boolean): UserRow {
  if (findUserByName(ctx, row.username)) throw new DomainError('conflict', `用户名 ${row.username} 已存在`, 'username');
  const at = ctx.clock.now().toISOString();
  // The first-run check and the insert are one statement: two wizards racing cannot both create a boss.
  const sql = onlyIfNoUsers ? `${INSERT_USER} WHERE NOT EXISTS (SELECT 1 FROM users)` : INSERT_USER;
  const info = ctx.db.prepare(sql).run({ ...row, at });
  if (info.changes === 0) throw new DomainError('conflict', '老板账户已经创建，首次设置不能再运行；请登录', null);
  const user = findUserById(ctx, row.id)!;
  recordChange(ctx, { entity: 'user', entityId: row.id, action: 'create', before: null, after: snapshot(user), tables: ['users'] });
  return user;
}

/** The first-run wizard: only while no user exists; the boss and his recovery code. */
export async function setupBoss(ctx: ServiceContext, input: z.output<typeof setupBossSchema>): Promise<BossCreated> {
  if (usersExist(ctx)) throw new DomainError('conflict', '老板账户已经创建，首次设置不能再运行；请登录', null);
  const recoveryCode = newRecoveryCode();
  const [passwordHash, recoveryHash] = await Promise.all([hashSecret(input.password), hashSecret(normalizeRecoveryCode(recoveryCode))]);
  const user = ctx.db.transaction(() =>
    insertUser(
      ctx,
      {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        role: 'boss',
        password_hash: passwordHash,
        must_change_password: 0,
        recovery_code_hash: recoveryHash,
      },
      true,
    ),
  );
  return { user: userDto(user), recoveryCode };
}

export async function createUser(ctx: ServiceContext, input: z.output<typeof createUserSchema>): Promise<UserDto> {
  const hash = await hashSecret(input.password);
  // Only the boss gets a recovery sheet; a new boss gets his when he first uses `auth.recover`-free setup later.
  return userDto(
    ctx.db.transaction(() =>
      insertUser(
        ctx,
        { id: newId(), username: input.username, display_name: input.displayName, role: input.role, password_hash: hash, must_change_password: 1, recovery_code_hash: null },
        false,
      ),
    ),
  );
}

/** The CLI's `users add` while no user exists: the first user must be a boss, and nobody is logged in to create it. */
export async function createFirstUser(ctx: ServiceContext, input: z.output<typeof createUserSchema>): Promise<BossCreated> {
  if (input.role !== 'boss') throw new DomainError('validation', '第一个用户必须是老板（--role boss）', 'role');
  return setupBoss(ctx, { username: input.username, displayName: input.displayName, password: input.password, confirmPassword: input.password });
}

const activeBosses = (ctx: ServiceContext): number =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'boss' AND disabled_at IS NULL`).get() as { n: number }).n;

function guardLastBoss(ctx: ServiceContext, user: UserRow, nextRole: Role, nextDisabled: boolean): void {
  const stillBoss = nextRole === 'boss' && !nextDisabled;
  if (user.role === 'boss' && user.disabled_at === null && !stillBoss && activeBosses(ctx) <= 1) {
    throw new DomainError('conflict', `${user.display_name} 是唯一在用的老板账户，不能停用或改为其他角色；请先设置另一位老板`, nextDisabled ? 'id' : 'role');
  }
}

function changeUser(ctx: ServiceContext, id: string, action: string, change: (u: UserRow) => Partial<UserRow>): UserDto {
  return ctx.db.transaction(() => {
    const before = requireUser(ctx, id);
    const patch = change(before);
    const next = { ...before, ...patch, updated_at: ctx.clock.now().toISOString() };
    guardLastBoss(ctx, before, next.role, next.disabled_at !== null);
    ctx.db
      .prepare(`UPDATE users SET display_name = @display_name, role = @role, password_hash = @password_hash,
        must_change_password = @must_change_password, recovery_code_hash = @recovery_code_hash, disabled_at = @disabled_at, updated_at = @updated_at WHERE id = @id`)
      .run(next);
    recordChange(ctx, { entity: 'user', entityId: id, action, before: snapshot(before), after: snapshot(next), tables: ['users'] });
    return userDto(next);
  });
}

export const updateUser = (ctx: ServiceContext, input: { id: string; displayName: string; role: Role }): UserDto =>
  changeUser(ctx, input.id, 'update', () => ({ display_name: input.displayName, role: input.role }));

export function disableUser(ctx: ServiceContext, id: string): UserDto {
  if (id === ctx.actor.userId) throw new DomainError('conflict', '不能停用自己正在使用的账户', 'id');
  return changeUser(ctx, id, 'disable', (u) => ({ disabled_at: u.disabled_at ?? ctx.clock.now().toISOString() }));
}

export const enableUser = (ctx: ServiceContext, id: string): UserDto => changeUser(ctx, id, 'enable', () => ({ disabled_at: null }));

export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<UserDto> {
  const hash = await hashSecret(password);
  return changeUser(ctx, id, 'reset_password', () => ({ password_hash: hash, must_change_password: 1 }));
}

export async function setOwnPassword(ctx: ServiceContext, user: UserRow, password: string, action = 'change_password'): Promise<UserDto> {
  const hash = await hashSecret(password);
  return changeUser(ctx, user.id, action, () => ({ password_hash: hash, must_change_password: 0 }));
}

/** The recovery sheet: works once; the old code is replaced by a new one in the same write. */
export async function recoverBoss(ctx: ServiceContext, input: { username: string; recoveryCode: string; newPassword: string }): Promise<BossCreated> {
  const user = findUserByName(ctx, input.username);
  const ok = !!user && user.role === 'boss' && user.disabled_at === null && user.recovery_code_hash !== null &&
    (await verifySecret(normalizeRecoveryCode(input.recoveryCode), user.recovery_code_hash));
  if (!ok || !user) {
    ctx.db.transaction(() =>
      recordChange(ctx, { entity: 'session', entityId: input.username, action: 'recover_failed', before: null, after: { username: input.username }, tables: [] }),
    );
    throw new DomainError('unauthorized', '用户名或恢复码不正确（恢复码只能用于老板账户，且只能用一次）', 'recoveryCode');
  }
  const recoveryCode = newRecoveryCode();
  const [passwordHash, recoveryHash] = await Promise.all([hashSecret(input.newPassword), hashSecret(normalizeRecoveryCode(recoveryCode))]);
  const dto = ctx.db.transaction(() => {
    // Re-read inside the write: a second use of the same code racing this one finds the hash already replaced.
    const current = findUserById(ctx, user.id)!;
    if (current.recovery_code_hash !== user.recovery_code_hash) throw new DomainError('unauthorized', '该恢复码已经使用过', 'recoveryCode');
    return changeUser(ctx, user.id, 'recover', () => ({ password_hash: passwordHash, must_change_password: 0, recovery_code_hash: recoveryHash }));
  });
  return { user: dto, recoveryCode };
}

export const roleLabel = (role: Role): string => ROLE_LABELS[role];
