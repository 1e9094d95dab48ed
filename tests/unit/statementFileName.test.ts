import { describe, expect, it } from 'vitest';
import { sanitizeFileNamePart, statementFileName } from '../../shared/statements/fileName';
import { lastMonthPeriod, statementNoPrefix } from '../../shared/statements/period';

describe('statementFileName', () => {
  it('is <客户编码>_<客户名称>_<from>_<to>.pdf', () => {
    expect(statementFileName('C0001', '宁波顺达五金批发部', '2026-11-01', '2026-11-30')).toBe('C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf');
  });

  it('replaces what Windows forbids, trims trailing dots and spaces, guards device names', () => {
    expect(sanitizeFileNamePart('温州/瑞安 "新光" 商行?*<>|:\\', 60)).toBe('温州_瑞安 _新光_ 商行_______');
    expect(sanitizeFileNamePart('ABC 公司. . ', 60)).toBe('ABC 公司');
    expect(sanitizeFileNamePart('con', 60)).toBe('_con');
    expect(sanitizeFileNamePart('COM1.txt', 60)).toBe('_COM1.txt');
    expect(sanitizeFileNamePart('tab\tnew\nline', 60)).toBe('tab new line');
    expect(sanitizeFileNamePart('...', 60)).toBe('_');
  });

  it('keeps a long name within file-system limits without splitting a character', () => {
    const name = '很长的客户名称'.repeat(30) + '😀';
    const file = statementFileName('C0001', name, '2026-11-01', '2026-11-30');
    expect(Buffer.byteLength(file, 'utf8')).toBeLessThan(255);
    expect(file.length).toBeLessThan(120);
    expect(sanitizeFileNamePart('ab😀cd', 3)).toBe('ab😀');
  });
});

describe('statement periods', () => {
  it('last month, across a year end and for month ends', () => {
    expect(lastMonthPeriod('2026-12-05')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonthPeriod('2027-01-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastMonthPeriod('2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(statementNoPrefix('2026-11-30')).toBe('DZ202611');
  });
});
