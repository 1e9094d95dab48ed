/**
 * Point 6 against the real HTTP bridge: a malformed %-escape gets 400 and the
 * bridge keeps serving; a body over the limit gets its 413 (the client reads
 * the answer before the connection closes).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime | null = null;
let bridge: Bridge | null = null;
afterEach(async () => {
  await bridge?.close();
  t?.cleanup();
  bridge = null;
  t = null;
});

function request(port: number, opts: { method: string; path: string; headers?: Record<string, string>; body?: Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method, path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function start(maxBodyBytes?: number): Promise<Bridge> {
  t = await tempRuntime();
  const staticDir = path.join(t.dir, 'web');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  bridge = await startBridge({ runtime: t.rt, staticDir, maxBodyBytes });
  return bridge;
}

describe('hostile requests to the bridge', () => {
  it('GET /% is a 400, and the bridge still answers afterwards', async () => {
    const b = await start();
    for (const p of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      expect((await request(b.port, { method: 'GET', path: p })).status).toBe(400);
    }
    const ok = await request(b.port, { method: 'POST', path: '/api/call/system.status', headers: { authorization: `Bearer ${b.token}` }, body: Buffer.from('{}') });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('a body over the limit is answered 413 before the connection closes', async () => {
    const b = await start(64 * 1024);
    const body = Buffer.alloc(1024 * 1024, 0x61);
    const r = await request(b.port, {
      method: 'POST',
      path: '/api/call/settings.updateCompany',
      headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'bad_request', message: '请求内容过大' } });
    // Sent without a length (chunked): found while reading, still a 413.
    const chunked = await request(b.port, {
      method: 'POST',
      path: '/api/call/settings.updateCompany',
      headers: { authorization: `Bearer ${b.token}`, 'transfer-encoding': 'chunked' },
      body,
    });
    expect(chunked.status).toBe(413);
  });
});
