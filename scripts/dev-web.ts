/**
 * `npm run dev:web`: the real UI in any browser against a real database,
 * through the loopback HTTP bridge (the same dispatcher Electron uses).
 *   npm run dev:web [-- --db PATH] [-- --port N]
 */
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../electron/api/runtime';
import { startBridge } from '../electron/bridge/server';
import { resolveDbFile } from '../electron/services/system/dataDir';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const dbFile = resolveDbFile(arg('db'), { platform: process.platform, env: process.env, homedir: os.homedir() });
  const runtime = await AppRuntime.start({
    dbFile,
    dataDir: path.dirname(dbFile),
    actor: { user: os.userInfo().username, device: os.hostname() },
  });
  runtime.startBackgroundSync();
  const port = arg('port');
  const bridge = await startBridge({ runtime, staticDir: path.resolve('out/web'), port: port ? Number(port) : undefined });
  console.log(`DealerDesk (browser mode) on ${dbFile}`);
  console.log(`Open: ${bridge.appUrl}`);
  const stop = async () => {
    await bridge.close();
    runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
