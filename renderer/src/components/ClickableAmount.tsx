/**
 * An amount that opens the records behind it (UI.md: every number is one
 * click from its documents): Money inside a plain button, so it is reachable
 * with Tab and Enter, keeps the table's alignment and tabular figures, and
 * shows its link nature only on hover/focus. Zero is left blank in dense
 * tables (a column of ¥0.00 hides the amounts that matter).
 */
import type { MouseEvent } from 'react';
import { Money } from './Money';
import classes from './ClickableAmount.module.css';

export interface ClickableAmountProps {
  fen: number;
  onClick(): void;
  /** Show ¥0.00 instead of a blank. */
  showZero?: boolean;
  strong?: boolean;
  danger?: boolean;
  title?: string;
  'data-testid'?: string;
}

export function ClickableAmount({ fen, onClick, showZero, strong, danger, title, ...rest }: ClickableAmountProps) {
  if (fen === 0 && !showZero) return null;
  const click = (e: MouseEvent) => {
    // Inside a clickable row: the amount's own target, not the row's.
    e.stopPropagation();
    onClick();
  };
  return (
    <button type="button" className={classes.amount} onClick={click} title={title} data-testid={rest['data-testid']}>
      <Money fen={fen} strong={strong} danger={danger} />
    </button>
  );
}
