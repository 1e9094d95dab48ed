#!/usr/bin/env node
// Entry of the `dealerdesk` command. Checks the Node version BEFORE loading
// the native SQLite addon: better-sqlite3 13 needs Node-API 10 (Node >= 22.14)
// and crashes on older Node instead of failing cleanly.
'use strict';
// When this line ran, for DEALERDESK_TIMING (electron/cli/timing.ts: Node's own start-up is the time before it).
// (Only then: Node loads its performance module on first use.)
if (process.env.DEALERDESK_TIMING === '1') {
  const binCpu = process.cpuUsage();
  globalThis[Symbol.for('dealerdesk.binStarted')] = [globalThis.performance.now(), binCpu.user + binCpu.system];
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  process.stderr.write(
    `DealerDesk 需要 Node.js 22.14 或更高版本（当前 ${process.version}）。` +
      `请通过 npm run cli -- … 运行（使用项目自带的 Node 22），或安装更新的 Node。\n`,
  );
  process.exit(1);
}
// V8 keeps the compiled bundle on disk between runs (Node's module compile
// cache): a command starts without re-parsing the code it loads.
require('node:module').enableCompileCache?.();
const path = require('node:path');
const fs = require('node:fs');
// CommonJS chunks (scripts/build-cli.mjs): required, never through Node's ES loader.
const bundle = path.join(__dirname, '..', 'out', 'cli', 'dealerdesk.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('命令行尚未构建：请先运行 npm run build:cli\n');
  process.exit(1);
}
// A command's chunks load through a code cache of the functions it runs (bin/codeCache.cjs), one per command word;
// the help and the version (no command word) load too little to gain from it.
const word = process.argv[2] ?? '';
if (/^[a-z][a-z-]{0,30}$/.test(word)) require('./codeCache.cjs').useCodeCache(bundle, word);
process.env.DEALERDESK_CLI_ENTRY = '1';
require(bundle);
