/**
 * The Content-Security-Policy of the app's own pages. One source for the
 * response header (sent by the app:// protocol handler, and added to the dev
 * server's pages by the session) and for the <meta> tag the Electron build
 * writes into index.html as a second layer.
 */

export interface CspOptions {
  /**
   * The Vite dev server: React Fast Refresh injects an inline module script
   * and HMR talks over a websocket. Never used for a built app.
   */
  dev?: boolean;
  /**
   * For a <meta> tag: frame-ancestors is left out, because browsers ignore it
   * there and log a warning on every page load (the header carries it).
   */
  meta?: boolean;
}

export function contentSecurityPolicy({ dev = false, meta = false }: CspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // No inline or eval'd script: an injected <script> (say, from a customer name) cannot run.
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // Mantine sets inline style attributes and injects <style> tags at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Logos are shown from data: URLs, previews from blob: URLs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // The renderer talks to the main process over IPC, never to the network.
    ['connect-src', dev ? ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'] : ["'self'"]],
    // The statement preview shows the PDF from a blob: URL in an <iframe> (the browser's PDF viewer).
    ['frame-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if (!meta) directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The policy as an HTTP response header, for pages served over http(s) (the
 * dev server). frame-ancestors only works in a header, which is one more
 * reason to send it besides the meta tag.
 */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  policy: string,
): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  // Drop any policy the server sent (in any letter case): ours replaces it.
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
