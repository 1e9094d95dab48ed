/**
 * A grid track for a column of amounts that never cuts a figure short: the
 * table's rows are separate grids sharing one template (they are
 * virtualised), so a column cannot size itself to its content. Its minimum
 * is worked out here from the widest formatted amount it will show (the
 * footer's total is usually the widest) and from its header, as the
 * browser measures them (textWidth.ts); beyond that minimum the column
 * shares the free space like any other (1fr).
 */
import { formatFen } from '../../../shared/money/format';

/** What a text takes on screen, in px: an amount (bold, as totals are) or a header label. */
export type MeasureText = (text: string, kind: 'amount' | 'header') => number;

/** A cell's padding (10 px each side) with 2 px for rounding. */
const PADDING_PX = 22;
/** The header's sort icon (13 px) and the gap before it (2 px), with 1 px for rounding. */
const SORT_ICON_PX = 16;

/** The width in px a column needs to show every one of these amounts and its header whole. */
export function amountWidth(amounts: readonly number[], header: string, measure: MeasureText): number {
  // Tabular figures: the longest formatted amount is the widest.
  let widest = '';
  for (const fen of amounts) {
    const text = formatFen(fen);
    if (text.length > widest.length) widest = text;
  }
  const amountPx = widest === '' ? 0 : measure(widest, 'amount');
  return Math.ceil(Math.max(amountPx, measure(header, 'header') + SORT_ICON_PX) + PADDING_PX);
}

/** The CSS grid track: at least the needed width. */
export function amountTrack(amounts: readonly number[], header: string, measure: MeasureText): string {
  return `minmax(${amountWidth(amounts, header, measure)}px, 1fr)`;
}
