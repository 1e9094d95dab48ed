/** Serving the built renderer (web build) from a folder, never outside it. */
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The path decoded, or null for a malformed %-escape (`GET /%`): a bad request, never an exception. */
export function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
}

export function resolveStatic(root: string, urlPath: string): { file: string; type: string } | null {
  const clean = decodePath(urlPath) ?? '/';
  const rel = clean === '/' ? 'index.html' : clean.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  }
  // Client-side routes fall back to the app page.
  const index = path.join(root, 'index.html');
  return path.extname(rel) ? null : fs.existsSync(index) ? { file: index, type: TYPES['.html'] } : null;
}
