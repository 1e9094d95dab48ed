import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCspHeader } from '../../../electron/main/contentSecurityPolicy';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );

describe('contentSecurityPolicy', () => {
  const p = directives(contentSecurityPolicy());

  it('allows only the app itself as a source of script, with no inline or eval', () => {
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval/);
  });

  it('names no network source at all: only the app itself, data: and blob: (only secure content)', () => {
    expect(contentSecurityPolicy()).not.toMatch(/https?:|ws:|\*/);
    expect(contentSecurityPolicy({ meta: true })).not.toMatch(/https?:|ws:|\*/);
  });

  it('closes plugins, base-tag tricks, form posts and framing', () => {
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'none'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('permits what the UI needs: Mantine inline styles, data:/blob: images, same-origin connections only', () => {
    expect(p.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(p.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(p.get('connect-src')).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the meta-tag form only', () => {
    const meta = directives(contentSecurityPolicy({ meta: true }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
  });

  it('relaxes script and connect sources for the dev server only', () => {
    const dev = directives(contentSecurityPolicy({ dev: true }));
    expect(dev.get('script-src')).toContain("'unsafe-inline'");
    expect(dev.get('connect-src')).toContain('ws://localhost:*');
    expect(dev.get('object-src')).toEqual(["'none'"]);
  });
});

describe('withCspHeader', () => {
  it('replaces any policy the server sent, in any letter case, and keeps other headers', () => {
    const out = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'");
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('works without incoming headers', () => {
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
