/**
 * Users and login (issue 13, point 1). The session these methods act on is
 * the channel's own (the IPC window, the HTTP bridge token, the CLI login):
 * nothing here names the acting user in the request body.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../auth/roles';
import { requiredText } from '../schemas/fields';
import { method } from './define';

export const MIN_PASSWORD_LENGTH = 8;

export const passwordField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(MIN_PASSWORD_LENGTH, { error: `${label}至少 ${MIN_PASSWORD_LENGTH} 个字符` })
    .max(200, { error: `${label}不能超过 200 个字符` });

/** A password typed to prove who you are: any non-empty text (policy applies only to new ones). */
const typedPassword = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(200, { error: '密码不能超过 200 个字符' });

export const usernameField = requiredText('用户名', 50).regex(/^[^\s]+$/, { error: '用户名不能包含空格' });
export const roleField = z.enum(ROLES, { error: '角色只能是 boss（老板）、accountant（会计）、clerk（文员）或 salesperson（业务员）' });

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface AuthStatus {
  /** false: the office has not created its boss account yet; the app runs as before (banner). */
  usersExist: boolean;
  user: UserDto | null;
  locked: boolean;
  idleLockMinutes: number;
}

export interface BossCreated {
  user: UserDto;
  /** Shown once, printed on the recovery sheet; only its hash is stored. */
  recoveryCode: string;
}

export const setupBossSchema = z
  .object({
    username: usernameField,
    displayName: requiredText('姓名', 50),
    password: passwordField('密码'),
    confirmPassword: z.string({ error: '请再次输入密码' }),
  })
  .refine((v) => v.password === v.confirmPassword, { error: '两次输入的密码不一致', path: ['confirmPassword'] });

export const loginSchema = z.object({ username: usernameField, password: typedPassword });

export const createUserSchema = z.object({
  username: usernameField,
  displayName: requiredText('姓名', 50),
  role: roleField,
  password: passwordField('初始密码'),
});

export const authMethods = {
  'auth.status': method<AuthStatus>()(z.object({}), ['users', 'settings', 'session']),
  'auth.setupBoss': method<BossCreated>()(setupBossSchema, []),
  'auth.login': method<AuthStatus>()(loginSchema, []),
  /** Log in as someone else from the lock screen or the user menu (one click, then a password). */
  'auth.switchUser': method<AuthStatus>()(loginSchema, []),
  'auth.logout': method<AuthStatus>()(z.object({}), []),
  'auth.lock': method<AuthStatus>()(z.object({}), []),
  'auth.unlock': method<AuthStatus>()(z.object({ password: typedPassword }), []),
  'auth.changePassword': method<AuthStatus>()(
    z.object({ oldPassword: typedPassword, newPassword: passwordField('新密码') }),
    [],
  ),
  /** The boss's recovery sheet: resets the boss password, invalidates the code and issues a new one. */
  'auth.recover': method<BossCreated>()(
    z.object({ username: usernameField, recoveryCode: requiredText('恢复码', 100), newPassword: passwordField('新密码') }),
    [],
  ),
  'users.list': method<UserDto[]>()(z.object({}), ['users']),
  'users.create': method<UserDto>()(createUserSchema, []),
  'users.update': method<UserDto>()(
    z.object({ id: requiredText('用户', 40), displayName: requiredText('姓名', 50), role: roleField }),
    [],
  ),
  'users.disable': method<UserDto>()(z.object({ id: requiredText('用户', 40) }), []),
  'users.enable': method<UserDto>()(z.object({ id: requiredText('用户', 40) }), []),
  /** A temporary password the user must change at the next login. */
  'users.resetPassword': method<UserDto>()(z.object({ id: requiredText('用户', 40), password: passwordField('临时密码') }), []),
};
