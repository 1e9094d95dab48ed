// The renderer as a plain web build (out/web), served by the loopback HTTP
// bridge for Playwright and `npm run dev:web`. The Electron build of the same
// sources is made by electron.vite.config.mts.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  logLevel: 'warn',
});
