import { describe, expect, it } from 'vitest';
import { validateEmail, validateMobile, validatePhone } from '../../shared/validators/contact';

describe('validateMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['(+86)13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['\u3000199 9999 9999 ', '19999999999'],
  ])('%s -> %s', (input, digits) => {
    expect(validateMobile(input)).toEqual({ ok: true, value: digits });
  });

  it('says 11 digits are expected for a 10-digit number', () => {
    const r = validateMobile('1380013800');
    expect(r).toEqual({ ok: false, message: '手机号“1380013800”应为 11 位数字，当前为 10 位' });
  });

  it('refuses wrong lengths, wrong prefixes and junk', () => {
    const msg = (s: string): string => {
      const r = validateMobile(s);
      return r.ok ? '' : r.message;
    };
    expect(msg('138001380001')).toContain('当前为 12 位');
    expect(msg('12800138000')).toContain('13–19 开头');
    expect(msg('23800138000')).toContain('13–19 开头');
    expect(msg('1380013800a')).toContain('只能包含数字');
    expect(msg('0591-87654321')).toContain('应为 11 位数字');
    expect(msg('')).toBe('手机号不能为空');
  });
});

describe('validatePhone', () => {
  it.each([
    ['0591-87654321', '0591-87654321'],
    ['(0591) 8765 4321', '(0591) 8765 4321'],
    ['０５９１－８７６５４３２１', '0591-87654321'],
    ['87654321', '87654321'],
    ['400-820-8820', '400-820-8820'],
    ['95555', '95555'],
    ['+86 591 8765 4321', '+86 591 8765 4321'],
    ['13800138000', '13800138000'],
    ['0591-87654321转8001', '0591-87654321 转 8001'],
    ['0591-87654321 分机 8001', '0591-87654321 转 8001'],
    ['0591-87654321 ext. 12', '0591-87654321 转 12'],
    ['0591-87654321 x12', '0591-87654321 转 12'],
    ['0591-87654321#8001', '0591-87654321 转 8001'],
    ['  010   8765   4321  ', '010 8765 4321'],
  ])('%s -> %s', (input, stored) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: stored });
  });

  it('refuses letters, too few or too many digits, and blanks', () => {
    const msg = (s: string): string => {
      const r = validatePhone(s);
      return r.ok ? '' : r.message;
    };
    expect(msg('0591-8765abcd')).toContain('只能包含数字');
    expect(msg('123')).toContain('位数不正确');
    expect(msg('1'.repeat(21))).toContain('位数不正确');
    expect(msg('0591+87654321')).toContain('格式不正确');
    expect(msg('转8001')).toContain('格式不正确');
    expect(msg('')).toBe('电话不能为空');
  });
});

describe('validateEmail', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['Zhang_San+ar@Example.COM', 'Zhang_San+ar@example.com'],
    ['  finance@fz-huadong.com.cn ', 'finance@fz-huadong.com.cn'],
    ['ｆｉｎａｎｃｅ＠ｑｑ．ｃｏｍ', 'finance@qq.com'],
    ['12345678@qq.com', '12345678@qq.com'],
  ])('%s -> %s', (input, stored) => {
    expect(validateEmail(input)).toEqual({ ok: true, value: stored });
  });

  it('says when @ is missing', () => {
    const r = validateEmail('finance.example.com');
    expect(!r.ok && r.message).toContain('缺少 @');
  });

  it('refuses malformed addresses', () => {
    for (const input of [
      'a@b',
      '@example.com',
      'zhang@',
      'zhang san@example.com',
      'zhang..san@example.com',
      '.zhang@example.com',
      'zhang.@example.com',
      'zhang@example..com',
      'zhang@-example.com',
      'zhang@example.c',
      'zhang@example.123',
      '张三@example.com',
      'zhang@例子.中国',
      'a@b@example.com',
      'zhang@example.com，',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      const r = validateEmail(input);
      expect(r.ok, input).toBe(false);
      expect(!r.ok && r.message).toContain('name@example.com');
    }
  });

  it('refuses blank input', () => {
    expect(validateEmail('')).toEqual({ ok: false, message: '邮箱不能为空' });
  });
});
