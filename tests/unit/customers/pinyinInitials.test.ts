import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadPinyin,
  looksLikeInitials,
  MAX_INITIALS_VARIANTS,
  pinyinInitials,
  pinyinSearchText,
  pinyinSortKey,
} from '../../../electron/services/customers/pinyinInitials';

beforeAll(async () => {
  await loadPinyin();
});

describe('pinyin initials', () => {
  it('gives the initials of a plain name', () => {
    expect(pinyinInitials('北京华东商贸有限公司')).toEqual(['bjhdsmyxgs']);
  });

  it('keeps every reading of polyphonic characters, the contextual one first', () => {
    expect(pinyinInitials('重庆')).toEqual(['cq', 'zq']);
    expect(pinyinInitials('长沙银行')).toEqual(expect.arrayContaining(['csyh', 'zsyh', 'csyx', 'zsyx']));
    expect(pinyinInitials('长沙银行')[0]).toBe('csyh');
    expect(pinyinInitials('厦门')).toEqual(['xm', 'sm']);
  });

  it('keeps letters and digits, drops brackets, spaces and punctuation', () => {
    expect(pinyinInitials('ABC 贸易（集团）123')).toEqual(['abcmyjt123']);
    expect(pinyinInitials('ＡＢＣ贸易')).toEqual(['abcmy']);
    expect(pinyinInitials('')).toEqual([]);
    expect(pinyinInitials('（）—')).toEqual([]);
  });

  it('caps the variants of a name full of polyphonic characters, fewest deviations first', () => {
    const v = pinyinInitials('重重重重重重重重重重');
    expect(v).toHaveLength(MAX_INITIALS_VARIANTS);
    expect(new Set(v).size).toBe(v.length);
    // The contextual reading, then every single-character deviation before any double one.
    const deviations = (s: string) => [...s].filter((ch, i) => ch !== v[0][i]).length;
    const counts = v.map(deviations);
    expect(counts[0]).toBe(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.filter((n) => n === 1)).toHaveLength(10);
  });

  it('search text joins the variants of name and short name with spaces', () => {
    expect(pinyinSearchText('重庆华东贸易有限公司', '华东')).toBe('cqhdmyyxgs zqhdmyyxgs hd');
    expect(pinyinSearchText('北京华东', '北京华东')).toBe('bjhd');
  });

  it('sort key is the full pinyin of the usual reading', () => {
    expect(pinyinSortKey('北京华东（集团）ABC')).toBe('bei jing hua dong ji tuan abc');
    expect(pinyinSortKey('重庆') < pinyinSortKey('上海')).toBe(true);
  });

  it('only letter words are matched against initials', () => {
    expect(looksLikeInitials('bjhd')).toBe(true);
    expect(looksLikeInitials('BJHD')).toBe(true);
    expect(looksLikeInitials('c0001')).toBe(false);
    expect(looksLikeInitials('北京')).toBe(false);
  });
});
