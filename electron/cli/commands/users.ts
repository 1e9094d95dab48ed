/**
 * Issue 13 point 8: users, approvals, the exceptions report and period close
 * from the command line, over the same dispatcher (so the same permission
 * checks) as the app.
 *   users list|add|disable|reset-password --db PATH
 *   users add --db PATH --name NAME --role boss|accountant|clerk|salesperson [--display NAME]
 *       (the new password from DEALERDESK_NEW_PASSWORD or a prompt; while no user
 *       exists it needs no login and the first user must be a boss)
 *   approvals list --db PATH [--json]
 *   exceptions --db PATH --from D --to D [--json]   list of {"at","user","action","entity","docNo","customerCode","amountFen","reason","approvedBy"}
 *   close-period --db PATH --through D --user NAME
 */
import type { AuthStatus, BossCreated, UserDto } from '../../../shared/api/auth';
import type { ApprovalDto, ExceptionRow, PeriodState } from '../../../shared/api/controls';
import { ROLE_LABELS, ROLES, isRole } from '../../../shared/auth/roles';
import { DomainError } from '../../../shared/errors';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, requiredFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand, type CommandEnv } from '../command';
import { secretFrom } from '../secrets';

const noRest = (env: CommandEnv) => {
  if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
};

async function userByName(env: CommandEnv, name: string): Promise<UserDto> {
  const users = await (await env.runtime()).invoke<UserDto[]>('users.list', {});
  const u = users.find((x) => x.username.toLowerCase() === name.toLowerCase());
  if (!u) throw new DomainError('not_found', `找不到用户 ${name}`, 'name');
  return u;
}

const showUser = (u: UserDto) => `${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}${u.disabled ? '\t（已停用）' : ''}`;
const userJson = (u: UserDto) => ({ username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled });

export const usersListCommand: CliCommand = {
  words: ['users', 'list'],
  usage: 'users list --db PATH --user NAME [--json]',
  summary: '列出用户（老板登录）',
  async run(env) {
    checkFlags(env.args, []);
    noRest(env);
    const users = await (await env.runtime()).invoke<UserDto[]>('users.list', {});
    if (env.json) printJson(env.io, users.map(userJson));
    else users.forEach((u) => env.io.out(showUser(u)));
    return 0;
  },
};

export const usersAddCommand: CliCommand = {
  words: ['users', 'add'],
  usage: `users add --db PATH --name NAME --role ${ROLES.join('|')} [--display NAME] [--user NAME]`,
  summary: '新增用户（密码取自环境变量 DEALERDESK_NEW_PASSWORD 或终端输入）；尚无用户时无需登录，第一个用户必须是老板',
  async run(env) {
    checkFlags(env.args, ['name', 'role', 'display']);
    noRest(env);
    const name = requiredFlag(env.args, 'name');
    const role = requiredFlag(env.args, 'role');
    if (!isRole(role)) throw new DomainError('validation', `角色只能是 ${ROLES.join('、')}（老板、会计、文员、业务员），不能是“${role}”`, 'role');
    const displayName = stringFlag(env.args, 'display') ?? name;
    const rt = await env.runtime();
    const first = !(await rt.invoke<AuthStatus>('auth.status', {})).usersExist;
    if (first && role !== 'boss') throw new DomainError('validation', '第一个用户必须是老板（--role boss）', 'role');
    const password = await secretFrom(env.environment, 'DEALERDESK_NEW_PASSWORD', `${name} 的新密码：`);
    if (first) {
      const created = await rt.invoke<BossCreated>('auth.setupBoss', { username: name, displayName, password, confirmPassword: password });
      if (env.json) printJson(env.io, { ...userJson(created.user), recoveryCode: created.recoveryCode });
      else {
        env.io.out(showUser(created.user));
        env.io.err(`恢复码（只显示这一次，等同老板密码，请抄写后锁进保险柜）：${created.recoveryCode}`);
      }
      return 0;
    }
    const user = await rt.invoke<UserDto>('users.create', { username: name, displayName, role, password });
    if (env.json) printJson(env.io, userJson(user));
    else env.io.out(showUser(user));
    return 0;
  },
};

