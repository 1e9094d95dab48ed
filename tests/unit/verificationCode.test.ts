import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StatementLine } from '../../electron/services/statements/pdf/types';
import {
  linesDigest,
  normalizeVerificationCode,
  statementVerificationCode,
} from '../../electron/services/statements/verificationCode';

const lines: StatementLine[] = [
  { date: '2026-11-03', docNo: 'YS202611-0001', kind: 'invoice', memo: '11月货款', debitFen: 150_000_00, creditFen: 0, balanceFen: 150_000_00 },
  { date: '2026-11-20', docNo: 'HK202611-0001', kind: 'receipt', memo: '', debitFen: 0, creditFen: 50_000_00, balanceFen: 100_000_00 },
];
const base = {
  statementNo: 'DZ202611-0001',
  customerCode: 'C0001',
  from: '2026-11-01',
  to: '2026-11-30',
  closingFen: 100_000_00,
  linesSha256: linesDigest(lines),
};

describe('linesDigest', () => {
  it('is the sha256 of the lines as fixed-order arrays', () => {
    const canonical = JSON.stringify(lines.map((l) => [l.date, l.docNo, l.kind, l.memo, l.debitFen, l.creditFen, l.balanceFen]));
    expect(linesDigest(lines)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('ignores key order and extra properties, but not any field value', () => {
    const reordered = lines.map((l) => ({
      id: 'ignored',
      balanceFen: l.balanceFen,
      creditFen: l.creditFen,
      debitFen: l.debitFen,
      memo: l.memo,
      kind: l.kind,
      docNo: l.docNo,
      date: l.date,
    }));
    expect(linesDigest(reordered)).toBe(linesDigest(lines));
    expect(linesDigest([{ ...lines[0], memo: '11月货款 ' }, lines[1]])).not.toBe(linesDigest(lines));
    expect(linesDigest([lines[1], lines[0]])).not.toBe(linesDigest(lines));
    expect(linesDigest([])).toBe(createHash('sha256').update('[]').digest('hex'));
  });

  it('refuses amounts that are not integer fen', () => {
    expect(() => linesDigest([{ ...lines[0], debitFen: 1.5 }])).toThrow(RangeError);
  });
});

describe('statementVerificationCode', () => {
  it('is XXXX-XXXX over an alphabet without I, L, O, U', () => {
    const code = statementVerificationCode(base);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(statementVerificationCode({ ...base })).toBe(code);
  });

  it('changes with every field it binds', () => {
    const code = statementVerificationCode(base);
    const variants = [
      { statementNo: 'DZ202611-0002' },
      { customerCode: 'C0002' },
      { from: '2026-11-02' },
      { to: '2026-11-29' },
      { closingFen: 100_000_01 },
      { linesSha256: linesDigest(lines.slice(0, 1)) },
    ];
    for (const change of variants) expect(statementVerificationCode({ ...base, ...change })).not.toBe(code);
  });

  it('cannot be forged by moving text between fields', () => {
    const a = statementVerificationCode({ ...base, statementNo: 'DZ1', customerCode: '2C' });
    const b = statementVerificationCode({ ...base, statementNo: 'DZ12', customerCode: 'C' });
    expect(a).not.toBe(b);
  });

  it('spreads over the alphabet (no stuck characters)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      for (const ch of statementVerificationCode({ ...base, statementNo: `DZ202611-${i}` }).replace('-', '')) seen.add(ch);
    }
    expect(seen.size).toBe(32);
  });

  it('refuses a malformed digest or a fractional closing balance', () => {
    expect(() => statementVerificationCode({ ...base, linesSha256: 'abc' })).toThrow(RangeError);
    expect(() => statementVerificationCode({ ...base, closingFen: 0.5 })).toThrow(RangeError);
  });
});

describe('normalizeVerificationCode', () => {
  it('accepts what a clerk types off paper', () => {
    const code = statementVerificationCode(base);
    expect(normalizeVerificationCode(code)).toBe(code);
    expect(normalizeVerificationCode(code.toLowerCase())).toBe(code);
    expect(normalizeVerificationCode(` ${code.replace('-', ' ')} `)).toBe(code);
    expect(normalizeVerificationCode('O1IL-ABCD')).toBe('0111-ABCD');
    expect(normalizeVerificationCode('0111－ABCD')).toBe('0111-ABCD');
  });

  it('rejects what cannot be a code', () => {
    expect(normalizeVerificationCode('ABC-DEF')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGU')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH-1')).toBeNull();
    expect(normalizeVerificationCode('')).toBeNull();
  });
});
