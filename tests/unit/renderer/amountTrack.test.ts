/**
 * The aging table's amount columns are never narrower than their widest
 * figure or their header: a total of millions gets the room its digits
 * need, a column of zeros the room its header needs. (The e2e of a running
 * import checks the same on screen, with the browser's own measurements.)
 */
import { describe, expect, it } from 'vitest';
import { amountTrack, amountWidth, type MeasureText } from '../../../renderer/src/components/amountTrack';
import { formatFen } from '../../../shared/money/format';

/** 7 px per character of an amount, 12 px per character of a header. */
const measure: MeasureText = (text, kind) => text.length * (kind === 'amount' ? 7 : 12);

describe('amount column width', () => {
  it('fits the header when the figures are short', () => {
    // '181-365天' is 8 characters: 96 px, with the sort icon 112, with the padding 134.
    expect(amountWidth([0, 1_234], '181-365天', measure)).toBe(96 + 16 + 22);
    expect(amountWidth([], '预收', measure)).toBe(24 + 16 + 22);
  });

  it('grows with the widest formatted figure, negatives and totals included', () => {
    const million = 551_222_833; // ¥5,512,228.33: 13 characters
    expect(formatFen(million)).toHaveLength(13);
    expect(amountWidth([million], '预收', measure)).toBe(13 * 7 + 22);
    expect(amountWidth([100, -million, 5], '预收', measure)).toBe(formatFen(-million).length * 7 + 22);
    expect(amountWidth([million * 100], '预收', measure)).toBeGreaterThan(amountWidth([million], '预收', measure));
  });

  it('is a grid track whose minimum is that width', () => {
    expect(amountTrack([551_222_833], '预收', measure)).toBe(`minmax(${13 * 7 + 22}px, 1fr)`);
  });
});
