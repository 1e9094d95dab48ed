/**
 * Request checks of the loopback bridge, as pure functions: a request must
 * name our own host (defeats DNS rebinding), come from our own origin when a
 * browser says where it comes from, and carry the bearer token.
 */
import crypto from 'node:crypto';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return !!hostHeader && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** No Origin header (same-origin GET, curl) is fine; a foreign one is not. */
export function originAllowed(originHeader: string | undefined, port: number): boolean {
  if (!originHeader) return true;
  return allowedHosts(port).some((h) => originHeader.toLowerCase() === `http://${h}`);
}

export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const newToken = (): string => crypto.randomBytes(24).toString('base64url');
