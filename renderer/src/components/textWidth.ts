/**
 * How wide a text is drawn in the app's own font, measured by the browser
 * on an off-screen canvas (no layout): amounts at the table's cell size,
 * bold as totals are; headers at the header's size and weight
 * (DataTable.module.css). Falls back to a generous estimate where there is
 * no canvas.
 */
import type { MeasureText } from './amountTrack';

let context: CanvasRenderingContext2D | null | undefined;

function canvas(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

const FONT_SIZE = { amount: '600 14px', header: '600 12px' } as const;

export const measureText: MeasureText = (text, kind) => {
  const c = canvas();
  if (c === null) return text.length * (kind === 'amount' ? 9 : 13);
  c.font = `${FONT_SIZE[kind]} ${getComputedStyle(document.body).fontFamily}`;
  return c.measureText(text).width;
};
