/**
 * How the renderer reaches the dispatcher: the Electron preload's
 * `window.api` when present, otherwise the loopback HTTP bridge (browser
 * harness), whose token arrives in the URL fragment and stays in sessionStorage.
 */
import type { DbChangedEvent } from '../../../shared/api/contract';
import type { PreloadApi } from '../../../shared/api/preload';
import type { ApiResult } from '../../../shared/errors';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

export type Transport = PreloadApi;

const TOKEN_KEY = 'dealerdesk.bridgeToken';

/** Takes `#token=...` out of the address bar (it must not linger in history). */
export function takeTokenFromLocation(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string): Transport {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    async call(method, params) {
      const res = await fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(params ?? {}) });
      return (await res.json()) as ApiResult<unknown>;
    },
    onChanged(cb) {
      // fetch-based SSE reader: EventSource cannot send the Authorization header.
      const abort = new AbortController();
      const run = async () => {
        while (!abort.signal.aborted) {
          try {
            const res = await fetch('/api/events', { headers, signal: abort.signal });
            const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let cut;
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                const data = /^data: (.*)$/m.exec(frame);
                if (data) cb(JSON.parse(data[1]) as DbChangedEvent);
              }
            }
          } catch {
            if (abort.signal.aborted) return;
          }
          await new Promise((r) => setTimeout(r, 1000));
        }
      };
      void run();
      return () => abort.abort();
    },
  };
}

export function createTransport(): Transport {
  if (window.api) return window.api;
  const token = takeTokenFromLocation();
  if (!token) throw new Error('缺少访问令牌：请从 npm run dev:web 打印的地址打开本页面');
  return httpTransport(token);
}
