/**
 * The whole API surface: one map of method name -> definition. The
 * dispatcher, the preload bridge, the HTTP bridge client and the CLI are all
 * typed from this single object; adding an area means adding its map here.
 */
import type { InputOf, MethodDef, OutputOf } from './define';
import { agingMethods } from './aging';
import { backupMethods } from './backup';
import { dashboardMethods } from './dashboard';
import { evaluationMethods } from './evaluation';
import { alertMethods } from './alerts';
import { contractMethods } from './contracts';
import { customerFileMethods } from './customers';
import { ledgerMethods } from './ledger';
import { rebateMethods } from './rebates';
import { settingsMethods } from './settings';
import { statementMethods } from './statements';
import { syncMethods } from './sync';
import { systemMethods } from './system';
import { authMethods } from './auth';
import { controlMethods } from './controls';

export const methods = {
  ...systemMethods,
  ...settingsMethods,
  ...customerFileMethods,
  ...contractMethods,
  ...ledgerMethods,
  ...alertMethods,
  ...statementMethods,
  ...agingMethods,
  ...dashboardMethods,
  ...backupMethods,
  ...evaluationMethods,
  ...authMethods,
  ...controlMethods,
  ...syncMethods,
  ...rebateMethods,
} satisfies Record<string, MethodDef>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = InputOf<Methods[M]>;
export type Output<M extends MethodName> = OutputOf<Methods[M]>;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(methods, name);

/** Event the host sends after every successful write. */
export interface DbChangedEvent {
  tables: string[];
}
