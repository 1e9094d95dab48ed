/**
 * Checklist 20 (no Electron APIs exposed to web content) and 3 (context
 * isolation used as intended): the real preload, run against a stand-in for
 * the 'electron' module, exposes exactly `window.api = { call, onChanged }`,
 * never ipcRenderer, channel names or IPC event objects (whose `sender`
 * would hand the page an IPC handle).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_CHANGED_CHANNEL } from '../../../shared/api/preload';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, data: 'from main' });
    },
    on: (channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
}));

type Api = { call: (m: string, p: unknown) => Promise<unknown>; onChanged: (cb: (e: unknown) => void) => () => void };

beforeAll(async () => {
  await import('../../../electron/preload/index');
});

describe('preload', () => {
  it('exposes one key, api, with exactly call and onChanged, all plain functions', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'onChanged']);
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('call goes over the one dispatcher channel and returns what main answered', async () => {
    const api = exposed.get('api') as Api;
    await expect(api.call('customers.list', { q: 'x' })).resolves.toEqual({ ok: true, data: 'from main' });
    expect(invoked).toEqual([[IPC_CALL_CHANNEL, 'customers.list', { q: 'x' }]]);
  });

  it('onChanged hands the page the payload only, never the IPC event, and unsubscribes', () => {
    const api = exposed.get('api') as Api;
    const got: unknown[][] = [];
    const off = api.onChanged((...args) => got.push(args));
    const [listener] = listeners.get(IPC_CHANGED_CHANNEL)!;
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    listener(fakeEvent, { tables: ['customers'] });
    expect(got).toEqual([[{ tables: ['customers'] }]]);
    off();
    expect(listeners.get(IPC_CHANGED_CHANNEL)!.size).toBe(0);
  });
});
