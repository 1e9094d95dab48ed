/**
 * Applies the salesperson scope (db/scope.ts) to one call: reads run with the
 * customer tables shadowed by the scope's views; the few writes a salesperson
 * may make (log a call, snooze an alert) are refused for a customer outside it.
 */
import type { MethodName } from '../../shared/api/contract';
import { methodPermissions } from '../../shared/auth/methodPermissions';
import type { Permission } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { applyCustomerScope, customerInScope } from '../../db/scope';
import type { ServiceContext } from '../services/context';

const NO_SCOPE: readonly Permission[] = ['public', 'session'];
/** What a salesperson may write: checked against the scope, run on the real tables (a view cannot be written). */
const SCOPED_WRITES: readonly Permission[] = ['interactions.write', 'alerts.act'];

export function scopeCall(ctx: ServiceContext, method: MethodName, input: unknown): (() => void) | null {
  const scope = ctx.actor.scope;
  if (!scope) return null;
  const permission = methodPermissions[method];
  if (NO_SCOPE.includes(permission)) return null;
  const customerId = (input as { customerId?: unknown } | null)?.customerId;
  if (typeof customerId === 'string' && !customerInScope(ctx.db.sqlite, scope, customerId)) {
    throw new DomainError('not_found', '找不到该客户（不在您负责的客户范围内）', 'customerId');
  }
  return SCOPED_WRITES.includes(permission) ? null : applyCustomerScope(ctx.db, scope);
}
