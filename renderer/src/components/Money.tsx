/**
 * An amount in fen as the UI shows money everywhere: ¥12,345.67, tabular
 * figures, right-aligned by its cell; a negative amount (a prepayment, a
 * credit) keeps its minus sign and gets a distinct colour, never parentheses.
 */
import { formatFen } from '../../../shared/money/format';

export interface MoneyProps {
  fen: number | null | undefined;
  /** Shown when there is no amount (e.g. no credit limit). */
  empty?: string;
  /** Bold, e.g. for totals. */
  strong?: boolean;
  /** Red for overdue figures; otherwise negatives get the prepayment colour. */
  danger?: boolean;
}

export function Money({ fen, empty = '', strong, danger }: MoneyProps) {
  if (fen === null || fen === undefined) return <span className="amount">{empty}</span>;
  const classes = ['amount'];
  if (fen < 0) classes.push('amount-negative');
  return (
    <span
      className={classes.join(' ')}
      style={{ fontWeight: strong ? 600 : undefined, color: danger ? 'var(--mantine-color-red-7)' : undefined }}
    >
      {formatFen(fen)}
    </span>
  );
}
