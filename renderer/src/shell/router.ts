/**
 * A tiny hash router (`#/customers/01J…`): works the same from file:// in
 * Electron and from the HTTP bridge, with no server-side routes.
 */
import { useSyncExternalStore } from 'react';
import { confirmDiscard } from '../components/unsavedGuard';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

const currentPath = () => {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h.split('?')[0] : '/';
};

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to `path`, unless a form holds unsaved input and the person chooses to stay. */
export function navigate(path: string): void {
  if (`#${path}` === window.location.hash) return;
  if (!confirmDiscard()) return;
  lastHash = `#${path}`;
  window.location.hash = path;
}

/**
 * The back and forward buttons change the hash without navigate(): ask the
 * same question there, and put the address back when the person stays.
 */
let lastHash = typeof window === 'undefined' ? '' : window.location.hash;
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    if (window.location.hash === lastHash) return;
    if (confirmDiscard()) lastHash = window.location.hash;
    else window.location.hash = lastHash;
  });
}

/** Matches `/customers/:id` style patterns; returns params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
