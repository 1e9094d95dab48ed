/**
 * Loopback HTTP bridge over the same runtime the Electron IPC uses: the
 * browser harness (Playwright, `npm run dev:web`) drives the real UI against a
 * real database through it.
 *   POST /api/call/<method>   body: JSON input      -> ApiResult JSON
 *   GET  /api/events                                -> server-sent `changed` events
 *   GET  /*                                         -> the built renderer (optional)
 * 127.0.0.1 only, random port by default, random bearer token; other
 * Host/Origin headers are refused. The page gets the token from the URL
 * fragment, which browsers never send to the server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DbChangedEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/errors';
import type { AppRuntime } from '../api/runtime';
import type { CallVia } from '../api/sessions';
import { hostAllowed, newToken, originAllowed, tokenMatches } from './guard';
import { decodePath, resolveStatic } from './staticFiles';

export interface BridgeOptions {
  runtime: Pick<AppRuntime, 'call' | 'events'>;
  staticDir?: string;
  port?: number;
  token?: string;
  /** Largest accepted request body (attachments travel base64). */
  maxBodyBytes?: number;
}

export interface Bridge {
  port: number;
  token: string;
  /** Open this in a browser: the app with its token in the fragment. */
  appUrl: string;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const failure = (code: 'unauthorized' | 'bad_request' | 'forbidden', message: string): ApiResult<never> => ({
  ok: false,
  error: { code, field: null, message },
});

/**
 * Reads the body up to `limit` bytes. Over the limit it stops keeping the
 * data but does not destroy the socket: the caller answers 413 first (a
 * destroyed socket would reach the client as a reset, not as an answer).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(new Error('too_large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new Error('too_large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? newToken();
  const via: CallVia = { session: `http:${crypto.createHash('sha256').update(token).digest('hex').slice(0, 16)}`, channel: 'http' };
  const maxBody = opts.maxBodyBytes ?? 40 * 1024 * 1024;
  let port = 0;
  const sseClients = new Set<http.ServerResponse>();
  const onChanged = (e: DbChangedEvent) => {
    for (const res of sseClients) res.write(`event: changed\ndata: ${JSON.stringify(e)}\n\n`);
  };
  opts.runtime.events.on('changed', onChanged);

  const server = http.createServer(async (req, res) => {
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port)) {
      return json(res, 403, failure('forbidden', '拒绝访问：来源不被允许'));
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!tokenMatches(req.headers.authorization, token)) {
        return json(res, 401, failure('unauthorized', '未授权：缺少或错误的访问令牌'));
      }
      if (req.method === 'GET' && url === '/api/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      const m = /^\/api\/call\/([A-Za-z0-9_.]+)$/.exec(url);
      if (req.method !== 'POST' || !m) return json(res, 404, failure('bad_request', '无此接口'));
      let params: unknown;
      try {
        const text = await readBody(req, maxBody);
        params = text.trim() === '' ? {} : JSON.parse(text);
      } catch (e) {
        const tooLarge = e instanceof Error && e.message === 'too_large';
        if (tooLarge) {
          // Answer, then close: the rest of the body is not read.
          res.setHeader('connection', 'close');
          res.on('finish', () => req.destroy());
        }
        return json(res, tooLarge ? 413 : 400, failure('bad_request', tooLarge ? '请求内容过大' : '请求内容不是有效的 JSON'));
      }
      // The user logged in through this bridge is bound to its token's session; the body never names the actor.
      return json(res, 200, await opts.runtime.call(m[1], params, via));
    }
    if (req.method !== 'GET' || !opts.staticDir) return json(res, 404, failure('bad_request', '未找到'));
    if (decodePath(url) === null) return json(res, 400, failure('bad_request', '请求地址中的 % 编码不正确'));
    const hit = resolveStatic(opts.staticDir, url);
    if (!hit) return json(res, 404, failure('bad_request', '未找到'));
    res.writeHead(200, {
      'content-type': hit.type,
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; frame-ancestors 'none'",
    });
    fs.createReadStream(hit.file).pipe(res);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    appUrl: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        opts.runtime.events.off('changed', onChanged);
        for (const r of sseClients) r.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
