// electron-vite: builds the main process, the preload and the renderer into
// out/{main,preload,renderer} (package.json "main" is out/main/index.js).
// The package is CommonJS, so main and preload come out as CommonJS, which is
// also what a sandboxed preload must be. Runtime libraries in `dependencies`
// (better-sqlite3, kysely, zod, exceljs, pdfmake, pinyin-pro, iconv-lite,
// electron-updater) stay external to the main bundle: electron-vite >= 5 does
// that by default (build.externalizeDeps) and electron-builder ships them in
// app.asar with better-sqlite3's .node unpacked.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/main/contentSecurityPolicy';

const root = import.meta.dirname;

/**
 * Writes the one CSP (electron/main/contentSecurityPolicy.ts) into
 * index.html's <meta> tag, a second layer under the response header the
 * app:// protocol handler sends (the header alone carries frame-ancestors).
 * The dev server needs the relaxed one (React Fast Refresh's inline
 * preamble, the HMR websocket).
 */
function cspMetaPlugin(): Plugin {
  let dev = false;
  return {
    name: 'dealerdesk-csp-meta',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const policy = contentSecurityPolicy({ dev, meta: true });
      const meta = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;
      const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      return meta.test(html) ? html.replace(meta, tag) : html.replace(/<head>/i, `<head>\n    ${tag}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Source maps make stack traces in the log file point at TypeScript lines.
      sourcemap: true,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: { input: { index: resolve(root, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Mantine + charts make one large chunk; it loads from disk, so size warnings are noise.
      chunkSizeWarningLimit: 3000,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
