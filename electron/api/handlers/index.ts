/**
 * Every method's handler, one area at a time: an area's handlers (and the
 * services behind them) are loaded the first time one of its methods is
 * called, so a command-line query loads the aging code, not the statements,
 * PDF and spreadsheet machinery (issue 17: a command loads only what it
 * needs). Which area serves a method is read from the contract's own area
 * maps, and the types below still force the areas to cover the whole
 * contract: a method declared in shared/ without a handler fails to compile.
 */
import { agingMethods } from '../../../shared/api/aging';
import { alertMethods } from '../../../shared/api/alerts';
import { authMethods } from '../../../shared/api/auth';
import { backupMethods } from '../../../shared/api/backup';
import type { MethodName } from '../../../shared/api/contract';
import { contractMethods } from '../../../shared/api/contracts';
import { controlMethods } from '../../../shared/api/controls';
import { customerFileMethods } from '../../../shared/api/customers';
import { dashboardMethods } from '../../../shared/api/dashboard';
import { evaluationMethods } from '../../../shared/api/evaluation';
import { ledgerMethods } from '../../../shared/api/ledger';
import { rebateMethods } from '../../../shared/api/rebates';
import { settingsMethods } from '../../../shared/api/settings';
import { statementMethods } from '../../../shared/api/statements';
import { syncMethods } from '../../../shared/api/sync';
import type { ServiceContext } from '../../services/context';
import type { SessionMethodName } from '../sessionCalls';
import type { Handler, HandlerMap } from './types';

/**
 * system.status, system.restoreBackup, system.loadDemo, system.openDemo and system.closeDemo are served by the runtime itself (no database / whole-runtime work);
 * the session methods (login, lock, approvals that re-enter the dispatcher) by api/sessionCalls.ts.
 */
export const RUNTIME_OWN_METHODS = ['system.status', 'system.restoreBackup', 'system.loadDemo', 'system.openDemo', 'system.closeDemo'] as const;
export type DbMethodName = Exclude<MethodName, (typeof RUNTIME_OWN_METHODS)[number] | SessionMethodName>;

/** Each area: the contract's map of its methods and the loader of its handlers. */
const AREAS = [
  { methods: settingsMethods, load: async () => (await import('./settings')).settingsHandlers },
  { methods: customerFileMethods, load: async () => (await import('./customers')).customerFileHandlers },
  { methods: contractMethods, load: async () => (await import('./contracts')).contractHandlers },
  { methods: ledgerMethods, load: async () => (await import('./ledger')).ledgerHandlers },
  { methods: statementMethods, load: async () => (await import('./statements')).statementHandlers },
  { methods: alertMethods, load: async () => (await import('./alerts')).alertHandlers },
  { methods: agingMethods, load: async () => (await import('./aging')).agingHandlers },
  { methods: dashboardMethods, load: async () => (await import('./dashboard')).dashboardHandlers },
  { methods: backupMethods, load: async () => (await import('./backup')).backupHandlers },
  { methods: evaluationMethods, load: async () => (await import('./evaluation')).evaluationHandlers },
  // Users (filed with auth in the contract), approvals, period close, audit and exceptions.
  { methods: { ...authMethods, ...controlMethods }, load: async () => (await import('./controls')).controlHandlers },
  { methods: syncMethods, load: async () => (await import('./sync')).syncHandlers },
  { methods: rebateMethods, load: async () => (await import('./rebates')).rebateHandlers },
] as const;

/** The one method outside any area map. */
const OWN: HandlerMap<'system.history'> = {
  'system.history': async (ctx, input) => (await import('../../services/audit/history')).historyOf(ctx, input.entity, input.entityId),
};

// Compile-time coverage: every database method is in some area's handler map (or OWN).
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type Covered = KeysOfUnion<Awaited<ReturnType<(typeof AREAS)[number]['load']>>> | keyof typeof OWN;
const everyMethodHasAHandler: Record<Exclude<DbMethodName, Covered>, never> = {};
void everyMethodHasAHandler;

type AnyHandler = (ctx: ServiceContext, input: unknown) => unknown;
const loaded = new Map<(typeof AREAS)[number], Promise<Record<string, AnyHandler>>>();

/** The handler of a database method, its area loaded on first use (once; later calls only look it up). */
export async function handlerFor<M extends DbMethodName>(name: M): Promise<Handler<M>> {
  const own = (OWN as Record<string, AnyHandler>)[name];
  if (own) return own as Handler<M>;
  const area = AREAS.find((a) => Object.prototype.hasOwnProperty.call(a.methods, name));
  if (!area) throw new Error(`no handler area for ${name}`);
  let map = loaded.get(area);
  if (!map) loaded.set(area, (map = area.load() as Promise<Record<string, AnyHandler>>));
  const handler = (await map)[name];
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler as Handler<M>;
}
