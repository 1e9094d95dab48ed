import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { lockSessionsOnOsLock } from '../../../electron/main/osLock';
import { call, officeWithUsers, PASSWORD, type Office } from './helpers';

let o: Office;
afterEach(() => o?.cleanup());

describe('OS lock and suspend', () => {
  it.each(['lock-screen', 'suspend'] as const)('%s locks every logged-in session and tells the renderer', async (event) => {
    o = await officeWithUsers();
    const monitor = new EventEmitter();
    lockSessionsOnOsLock(monitor, o.rt);
    const changed: string[][] = [];
    o.rt.events.on('changed', (e: { tables: string[] }) => changed.push(e.tables));
    await call(o.rt, o.as('clerk'), 'customers.list', {});
    monitor.emit(event);
    expect(changed).toContainEqual(['session']);
    for (const role of ['clerk', 'boss'] as const) {
      const r = await o.rt.call('customers.list', {}, o.as(role));
      expect(!r.ok && r.error.code).toBe('locked');
    }
    await call(o.rt, o.as('clerk'), 'auth.unlock', { password: PASSWORD });
    await call(o.rt, o.as('clerk'), 'customers.list', {});
  });
});
