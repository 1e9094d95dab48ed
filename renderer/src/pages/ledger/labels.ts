/**
 * Display names of the ledger enums in the UI language. The API carries the
 * English ids; the Chinese labels of ledgerEnums.ts are what imports and
 * exports print, the catalogue is what screens show (so English works too).
 */
import {
  CREDIT_NOTE_TYPES,
  RECEIPT_METHODS,
  type CreditNoteType,
  type DocKind,
  type ReceiptMethod,
} from '../../../../shared/api/ledgerEnums';
import { useT } from '../../i18n/I18nProvider';

/** One hue per kind, the same badge colour on every ledger screen. */
export const KIND_COLORS: Readonly<Record<DocKind, string>> = {
  opening: 'gray',
  invoice: 'indigo',
  receipt: 'teal',
  credit_note: 'grape',
  write_off: 'orange',
  refund: 'cyan',
  void: 'red',
};

export function useLedgerLabels() {
  const t = useT();
  const kind = (k: DocKind) => t(`ledger.kind.${k}`);
  const method = (m: ReceiptMethod) => t(`ledger.method.${m}`);
  const noteType = (n: CreditNoteType) => t(`ledger.noteType.${n}`);
  return {
    kind,
    method,
    noteType,
    methodOptions: RECEIPT_METHODS.map((m) => ({ value: m, label: method(m) })),
    /** A refund goes out in money, never as an acceptance bill. */
    refundMethodOptions: RECEIPT_METHODS.filter((m) => m !== 'acceptance_bill').map((m) => ({ value: m, label: method(m) })),
    noteTypeOptions: CREDIT_NOTE_TYPES.map((n) => ({ value: n, label: noteType(n) })),
  };
}
