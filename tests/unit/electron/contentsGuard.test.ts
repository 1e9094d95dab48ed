/**
 * Checklist 13 (navigation), 14 (new windows), 11/12 (<webview>): the guards
 * wired to a fake web contents, exactly as index.ts wires every real one.
 */
import { describe, expect, it } from 'vitest';
import { guardWebContents, type GuardableContents, type PreventableEvent } from '../../../electron/main/contentsGuard';

type Listener = (event: PreventableEvent, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
    on: (event, listener) => listeners.set(event, listener),
  };
  const offered: string[] = [];
  const warned: string[] = [];
  guardWebContents(contents, { appUrl: 'app://dealerdesk/index.html', offerExternally: (u) => offered.push(u), log: { warn: (m) => warned.push(m) } });
  const fire = (event: string, url = ''): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { fire, windowOpen: (url: string) => openHandler!({ url }), offered, warned };
}

describe('guardWebContents', () => {
  it('denies every window.open; a vetted https link is only offered to the browser (the user still confirms)', () => {
    const c = fakeContents();
    expect(c.windowOpen('https://www.gsxt.gov.cn/')).toEqual({ action: 'deny' });
    expect(c.windowOpen('app://dealerdesk/index.html#/x')).toEqual({ action: 'deny' });
    expect(c.windowOpen('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(c.offered).toEqual(['https://www.gsxt.gov.cn/']);
  });

  it('lets the app move between its own routes and stops every other navigation', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate', 'app://dealerdesk/index.html#/settings')).toBe(false);
    expect(c.fire('will-navigate', 'file:///etc/hosts')).toBe(true);
    expect(c.fire('will-navigate', 'http://attacker.example/')).toBe(true);
    expect(c.fire('will-navigate', 'https://www.gsxt.gov.cn/')).toBe(true);
    // The https link is offered to the browser, the others only logged.
    expect(c.offered).toEqual(['https://www.gsxt.gov.cn/']);
    expect(c.warned).toHaveLength(2);
  });

  it('stops redirects away from the app', () => {
    const c = fakeContents();
    expect(c.fire('will-redirect', 'app://dealerdesk/index.html')).toBe(false);
    expect(c.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.offered).toEqual([]);
  });

  it('refuses to attach any <webview>', () => {
    const c = fakeContents();
    expect(c.fire('will-attach-webview')).toBe(true);
  });
});
