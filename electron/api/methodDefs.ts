/**
 * Each method's definition (its zod input schema), loaded one API area at a
 * time: the dispatcher asks for `aging.report`, and only shared/api/aging.ts
 * (with what it imports) is evaluated, not the 200-odd schemas of every
 * area. Building all of them took about 40 ms of CPU at every start of a
 * command-line query (issue 17 point 3); the app pays it once, spread over
 * its first calls.
 *
 * A method's area is found from its name's prefix (`aging` of
 * `aging.report`). The record below must name every prefix of the contract
 * (a compile error otherwise), and tests/integration/perf/methodDefs.test.ts checks
 * that each method resolves to the very definition the contract holds.
 */
import type { MethodName, Methods } from '../../shared/api/contract';
import type { MethodDef } from '../../shared/api/define';

type AreaMap = Partial<Record<MethodName, MethodDef>>;
type Loader = () => Promise<AreaMap>;
type Prefix = MethodName extends infer N ? (N extends `${infer P}.${string}` ? P : never) : never;

const system: Loader = async () => (await import('../../shared/api/system')).systemMethods;
const settings: Loader = async () => (await import('../../shared/api/settings')).settingsMethods;
const customers: Loader = async () => (await import('../../shared/api/customers')).customerFileMethods;
const contracts: Loader = async () => (await import('../../shared/api/contracts')).contractMethods;
const ledger: Loader = async () => (await import('../../shared/api/ledger')).ledgerMethods;
const alerts: Loader = async () => (await import('../../shared/api/alerts')).alertMethods;
const statements: Loader = async () => (await import('../../shared/api/statements')).statementMethods;
const aging: Loader = async () => (await import('../../shared/api/aging')).agingMethods;
const dashboard: Loader = async () => (await import('../../shared/api/dashboard')).dashboardMethods;
const backup: Loader = async () => (await import('../../shared/api/backup')).backupMethods;
const evaluation: Loader = async () => (await import('../../shared/api/evaluation')).evaluationMethods;
const auth: Loader = async () => (await import('../../shared/api/auth')).authMethods;
const controls: Loader = async () => (await import('../../shared/api/controls')).controlMethods;
const sync: Loader = async () => (await import('../../shared/api/sync')).syncMethods;
const rebates: Loader = async () => (await import('../../shared/api/rebates')).rebateMethods;

/** Every prefix of the contract → the loader of the area map that declares its methods. */
const AREA_OF_PREFIX: Record<Prefix, Loader> = {
  system,
  settings,
  customers,
  contacts: customers,
  interactions: customers,
  products: customers,
  imports: customers,
  contracts,
  ledger,
  alerts,
  collection: alerts,
  statements,
  aging,
  dashboard,
  backup,
  evaluation,
  visits: evaluation,
  cases: evaluation,
  salespeople: evaluation,
  auth,
  users: auth,
  approvals: controls,
  period: controls,
  audit: controls,
  exceptions: controls,
  sync,
  rebates,
};

/** The prefix part of a method name, when it is one of the contract's. */
export function areaPrefixOf(name: string): Prefix | undefined {
  const prefix = name.slice(0, name.indexOf('.'));
  return Object.prototype.hasOwnProperty.call(AREA_OF_PREFIX, prefix) ? (prefix as Prefix) : undefined;
}

/** The definition of a method, its area loaded on first use; undefined when no such method exists. */
export async function methodDef<M extends MethodName>(name: M): Promise<Methods[M]>;
export async function methodDef(name: string): Promise<MethodDef | undefined>;
export async function methodDef(name: string): Promise<MethodDef | undefined> {
  const prefix = areaPrefixOf(name);
  if (!prefix) return undefined;
  const area = await AREA_OF_PREFIX[prefix]();
  return Object.prototype.hasOwnProperty.call(area, name) ? area[name as MethodName] : undefined;
}