export const usersDisableCommand: CliCommand = {
  words: ['users', 'disable'],
  usage: 'users disable --db PATH --name NAME --user NAME [--json]',
  summary: '停用用户（老板登录；唯一在用的老板不能停用）',
  async run(env) {
    checkFlags(env.args, ['name']);
    noRest(env);
    const target = await userByName(env, requiredFlag(env.args, 'name'));
    const user = await (await env.runtime()).invoke<UserDto>('users.disable', { id: target.id });
    if (env.json) printJson(env.io, userJson(user));
    else env.io.out(showUser(user));
    return 0;
  },
};

export const usersResetPasswordCommand: CliCommand = {
  words: ['users', 'reset-password'],
  usage: 'users reset-password --db PATH --name NAME --user NAME [--json]',
  summary: '重置用户密码为临时密码（取自 DEALERDESK_NEW_PASSWORD 或终端输入；下次登录须修改）',
  async run(env) {
    checkFlags(env.args, ['name']);
    noRest(env);
    const name = requiredFlag(env.args, 'name');
    const target = await userByName(env, name);
    const password = await secretFrom(env.environment, 'DEALERDESK_NEW_PASSWORD', `${name} 的临时密码：`);
    const user = await (await env.runtime()).invoke<UserDto>('users.resetPassword', { id: target.id, password });
    if (env.json) printJson(env.io, userJson(user));
    else env.io.out(showUser(user));
    return 0;
  },
};

export const approvalsListCommand: CliCommand = {
  words: ['approvals', 'list'],
  usage: 'approvals list --db PATH [--json]',
  summary: '审批申请（待审批、已批准、已驳回、失败、过期）',
  async run(env) {
    checkFlags(env.args, []);
    noRest(env);
    const list = await (await env.runtime()).invoke<ApprovalDto[]>('approvals.list', { status: 'all' });
    if (env.json) printJson(env.io, list);
    else for (const a of list) env.io.out([a.requestedAt.slice(0, 16), a.status, a.requestedBy, a.summary, a.reason].join('\t'));
    return 0;
  },
};

export const exceptionsCommand: CliCommand = {
  words: ['exceptions'],
  usage: 'exceptions --db PATH --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: '例外事项：期间内的冲销、折让、核销、超额、锁定期间修改与例外、补录、反结账、审批',
  async run(env) {
    checkFlags(env.args, ['from', 'to']);
    noRest(env);
    const rows = await (await env.runtime()).invoke<ExceptionRow[]>('exceptions.report', { from: requiredFlag(env.args, 'from'), to: requiredFlag(env.args, 'to') });
    if (env.json) {
      // Loaded here, not at start: the report module pulls in the audit and xlsx machinery.
      const { exceptionLine } = await import('../../services/controls/exceptionsReport');
      printJson(env.io, rows.map(exceptionLine));
    } else {
      for (const r of rows) {
        env.io.out([r.at.slice(0, 16), r.user, r.action, r.docNo ?? '', r.customerCode ?? '', r.amountFen === null ? '' : formatFenPlain(r.amountFen), r.reason ?? '', r.approvedBy ?? ''].join('\t'));
      }
    }
    return 0;
  },
};

export const closePeriodCommand: CliCommand = {
  words: ['close-period'],
  usage: 'close-period --db PATH --through YYYY-MM-DD --user NAME [--json]',
  summary: '结账：该日期及以前的单据不能再录入、冲销或导入（会计或老板）',
  async run(env) {
    checkFlags(env.args, ['through']);
    noRest(env);
    const through = requiredFlag(env.args, 'through');
    requiredFlag(env.args, 'user');
    const state = await (await env.runtime()).invoke<PeriodState>('period.close', { through });
    if (env.json) printJson(env.io, { closedThrough: state.closedThrough });
    else env.io.out(`已结账至 ${state.closedThrough}`);
    return 0;
  },
};

export const userCommands: CliCommand[] = [
  usersListCommand,
  usersAddCommand,
  usersDisableCommand,
  usersResetPasswordCommand,
  approvalsListCommand,
  exceptionsCommand,
  closePeriodCommand,
];
