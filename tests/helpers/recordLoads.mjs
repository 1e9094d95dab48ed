// Preloaded (node --import) into a command-line run by cliLoads.test.ts: at exit, writes which of
// Node's own modules were loaded and which files went through require(), to DD_LOADS_FILE.
// Neither node:fs nor node:process is imported: their ES facades read every export, and that alone
// loads Node's file streams and process.stdout (with the whole streams layer), which the test looks for.
/* global process */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
process.on('exit', () => {
  fs.writeFileSync(process.env.DD_LOADS_FILE, JSON.stringify({ internal: process.moduleLoadList, required: Object.keys(require.cache) }));
});
