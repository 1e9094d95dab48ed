import { describe, expect, it } from 'vitest';
import { normalizeCell, toHalfWidth } from '../../shared/text/normalize';

describe('toHalfWidth', () => {
  it('converts the whole full-width ASCII block', () => {
    expect(toHalfWidth('！')).toBe('!');
    expect(toHalfWidth('～')).toBe('~');
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('，．－＋（）＠／')).toBe(',.-+()@/');
  });

  it('turns the ideographic space into a space and keeps other characters', () => {
    expect(toHalfWidth('经销\u3000往来')).toBe('经销 往来');
    expect(toHalfWidth('￥１００元')).toBe('￥100元');
    expect(toHalfWidth('abc 123')).toBe('abc 123');
  });

  it('leaves characters just outside the block alone', () => {
    expect(toHalfWidth('\uff00\uff5f')).toBe('\uff00\uff5f');
  });
});

describe('normalizeCell', () => {
  it('trims and collapses all kinds of whitespace', () => {
    expect(normalizeCell('  福州\u3000\u3000 华东\u00a0商贸 \t有限公司\n')).toBe('福州 华东 商贸 有限公司');
  });

  it('converts full-width before collapsing', () => {
    expect(normalizeCell('\u3000５０，０００．００\u3000')).toBe('50,000.00');
  });

  it('returns an empty string for blank cells', () => {
    expect(normalizeCell('')).toBe('');
    expect(normalizeCell(' \u3000\u00a0 ')).toBe('');
  });
});
