/**
 * The first-run office setup (issue 16): where the wizard stopped, so
 * leaving half-way resumes at that step, and whether the office still needs
 * it (nothing on file yet: no company name and no customer). Also the
 * default 账期 the wizard's second step sets, kept in the shared
 * 'receivables' settings object next to the ledger's credit-limit mode.
 */
import type { OfficeSetupState } from '../../../shared/api/settings';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getCompanyProfile } from './companyProfile';
import { getReceivablesSettings, type ReceivablesSettings } from './receivables';
import { readSetting, writeSetting } from './settingsStore';

const KEY = 'office_setup';
interface Stored {
  step: number;
  done: boolean;
}

export function getOfficeSetup(ctx: ServiceContext): OfficeSetupState {
  const stored = readSetting<Partial<Stored>>(ctx, KEY)?.value ?? {};
  const hasCustomers = ctx.db.prepare(`SELECT 1 FROM customers LIMIT 1`).get() !== undefined;
  const named = getCompanyProfile(ctx).companyName.trim() !== '';
  const done = stored.done === true;
  const step = Number.isInteger(stored.step) ? (stored.step as number) : 0;
  // Started and not finished: resume it even after the first customer arrived (the import step adds them).
  const started = readSetting(ctx, KEY) !== null;
  return { step, done, started, needed: !done && (started || (!named && !hasCustomers)) };
}

export function saveOfficeSetup(ctx: ServiceContext, input: Stored): OfficeSetupState {
  return ctx.db.transaction(() => {
    const before = getOfficeSetup(ctx);
    writeSetting(ctx, KEY, { step: input.step, done: input.done });
    recordChange(ctx, { entity: 'settings', entityId: KEY, action: 'update', before: { step: before.step, done: before.done }, after: input, tables: ['settings'] });
    return getOfficeSetup(ctx);
  });
}

export function updateReceivablesSettings(ctx: ServiceContext, input: ReceivablesSettings): ReceivablesSettings {
  return ctx.db.transaction(() => {
    const current = readSetting<Record<string, unknown>>(ctx, 'receivables')?.value ?? {};
    const before = getReceivablesSettings(ctx);
    writeSetting(ctx, 'receivables', { ...current, defaultPaymentTermDays: input.defaultPaymentTermDays });
    recordChange(ctx, { entity: 'settings', entityId: 'receivables', action: 'update', before, after: input, tables: ['settings'] });
    return getReceivablesSettings(ctx);
  });
}
