/**
 * Checklist 18 (no file://, a custom protocol): the app:// scheme is
 * registered privileged and secure without bypassing the CSP, and its
 * resolver hands out files under out/renderer only.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appSchemeRegistration, resolveAppRequest } from '../../../electron/main/appProtocol';

const RUNS = { numRuns: Number(process.env.APP_PROTOCOL_PROPERTY_RUNS ?? 300) };
const root = path.join(path.sep, 'opt', 'DealerDesk', 'resources', 'app.asar', 'out', 'renderer');
const CSP = "default-src 'self'; frame-ancestors 'none'";
const get = (url: string, platformPath: path.PlatformPath = path, rootDir = root) => resolveAppRequest({ url }, rootDir, CSP, platformPath);

describe('appSchemeRegistration', () => {
  it('is a standard, secure scheme that cannot bypass the CSP or install service workers', () => {
    const r = appSchemeRegistration();
    expect(r.scheme).toBe('app');
    expect(r.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
    expect(APP_ENTRY_URL).toBe('app://dealerdesk/index.html');
  });
});

describe('resolveAppRequest', () => {
  it('serves the entry page with the CSP header, and the root as index.html', () => {
    const page = get('app://dealerdesk/index.html#/settings');
    expect(page).toEqual({
      ok: true,
      file: path.join(root, 'index.html'),
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': CSP,
      },
    });
    expect(get('app://dealerdesk/')).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
    expect(get('app://DealerDesk/index.html?x=1')).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
  });

  it('serves built assets with their types and without the page policy', () => {
    const js = get('app://dealerdesk/assets/index-Bx1.js');
    expect(js).toMatchObject({ ok: true, file: path.join(root, 'assets', 'index-Bx1.js') });
    if (js.ok) {
      expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
      expect(js.headers).not.toHaveProperty('Content-Security-Policy');
    }
    expect(get('app://dealerdesk/assets/a%20b.css')).toMatchObject({ ok: true, file: path.join(root, 'assets', 'a b.css') });
  });

  it('refuses encoded traversal, backslashes, drive letters, streams and control characters', () => {
    for (const url of [
      'app://dealerdesk/%252e%252e/%252e%252e/package.json',
      'app://dealerdesk/..%2f..%2fpackage.json',
      'app://dealerdesk/..%5c..%5cpackage.json',
      'app://dealerdesk/assets%5c..%5c..%5cmain%5cindex.js',
      'app://dealerdesk/C:%5CWindows%5Cwin.ini',
      'app://dealerdesk/index.html::$DATA',
      'app://dealerdesk/index.html%00.png',
      'app://dealerdesk/a%0a.js',
    ]) {
      expect(get(url), url).toEqual({ ok: false, status: 403 });
    }
  });

  it('keeps ../ and %2e%2e/ inside the root (the URL parser folds them before the handler sees them)', () => {
    expect(get('app://dealerdesk/../../../etc/passwd')).toEqual({ ok: false, status: 404 });
    expect(get('app://dealerdesk/assets/../../main/index.js')).toMatchObject({ ok: true, file: path.join(root, 'main', 'index.js') });
    expect(get('app://dealerdesk/%2e%2e/%2e%2e/package.json')).toMatchObject({ ok: true, file: path.join(root, 'package.json') });
    expect(get('app://dealerdesk/assets/%2E%2E/%2E%2E/%2E%2E/main/index.js')).toMatchObject({ ok: true, file: path.join(root, 'main', 'index.js') });
  });

  it('refuses other hosts, ports, credentials, schemes, unknown file types, bad encodings and writes', () => {
    expect(get('app://evil/index.html')).toEqual({ ok: false, status: 404 });
    expect(get('app://dealerdesk:8080/index.html')).toEqual({ ok: false, status: 404 });
    expect(get('app://user:pw@dealerdesk/index.html')).toEqual({ ok: false, status: 404 });
    expect(get('file:///opt/DealerDesk/resources/app.asar/out/renderer/index.html')).toEqual({ ok: false, status: 404 });
    expect(get('app://dealerdesk/dealerdesk.db')).toEqual({ ok: false, status: 404 });
    expect(get('app://dealerdesk/run.exe')).toEqual({ ok: false, status: 404 });
    expect(get('app://dealerdesk/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
    expect(get('not a url')).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest({ url: 'app://dealerdesk/index.html', method: 'POST' }, root, CSP)).toEqual({ ok: false, status: 405 });
    expect(resolveAppRequest({ url: 'app://dealerdesk/index.html', method: 'HEAD' }, root, CSP)).toMatchObject({ ok: true });
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\DealerDesk\\resources\\app.asar\\out\\renderer';
    expect(get('app://dealerdesk/assets/x.js', path.win32, winRoot)).toMatchObject({ ok: true, file: `${winRoot}\\assets\\x.js` });
    expect(get('app://dealerdesk/..%5C..%5C..%5Capp-update.yml', path.win32, winRoot)).toEqual({ ok: false, status: 403 });
    expect(get('app://dealerdesk/%5C%5Cserver%5Cshare%5Cx.js', path.win32, winRoot)).toEqual({ ok: false, status: 403 });
    expect(get('app://dealerdesk/D:%2Fx.js', path.win32, winRoot)).toEqual({ ok: false, status: 403 });
  });

  it('property: whatever the path, a served file lies strictly inside the root (POSIX and Windows)', () => {
    const piece = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%252e%252e', '%25252e%25252e', '%2e', '%5c', '%2f', '\\', ':', 'C:', '%00', 'assets', ''),
      fc.string({ maxLength: 4 }),
    );
    // The last segment always has a served file type, so a path that escapes would be answered ok.
    const leaf = fc.constantFrom('x.js', 'index.html', '%E7%BB%8F.css', '..%2fx.js', '%5cx.js');
    const pathArb = fc
      .tuple(fc.array(piece, { maxLength: 6 }), leaf, fc.constantFrom('/', '%2f', '%5c', '\\'))
      .map(([parts, last, separator]) => [...parts, last].join(separator));
    fc.assert(
      fc.property(pathArb, fc.boolean(), (p, windows) => {
        const pp = windows ? path.win32 : path.posix;
        const rootDir = windows ? 'C:\\DD\\out\\renderer' : '/dd/out/renderer';
        const r = resolveAppRequest({ url: `app://dealerdesk/${p}` }, rootDir, CSP, pp);
        if (!r.ok) return true;
        const rel = pp.relative(rootDir, r.file);
        return rel !== '' && !rel.startsWith('..') && !pp.isAbsolute(rel) && r.file.startsWith(rootDir + pp.sep);
      }),
      RUNS,
    );
  });
});
