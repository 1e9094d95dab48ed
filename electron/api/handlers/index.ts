/**
 * Every method's handler. The type forces this map to cover the whole
 * contract, so a method declared in shared/ without a handler fails to compile.
 */
import type { MethodName } from '../../../shared/api/contract';
import { historyOf } from '../../services/audit/history';
import { agingHandlers } from './aging';
import { backupHandlers } from './backup';
import { dashboardHandlers } from './dashboard';
import { evaluationHandlers } from './evaluation';
import { alertHandlers } from './alerts';
import { contractHandlers } from './contracts';
import { customerFileHandlers } from './customers';
import { ledgerHandlers } from './ledger';
import { rebateHandlers } from './rebates';
import { settingsHandlers } from './settings';
import { statementHandlers } from './statements';
import { syncHandlers } from './sync';
import type { HandlerMap } from './types';
import { controlHandlers } from './controls';
import type { SessionMethodName } from '../sessionCalls';

/**
 * system.status, system.restoreBackup, system.loadDemo, system.openDemo and system.closeDemo are served by the runtime itself (no database / whole-runtime work);
 * the session methods (login, lock, approvals that re-enter the dispatcher) by api/sessionCalls.ts.
 */
export type DbMethodName = Exclude<MethodName, 'system.status' | 'system.restoreBackup' | 'system.loadDemo' | 'system.openDemo' | 'system.closeDemo' | SessionMethodName>;

export const handlers: HandlerMap<DbMethodName> = {
  ...settingsHandlers,
  ...customerFileHandlers,
  ...contractHandlers,
  ...ledgerHandlers,
  ...statementHandlers,
  ...alertHandlers,
  ...agingHandlers,
  ...dashboardHandlers,
  ...backupHandlers,
  ...evaluationHandlers,
  ...controlHandlers,
  ...syncHandlers,
  ...rebateHandlers,
  'system.history': (ctx, input) => historyOf(ctx, input.entity, input.entityId),
};
