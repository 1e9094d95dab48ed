/**
 * Every method's handler, one area at a time: an area's handlers (and the
 * services behind them) are loaded the first time one of its methods is
 * called, so a command-line query loads the aging code, not the statements,
 * PDF and spreadsheet machinery (issue 17: a command loads only what it
 * needs). Which area serves a method is read from its name's prefix (the
 * prefixes methodDefs.ts knows, without building any schema), and the types
 * below still force the areas to cover the whole contract: a method declared
 * in shared/ without a handler fails to compile.
 */
import type { MethodName } from '../../../shared/api/contract';
import type { ServiceContext } from '../../services/context';
import { areaPrefixOf } from '../methodDefs';
import type { SessionMethodName } from '../sessionCalls';
import type { Handler, HandlerMap } from './types';

/**
 * system.status, system.restoreBackup, system.loadDemo, system.openDemo and system.closeDemo are served by the runtime itself (no database / whole-runtime work);
 * the session methods (login, lock, approvals that re-enter the dispatcher) by api/sessionCalls.ts.
 */
export const RUNTIME_OWN_METHODS = ['system.status', 'system.restoreBackup', 'system.loadDemo', 'system.openDemo', 'system.closeDemo'] as const;
export type DbMethodName = Exclude<MethodName, (typeof RUNTIME_OWN_METHODS)[number] | SessionMethodName>;

/** Each area: the prefixes of its methods' names and the loader of its handlers. */
const AREAS = [
  { prefixes: ['settings'], load: async () => (await import('./settings')).settingsHandlers },
  { prefixes: ['customers', 'contacts', 'interactions', 'products', 'imports'], load: async () => (await import('./customers')).customerFileHandlers },
  { prefixes: ['contracts'], load: async () => (await import('./contracts')).contractHandlers },
  { prefixes: ['ledger'], load: async () => (await import('./ledger')).ledgerHandlers },
  { prefixes: ['statements'], load: async () => (await import('./statements')).statementHandlers },
  { prefixes: ['alerts', 'collection'], load: async () => (await import('./alerts')).alertHandlers },
  { prefixes: ['aging'], load: async () => (await import('./aging')).agingHandlers },
  { prefixes: ['dashboard'], load: async () => (await import('./dashboard')).dashboardHandlers },
  { prefixes: ['backup'], load: async () => (await import('./backup')).backupHandlers },
  { prefixes: ['evaluation', 'visits', 'cases', 'salespeople'], load: async () => (await import('./evaluation')).evaluationHandlers },
  // Users (filed with auth in the contract), approvals, period close, audit and exceptions.
  { prefixes: ['auth', 'users', 'approvals', 'period', 'audit', 'exceptions'], load: async () => (await import('./controls')).controlHandlers },
  { prefixes: ['sync'], load: async () => (await import('./sync')).syncHandlers },
  { prefixes: ['rebates'], load: async () => (await import('./rebates')).rebateHandlers },
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
  const prefix = areaPrefixOf(name);
  const area = AREAS.find((a) => (a.prefixes as readonly string[]).includes(prefix ?? ''));
  if (!area) throw new Error(`no handler area for ${name}`);
  let map = loaded.get(area);
  if (!map) loaded.set(area, (map = area.load() as Promise<Record<string, AnyHandler>>));
  const handler = (await map)[name];
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler as Handler<M>;
}
