import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import http from 'node:http';

let t: TempRuntime;
let bridge: Bridge;
beforeEach(async () => {
  t = await tempRuntime();
  bridge = await startBridge({ runtime: t.rt });
});
afterEach(async () => {
  await bridge.close();
  t.cleanup();
});

const base = () => `http://127.0.0.1:${bridge.port}`;
const auth = () => ({ authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' });

/** Raw request, so the Host header can be forged (fetch does not allow it). */
function raw(headers: Record<string, string>, body = '{}'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/api/call/settings.getCompany', headers },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 with a random port and token', () => {
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.token.length).toBeGreaterThanOrEqual(24);
    expect(bridge.appUrl).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
  });

  it('serves the same dispatcher: a save through HTTP is read back', async () => {
    const save = await fetch(`${base()}/api/call/settings.updateCompany`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ companyName: '桥接公司' }),
    });
    expect(await save.json()).toMatchObject({ ok: true, data: { companyName: '桥接公司' } });
    expect((await t.rt.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('桥接公司');
  });

  it('answers 401 without data when the token is missing or wrong', async () => {
    const none = await fetch(`${base()}/api/call/settings.getCompany`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const body = await none.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(body.data).toBeUndefined();
    const wrong = await fetch(`${base()}/api/call/settings.getCompany`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await raw({ ...auth(), host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await raw({ ...auth(), host: `127.0.0.1:${bridge.port}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw({ ...auth(), host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` })).status).toBe(200);
  });

  it('answers malformed JSON and unknown methods with typed errors, and keeps serving', async () => {
    const bad = await fetch(`${base()}/api/call/settings.getCompany`, { method: 'POST', headers: auth(), body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await fetch(`${base()}/api/call/no.such`, { method: 'POST', headers: auth(), body: '{}' });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const ok = await fetch(`${base()}/api/call/settings.getCompany`, { method: 'POST', headers: auth(), body: '{}' });
    expect((await ok.json()).ok).toBe(true);
  });

  it('streams a changed event after a write', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base()}/api/events`, { headers: auth(), signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await t.rt.call('settings.updateCompany', { companyName: '事件公司' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"settings"');
    ctrl.abort();
  });
});
