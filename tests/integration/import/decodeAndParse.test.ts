import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/decodeText';
import { detectDelimiter, parseDelimited } from '../../../electron/services/import/parseDelimited';
import { DomainError } from '../../../shared/errors';

const sample = '客户编码,客户名称\r\nC0001,北京华东商贸（集团）有限公司\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads GBK bytes as GB18030, including characters outside GB2312', () => {
    const text = `${sample}C0002,镕基贸易·喆\r\n`;
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
    // A character only GB18030 (not GBK) can encode also comes back.
    const rare = '𠀀字号';
    expect(decodeText(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM, and UTF-16LE without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')]);
    expect(decodeText(le)).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')]);
    expect(decodeText(be)).toEqual({ text: sample, encoding: 'utf-16be' });
    const ascii = 'code\tname\r\nC0001\tHuadong\r\n';
    expect(decodeText(iconv.encode(ascii, 'utf-16le'))).toEqual({ text: ascii, encoding: 'utf-16le' });
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const backing = Buffer.concat([Buffer.from('xxxx'), Buffer.from(sample, 'utf8')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, backing.length - 4);
    expect(decodeText(view).text).toBe(sample);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0xFF is a lead byte in neither UTF-8 nor GB18030.
    const bytes = Buffer.from([0x41, 0x2c, 0xff, 0x2c, 0x42]);
    expect(() => decodeText(bytes)).toThrow(DomainError);
    expect(() => decodeText(bytes)).toThrow(/无法识别文件的文字编码/);
  });
});

describe('parseDelimited', () => {
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\r\n12"screen,,\r\n';
    expect(parseDelimited(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\r\nline2'],
      ['12"screen', '', ''],
    ]);
  });

  it('keeps empty lines as empty rows so row numbers match Excel, and no row for the final newline', () => {
    expect(parseDelimited('a,b\n\nc,d\n')).toEqual([['a', 'b'], [], ['c', 'd']]);
    expect(parseDelimited('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseDelimited('')).toEqual([]);
    expect(parseDelimited('a,""\n')).toEqual([['a', '']]);
  });

  it('detects tabs: UTF-16 text, or more tabs than commas in the first lines', () => {
    expect(detectDelimiter('a,b\n1,2', true)).toBe('\t');
    expect(detectDelimiter('客户档案\n编码\t名称\t额度\nC1\t华东\t50,000.00\n')).toBe('\t');
    expect(detectDelimiter('客户档案,,\n编码,名称,额度\n')).toBe(',');
    expect(parseDelimited('编码\t名称\nC1\t"a\tb"\n')).toEqual([
      ['编码', '名称'],
      ['C1', 'a\tb'],
    ]);
  });

  it('names the line of an unclosed quote instead of swallowing the rest of the file', () => {
    expect(() => parseDelimited('a,b\nc,"d\ne,f\n')).toThrow(/第 2 行有未闭合的双引号/);
  });

  it('reads back whatever a quoting CSV writer produces (property)', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', '\t', ' ', '　', '1') });
    const quote = (s: string) => (/[",\r\n\t]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
        expect(parseDelimited(text, { delimiter: ',' })).toEqual(rows);
      }),
    );
  });
});
