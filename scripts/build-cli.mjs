// Bundles the CLI into prebuilt JavaScript (fast start-up: no TypeScript at
// run time). ES modules with code splitting: the entry holds only argument
// parsing, the help text and the command list, and each dynamic import()
// (the runtime with its services and schemas, heavy commands) becomes a
// chunk read only by the commands that need it — `dealerdesk --help` never
// loads the database layer. Native and heavy libraries stay external and are
// loaded lazily by the commands that need them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Modules bundled code reaches through require() (the banner's), each
 * wrapped here as a one-line module, rather than through import:
 *  - the SQLite addon's package is CommonJS: imported from an ES module, Node
 *    first scans its source for export names (cjs-module-lexer) and resolves
 *    it the ES way, several ms at every start;
 *  - node:fs: importing it builds an ES facade that reads every export,
 *    and reading fs.ReadStream loads Node's whole streams layer (~6 ms of a
 *    command that never streams); require() leaves those getters alone.
 */
const requireNotImport = {
  name: 'require-not-import',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3|node:fs|fs)$/ }, (args) =>
      args.namespace === 'required' ? { path: args.path, external: true } : { path: args.path, namespace: 'required' },
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * zod's namespace export carries the messages of all its 60-odd languages
 * (half of its code, evaluated at every start); the dispatcher uses only
 * Chinese (z.config(z.locales.zhCN())). The CLI bundle's copy of the
 * locales index keeps just that one.
 */
const onlyChineseZodMessages = {
  name: 'only-chinese-zod-messages',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as zhCN } from './zh-CN.js';",
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

fs.rmSync('out/cli', { recursive: true, force: true });
await build({
  plugins: [requireNotImport, onlyChineseZodMessages],
  entryPoints: { dealerdesk: 'electron/cli/main.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // Bundled CommonJS code (and the modules' own __dirname lookups) expect these in every file.
  banner: {
    js: [
      "import { createRequire as __ddCreateRequire } from 'node:module';",
      "import { fileURLToPath as __ddFileURLToPath } from 'node:url';",
      "import { dirname as __ddDirname } from 'node:path';",
      'const require = __ddCreateRequire(import.meta.url);',
      'const __filename = __ddFileURLToPath(import.meta.url);',
      'const __dirname = __ddDirname(__filename);',
    ].join('\n'),
  },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  external: ['better-sqlite3', 'exceljs', 'pdfmake', 'pinyin-pro', 'iconv-lite', 'electron'],
  logLevel: 'warning',
});
