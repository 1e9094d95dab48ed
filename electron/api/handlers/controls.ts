import { roleMay } from '../../../shared/auth/roles';
import { createUser, disableUser, enableUser, listUsers, resetPassword, updateUser } from '../../services/auth/users';
import { decide, listApprovals, checkDecidable, withdraw } from '../../services/approvals/requests';
import { getApprovalSettings, updateApprovalSettings } from '../../services/approvals/settings';
import { exportAudit, listAudit } from '../../services/controls/auditLog';
import { exceptionsReport, exportExceptions, reviewExceptions, unreviewedCount } from '../../services/controls/exceptionsReport';
import { closePeriod, grantLockException, periodState, reopenPeriod, revokeLockException } from '../../services/period/closedPeriod';
import type { HandlerMap } from './types';

type ControlMethod =
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.disable'
  | 'users.enable'
  | 'users.resetPassword'
  | 'approvals.list'
  | 'approvals.reject'
  | 'approvals.withdraw'
  | 'approvals.settings'
  | 'approvals.updateSettings'
  | 'period.get'
  | 'period.close'
  | 'period.reopen'
  | 'period.grantException'
  | 'period.revokeException'
  | 'audit.list'
  | 'audit.exportXlsx'
  | 'exceptions.report'
  | 'exceptions.review'
  | 'exceptions.exportXlsx'
  | 'exceptions.unreviewedCount';

export const controlHandlers: HandlerMap<ControlMethod> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.disable': (ctx, input) => disableUser(ctx, input.id),
  'users.enable': (ctx, input) => enableUser(ctx, input.id),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input.id, input.password),
  // Before any user exists (or for the command-line reader) there is no role: everything is visible, as before.
  'approvals.list': (ctx, input) => listApprovals(ctx, input.status, !ctx.actor.role || roleMay(ctx.actor.role, 'exceptions.read')),
  'approvals.reject': (ctx, input) => {
    checkDecidable(ctx, input.id, null);
    return decide(ctx, input.id, 'rejected', input.note);
  },
  'approvals.withdraw': (ctx, input) => withdraw(ctx, input.id),
  'approvals.settings': (ctx) => getApprovalSettings(ctx),
  'approvals.updateSettings': (ctx, input) => updateApprovalSettings(ctx, input),
  'period.get': (ctx) => periodState(ctx),
  'period.close': (ctx, input) => closePeriod(ctx, input.through),
  'period.reopen': (ctx, input) => reopenPeriod(ctx, input.through, input.reason),
  'period.grantException': (ctx, input) => grantLockException(ctx, input),
  'period.revokeException': (ctx, input) => revokeLockException(ctx, input.id),
  'audit.list': (ctx, input) => listAudit(ctx, input),
  'audit.exportXlsx': (ctx, input) => exportAudit(ctx, input),
  'exceptions.report': (ctx, input) => exceptionsReport(ctx, input.from, input.to),
  'exceptions.review': (ctx, input) => reviewExceptions(ctx, input.auditIds),
  'exceptions.exportXlsx': (ctx, input) => exportExceptions(ctx, input.from, input.to),
  'exceptions.unreviewedCount': (ctx) => ({ count: unreviewedCount(ctx) }),
};
