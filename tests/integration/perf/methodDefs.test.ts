/**
 * Method definitions load per API area (electron/api/methodDefs.ts): every
 * method of the contract resolves, by its name's prefix, to the very
 * definition the contract holds; names that are not methods resolve to
 * nothing, and the dispatcher answers them unknown_method as before.
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/api/contract';
import { methodDef } from '../../../electron/api/methodDefs';
import { tempRuntime } from '../../helpers/tempRuntime';

describe('method definitions by area', () => {
  it('every method of the contract resolves to the contract’s own definition', async () => {
    const names = Object.keys(methods) as (keyof typeof methods)[];
    expect(names.length).toBeGreaterThan(150);
    for (const name of names) expect(await methodDef(name), name).toBe(methods[name]);
  });

  it('names that are not methods resolve to nothing, whatever their prefix', async () => {
    for (const name of ['aging.nope', 'aging.', 'nope.report', 'aging', '', 'constructor.x', '__proto__.x', 'aging.__proto__', 'aging.hasOwnProperty', 'customers.toString']) {
      expect(await methodDef(name), name).toBeUndefined();
    }
  });

  it('the dispatcher refuses an unknown method and validates a known one with its area’s schema', async () => {
    const t = await tempRuntime();
    try {
      expect(await t.rt.call('aging.nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(await t.rt.call('__proto__.x', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(await t.rt.call('aging.report', { asOf: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'asOf' } });
      expect(await t.rt.call('aging.report', {})).toMatchObject({ ok: true });
    } finally {
      t.cleanup();
    }
  });
});
