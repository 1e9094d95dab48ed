/** Display names of the customer enums in the UI language (the API carries English ids). */
import {
  CUSTOMER_GRADES,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  INTERACTION_CHANNELS,
  type CustomerKind,
  type CustomerStatus,
  type InteractionChannel,
} from '../../../../shared/api/customerEnums';
import { IMPORT_KIND_LABELS } from '../../../../shared/api/imports';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/I18nProvider';

export const STATUS_COLORS: Record<CustomerStatus, string> = { active: 'teal', paused: 'orange', closed: 'gray' };
/** One hue per channel, the same in the timeline and the calendar. */
export const CHANNEL_COLORS: Record<InteractionChannel, string> = { T: 'indigo', E: 'teal', M: 'orange', O: 'gray' };

const IMPORT_KEYS: Readonly<Record<string, MessageKey>> = {
  customers: 'customers.imports.customers',
  products: 'customers.imports.products',
};

export function useCustomerLabels() {
  const t = useT();
  const kind = (k: CustomerKind | null) => (k ? t(`customers.kind.${k}`) : '');
  const status = (s: CustomerStatus) => t(`customers.status.${s}`);
  const channel = (c: InteractionChannel) => t(`customers.channel.${c}`);
  // Kinds added by later areas fall back to the contract's Chinese label.
  const importKind = (k: string) =>
    IMPORT_KEYS[k] ? t(IMPORT_KEYS[k]) : ((IMPORT_KIND_LABELS as Readonly<Record<string, string>>)[k] ?? k);
  return {
    kind,
    importKind,
    status,
    channel,
    kindOptions: CUSTOMER_KINDS.map((k) => ({ value: k, label: kind(k) })),
    statusOptions: CUSTOMER_STATUSES.map((s) => ({ value: s, label: status(s) })),
    gradeOptions: CUSTOMER_GRADES.map((g) => ({ value: g, label: g })),
    channelOptions: INTERACTION_CHANNELS.map((c) => ({ value: c, label: `${c} ${channel(c)}` })),
  };
}
