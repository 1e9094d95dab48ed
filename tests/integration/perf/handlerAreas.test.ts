/**
 * Handlers load per area on first use (electron/api/handlers/index.ts): every
 * database method of the contract still finds its handler, and it is the
 * handler of the area the contract files the method under.
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/api/contract';
import { handlerFor, RUNTIME_OWN_METHODS, type DbMethodName } from '../../../electron/api/handlers/index';
import { sessionCalls } from '../../../electron/api/sessionCalls';
import { agingHandlers } from '../../../electron/api/handlers/aging';
import { statementHandlers } from '../../../electron/api/handlers/statements';

const RUNTIME_OWN = new Set<string>(RUNTIME_OWN_METHODS);

describe('handlers by area', () => {
  it('every database method of the contract resolves to a function', async () => {
    const dbMethods = Object.keys(methods).filter((m) => !RUNTIME_OWN.has(m) && !(m in sessionCalls));
    expect(dbMethods.length).toBeGreaterThan(100);
    for (const m of dbMethods) expect(typeof (await handlerFor(m as DbMethodName)), m).toBe('function');
  });

  it('a method gets its own area’s handler, the same one on every call', async () => {
    expect(await handlerFor('aging.report')).toBe(agingHandlers['aging.report']);
    expect(await handlerFor('statements.generate')).toBe(statementHandlers['statements.generate']);
    expect(await handlerFor('aging.report')).toBe(await handlerFor('aging.report'));
  });
});
