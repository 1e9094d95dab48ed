/** Display names and colours of the contract enums in the UI language (the API carries English ids). */
import {
  CONTRACT_DISPLAY_STATUSES,
  CONTRACT_KINDS,
  INSTALLMENT_LABEL_SUGGESTIONS,
  type ContractDisplayStatus,
  type ContractKind,
} from '../../../../shared/api/contractEnums';
import { useT } from '../../i18n/I18nProvider';

/**
 * One colour per display status, the same on every screen. Expired is the
 * only warning colour (orange, UI.md): an active contract past its end date
 * is something to act on; the other states are calm.
 */
export const DISPLAY_STATUS_COLORS: Readonly<Record<ContractDisplayStatus, string>> = {
  draft: 'gray',
  active: 'teal',
  expired: 'orange',
  completed: 'indigo',
  terminated: 'dark',
};

export function useContractLabels() {
  const t = useT();
  const kind = (k: ContractKind) => t(`contracts.kind.${k}`);
  const status = (s: ContractDisplayStatus) => t(`contracts.status.${s}`);
  /** "还剩 12 天" / "今天到期" / "已到期 5 天" for a contract in force; '' otherwise. */
  const endHint = (row: { displayStatus: ContractDisplayStatus; daysToEnd: number | null }) => {
    if (row.daysToEnd === null || (row.displayStatus !== 'active' && row.displayStatus !== 'expired')) return '';
    if (row.daysToEnd > 0) return t('contracts.end.left', { days: row.daysToEnd });
    if (row.daysToEnd === 0) return t('contracts.end.today');
    return t('contracts.end.ago', { days: -row.daysToEnd });
  };
  return {
    kind,
    endHint,
    status,
    /**
     * Installment names are data printed on Chinese contracts and statements
     * (预付款, 到货款 …), like the import headers: offered in Chinese in every UI language.
     */
    installmentPresets: [...INSTALLMENT_LABEL_SUGGESTIONS] as string[],
    kindOptions: CONTRACT_KINDS.map((k) => ({ value: k, label: kind(k) })),
    statusOptions: CONTRACT_DISPLAY_STATUSES.map((s) => ({ value: s, label: status(s) })),
  };
}
