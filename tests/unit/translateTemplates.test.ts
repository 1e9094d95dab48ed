/**
 * translate splits each message once at its {name} placeholders (a cache);
 * it must say exactly what the plain regular-expression substitution says,
 * for every message of both catalogues, with values given, missing, or
 * holding text that looks like a placeholder itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogues, translate, type Locale, type MessageKey } from '../../shared/i18n/translate';

/** The obviously correct reference: look the key up, substitute with one regular expression. */
function reference(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, n: string) => String(vars[n] ?? `{${n}}`)) : text;
}

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix === '' ? k : `${prefix}.${k}`));
}

const KEYS = keysOf(catalogues['zh-CN']);
const NAMES = [...new Set(KEYS.flatMap((k) => [...reference('zh-CN', k).matchAll(/\{(\w+)\}/g)].map((m) => m[1])))];

describe('translate', () => {
  it('equals the regular-expression substitution for every message, twice (cached)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant('{count}'), fc.constant('$&'));
    fc.assert(
      fc.property(fc.constantFrom<Locale>('zh-CN', 'en'), fc.dictionary(fc.constantFrom(...NAMES), value), fc.boolean(), (locale, vars, withVars) => {
        for (const key of KEYS) {
          const v = withVars ? vars : undefined;
          expect(translate(locale, key as MessageKey, v)).toBe(reference(locale, key, v));
          expect(translate(locale, key as MessageKey, v)).toBe(reference(locale, key, v));
        }
      }),
      { numRuns: Number(process.env.TRANSLATE_RUNS ?? 20) },
    );
  });

  it('returns an unknown key as it is, placeholders kept', () => {
    expect(translate('zh-CN', 'no.such {x} key' as MessageKey, { x: 1 })).toBe('no.such 1 key');
    expect(translate('en', 'no.such {x} key' as MessageKey)).toBe('no.such {x} key');
  });
});
