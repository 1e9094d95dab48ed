/**
 * The receipt screen's 核销 (§4): the customer's open invoices with the FIFO
 * suggestion (ledger.suggestAllocation) pre-filled, following the amount and
 * date as they are typed. Once the clerk changes a line, the lines are theirs
 * (manual) until they ask for the suggestion back. Only a manual choice is
 * sent as explicit allocations, and only lines with an amount; the server
 * keeps a manual list equal to the suggestion automatic as well.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { AllocationSuggestion } from '../../../../../shared/api/ledger';
import { isIsoDate } from '../../../../../shared/dates/calendar';
import { formatFen, formatFenPlain } from '../../../../../shared/money/format';
import { useApiQuery } from '../../../api/hooks';
import { parseAmountText } from '../../../components/amountText';
import { useT } from '../../../i18n/I18nProvider';

export type AllocationLine = AllocationSuggestion['lines'][number];

export interface AllocationState {
  lines: AllocationLine[];
  loading: boolean;
  /** debitId -> typed text, or null while following the suggestion. */
  manual: Record<string, string> | null;
  /** What the line shows: the clerk's text, or the suggestion. */
  textOf(line: AllocationLine): string;
  setLine(debitId: string, text: string): void;
  backToSuggestion(): void;
  /** Per line: unreadable or more than is open. */
  lineErrors: Record<string, string>;
  /** Allocated in total (fen), and the complaint when it is more than the document. */
  allocatedFen: number;
  totalError: string | null;
  /** null = automatic; otherwise the explicit list to send. */
  toSend(): { debitId: string; amountFen: number }[] | null;
}

export function useAllocation(args: {
  customerId: string | null;
  date: string;
  amountFen: number | null;
  kind: 'receipt' | 'credit_note';
  docNo: string;
}): AllocationState {
  const t = useT();
  // A suggestion per keystroke of the amount would be wasted work: wait for a pause.
  const [amountFen] = useDebouncedValue(args.amountFen, 200);
  const [manual, setManual] = useState<Record<string, string> | null>(null);
  const enabled = Boolean(args.customerId) && isIsoDate(args.date) && amountFen !== null && amountFen > 0;
  const query = useApiQuery(
    'ledger.suggestAllocation',
    { customerId: args.customerId ?? '', date: args.date, amountFen: amountFen ?? 1, kind: args.kind, docNo: args.docNo.trim() },
    { enabled, placeholderData: (prev) => prev },
  );
  const data = enabled ? query.data : undefined;
  const lines = data?.lines ?? [];

  // The suggestion reads like every amount on screen (20,000.00 beside its ¥); the parser takes it back as typed.
  const textOf = (l: AllocationLine) => manual?.[l.debitId] ?? (l.suggestedFen > 0 ? formatFenPlain(l.suggestedFen) : '');

  const lineErrors: Record<string, string> = {};
  let allocatedFen = 0;
  for (const l of lines) {
    const r = parseAmountText(textOf(l), { label: '核销金额', allowZero: true });
    if (!r.ok) lineErrors[l.debitId] = r.message;
    else if (r.value !== null) {
      if (r.value > l.openFen) lineErrors[l.debitId] = t('ledger.alloc.overOpen', { open: formatFen(l.openFen) });
      allocatedFen += r.value;
    }
  }
  const totalError =
    args.amountFen !== null && allocatedFen > args.amountFen
      ? t('ledger.alloc.overTotal', { allocated: formatFen(allocatedFen), amount: formatFen(args.amountFen) })
      : null;

  return {
    lines,
    loading: enabled && query.isFetching,
    manual,
    textOf,
    setLine: (debitId, text) => {
      const base: Record<string, string> = manual ?? Object.fromEntries(lines.map((l) => [l.debitId, textOf(l)]));
      setManual({ ...base, [debitId]: text });
    },
    backToSuggestion: () => setManual(null),
    lineErrors,
    allocatedFen,
    totalError,
    toSend: () => {
      if (manual === null) return null;
      const list: { debitId: string; amountFen: number }[] = [];
      for (const l of lines) {
        const r = parseAmountText(textOf(l), { allowZero: true });
        if (r.ok && r.value) list.push({ debitId: l.debitId, amountFen: r.value });
      }
      const same = lines.every((l) => (list.find((a) => a.debitId === l.debitId)?.amountFen ?? 0) === l.suggestedFen);
      return same ? null : list;
    },
  };
}
