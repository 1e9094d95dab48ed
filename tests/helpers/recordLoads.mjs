// Preloaded (node --import) into a command-line run by cliLoads.test.ts: at exit, writes which of
// Node's own modules were loaded and which files went through require(), to DD_LOADS_FILE.
// node:fs through require(), like the CLI bundle: importing it would load Node's file streams itself.
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
process.on('exit', () => {
  fs.writeFileSync(process.env.DD_LOADS_FILE, JSON.stringify({ internal: process.moduleLoadList, required: Object.keys(require.cache) }));
});
