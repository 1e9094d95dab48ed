/**
 * The app's own scheme, app://dealerdesk/, which serves the built renderer
 * (out/renderer) instead of file://. A file:// page is a local file like any
 * other: it shares its "origin" with every file on the disk and (unless the
 * grantFileProtocolExtraPrivileges fuse is off) gets extra powers. A custom,
 * standard and secure scheme gives the page a real origin of its own, so
 * 'self' in the CSP, localStorage and the navigation/IPC guards mean exactly
 * "our page", and the handler decides which files exist at all.
 *
 * Pure: index.ts registers the scheme and reads the file this resolves to.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dealerdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Electron's CustomScheme, as plain data (no 'electron' import here). */
export interface AppSchemeRegistration {
  scheme: string;
  privileges: {
    standard: boolean;
    secure: boolean;
    bypassCSP: boolean;
    allowServiceWorkers: boolean;
    supportFetchAPI: boolean;
    corsEnabled: boolean;
    stream: boolean;
    codeCache: boolean;
  };
}

/**
 * Registered before 'ready'. standard: real origin, relative URLs and
 * localStorage work; secure: treated like https (no mixed-content downgrade).
 * Never bypassCSP: the page's policy must bind it. No service workers: a
 * worker could outlive an update and serve stale or injected code.
 */
export function appSchemeRegistration(): AppSchemeRegistration {
  return {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      supportFetchAPI: true,
      corsEnabled: false,
      stream: false,
      codeCache: true,
    },
  };
}

/**
 * What the build emits (Vite: html, js, css, images, fonts, source maps).
 * Anything else is not ours and is answered 404.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export type AppRequestResolution =
  | { ok: true; file: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404 | 405 };

export interface AppRequest {
  url: string;
  method?: string;
}

/**
 * Maps a request on app://dealerdesk/ to a file under `rootDir`, or refuses
 * it. Refused: other schemes or hosts, methods other than GET/HEAD, any `..`
 * segment or backslash (also percent-encoded, also double-encoded), NUL and
 * control characters, drive letters and UNC prefixes, and anything whose
 * resolved path is not inside rootDir. The check works on the decoded
 * segments, so no encoding trick survives to path.join.
 *
 * `platformPath` is node:path by default; tests pass path.win32 to prove
 * the Windows rules on Linux.
 */
export function resolveAppRequest(
  request: AppRequest,
  rootDir: string,
  contentSecurityPolicy: string,
  platformPath: path.PlatformPath = path,
): AppRequestResolution {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  const segments = requestSegments(request.url);
  if (segments === 'not-ours') return { ok: false, status: 404 };
  if (segments === 'bad') return { ok: false, status: 400 };
  if (segments === 'forbidden') return { ok: false, status: 403 };
  const relative = segments.length === 0 ? ['index.html'] : segments;
  const root = platformPath.resolve(rootDir);
  const file = platformPath.resolve(root, ...relative);
  const inside = platformPath.relative(root, file);
  // Second line of defence: whatever the segments were, the result must stay under root.
  if (!inside || inside.startsWith('..') || platformPath.isAbsolute(inside)) return { ok: false, status: 403 };
  const mime = MIME_TYPES[platformPath.extname(file).toLowerCase()];
  if (!mime) return { ok: false, status: 404 };
  const headers: Record<string, string> = {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    // An update replaces the files; never serve a cached old bundle.
    'Cache-Control': 'no-store',
  };
  // As a header the policy can carry frame-ancestors (ignored in a <meta> tag).
  if (mime.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy;
  return { ok: true, file, headers };
}

type Segments = string[] | 'not-ours' | 'bad' | 'forbidden';

function requestSegments(raw: string): Segments {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'bad';
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname.toLowerCase() !== APP_HOST || u.port || u.username || u.password) return 'not-ours';
  // WHATWG parsing already folded "/../" and "/%2e%2e/" (inside the root); the other encoded forms are caught here.
  const out: string[] = [];
  for (const encoded of u.pathname.split('/')) {
    if (encoded === '') continue;
    const segment = decodeFully(encoded);
    if (segment === null) return 'bad';
    if (segment === '.') continue;
    // ':' covers drive letters (C:) and NTFS alternate streams (index.html::$DATA).
    // eslint-disable-next-line no-control-regex -- NUL and control characters are exactly what is refused here
    if (segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes(':') || /[\u0000-\u001f\u007f]/.test(segment)) {
      return 'forbidden';
    }
    out.push(segment);
  }
  return out;
}

/** Decodes until stable, so a double-encoded %252e%252e is seen as ".."; too deep a nesting is refused. */
function decodeFully(s: string): string | null {
  let current = s;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}
