import { describe, expect, it } from 'vitest';
import { fail, ok, type ParseResult } from '../../shared/result';

describe('ParseResult helpers', () => {
  it('ok wraps a value', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
  });

  it('fail carries a message and fits any value type', () => {
    const r: ParseResult<number> = fail('金额不能为空');
    expect(r).toEqual({ ok: false, message: '金额不能为空' });
  });

  it('narrows on ok', () => {
    const r: ParseResult<string> = Math.random() > 2 ? fail('x') : ok('a');
    if (r.ok) expect(r.value).toBe('a');
    else expect.unreachable();
  });
});
