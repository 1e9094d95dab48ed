// Bundles the CLI into prebuilt JavaScript (fast start-up: no TypeScript at
// run time). CommonJS with code splitting (Rolldown): the entry holds only
// argument parsing, the help text and the command list, and each dynamic
// import() (the runtime with its services and schemas, heavy commands)
// becomes a chunk the entry require()s only when a command needs it —
// `dealerdesk --help` never loads the database layer. The SQLite addon and
// the heavy libraries stay external and are loaded lazily by the commands
// that need them.
//
// Why CommonJS, not ES modules (issue 17 point 3): a query loaded ~45 chunks,
// and Node's ES loader pays per module for URL resolution, linking and the
// createRequire/import.meta banner every chunk needed; require() of a
// CommonJS chunk is a path join and a compile from a code cache (and only
// CommonJS can be loaded through bin/codeCache.cjs). Measured, alternating
// runs on the medium set: the whole process ~10–20 ms faster, `--help`
// ~5 ms. esbuild cannot split CommonJS output; Rolldown (installed with
// Vite) can, turning each import() into a lazy require().
import { rolldown } from 'rolldown';
import fs from 'node:fs';
import path from 'node:path';

/**
 * zod's namespace export carries the messages of all its 60-odd languages
 * (half of its code, evaluated at every start); the dispatcher uses only
 * Chinese (z.config(z.locales.zhCN())). The CLI bundle's copy of the
 * locales index keeps just that one.
 */
const onlyChineseZodMessages = {
  name: 'only-chinese-zod-messages',
  load: {
    filter: { id: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ },
    handler: () => "export { default as zhCN } from './zh-CN.js';",
  },
};

/**
 * The SQLite package's JavaScript (a dozen small CommonJS files) is bundled
 * into the runtime chunk instead of required from node_modules file by file
 * (~4 ms of a query, measured in alternating runs); its native addon is still
 * loaded from the installed package. The one line that finds the addon
 * relative to its own folder (lib/binding.js, `__dirname`) is pointed at the
 * installed package's lib folder, looked up when the database is opened.
 */
const sqliteJsInBundle = {
  name: 'sqlite-js-in-bundle',
  transform: {
    filter: { id: /[\\/]better-sqlite3[\\/]lib[\\/]binding\.js$/ },
    // (Same lines, same order: the source map stays right line by line.)
    handler: (code) => ({ code: code.replaceAll('__dirname', "require('node:path').dirname(require.resolve('better-sqlite3'))"), map: null }),
  },
};

/**
 * Fewer, larger chunks along the commands' lazy paths. By default every set
 * of dynamic imports that reaches a module makes a chunk of its own: a query
 * loaded ~43 files (the help 16), each a resolution, a read and a compile.
 * Here everything the entry imports statically is one chunk (`cli`: argument
 * parsing, help, commands — loaded at every start anyway), and everything
 * the runtime imports statically another (`runtime`: database layer with
 * SQLite's JavaScript, zod, Kysely, dispatcher, services it always needs); an area's schemas, handlers
 * and services, and the heavy commands' code, still load only when called.
 * A query now loads ~16 files, the help 3. (Measured, alternating runs: the
 * query ~5 ms faster, --help ~4 ms.)
 */
function staticClosure(root, ctx) {
  const seen = new Set([root]);
  for (const id of seen) for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) seen.add(next);
  return seen;
}
const LOAD_GROUPS = [
  ['cli', path.resolve('electron/cli/main.ts')],
  ['runtime', path.resolve('electron/api/runtime.ts')],
];
let groupClosures = null;
/** The group a module goes to: the first whose root reaches it statically (none: the bundler's own chunks). */
function loadGroup(id, ctx) {
  groupClosures ??= LOAD_GROUPS.map(([name, root]) => [name, staticClosure(root, ctx)]);
  return groupClosures.find(([, reached]) => reached.has(id))?.[0] ?? null;
}

fs.rmSync('out/cli', { recursive: true, force: true });
const bundle = await rolldown({
  input: { dealerdesk: 'electron/cli/main.ts' },
  platform: 'node',
  plugins: [onlyChineseZodMessages, sqliteJsInBundle],
  // The exporters' libraries and Node's own modules are loaded at run time with require() (and the SQLite addon, above).
  external: ['exceljs', 'pdfmake', 'pinyin-pro', 'iconv-lite', 'electron', /^node:/],
  logLevel: 'warn',
});
await bundle.write({
  dir: 'out/cli',
  format: 'cjs',
  entryFileNames: '[name].cjs',
  chunkFileNames: 'chunks/[name]-[hash].cjs',
  // import() of an external (an exporter's library) becomes require() too: never Node's ES loader.
  dynamicImportInCjs: false,
  codeSplitting: { groups: [{ name: loadGroup, debugName: 'cli and runtime' }] },
  // Whitespace only: names stay as written (error names, stack traces).
  minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  sourcemap: true,
});
await bundle.close();
