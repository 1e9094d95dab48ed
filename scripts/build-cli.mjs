// Bundles the CLI into one prebuilt CommonJS file (fast start-up: no
// TypeScript at run time). Native and heavy libraries stay external and are
// loaded lazily by the commands that need them.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/main.ts'],
  outfile: 'out/cli/dealerdesk.cjs',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'exceljs', 'pdfmake', 'pinyin-pro', 'iconv-lite', 'electron'],
  logLevel: 'warning',
});
