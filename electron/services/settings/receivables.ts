/** Receivables settings; for now only the default 账期 applied to customers without their own. */
import type { ServiceContext } from '../context';
import { readSetting } from './settingsStore';

export interface ReceivablesSettings {
  /** Days from invoice date to due date for a customer whose payment_term_days is null (DESIGN §4: 30). */
  defaultPaymentTermDays: number;
}

const DEFAULTS: ReceivablesSettings = { defaultPaymentTermDays: 30 };

export function getReceivablesSettings(ctx: ServiceContext): ReceivablesSettings {
  const stored = readSetting<Partial<ReceivablesSettings>>(ctx, 'receivables')?.value ?? {};
  const days = stored.defaultPaymentTermDays;
  // A hand-edited or older value that is not a sane day count falls back to the default rather than breaking due dates.
  return {
    defaultPaymentTermDays: Number.isInteger(days) && (days as number) >= 0 && (days as number) <= 3650 ? (days as number) : DEFAULTS.defaultPaymentTermDays,
  };
}
