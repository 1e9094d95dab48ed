/** Foundation figures: bridge round trip, open+migrate, whole-process CLI start-up. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../db/open';
import { AppRuntime } from '../../../electron/api/runtime';
import { startBridge } from '../../../electron/bridge/server';
import { measure, type Figure } from '../harness';

export async function foundationFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  const figures: Figure[] = [];
  const dbFile = path.join(dir, 'bench.db');
  const runtime = await AppRuntime.start({ dbFile, dataDir: dir, actor: { user: 'bench', device: 'bench' } });
  await runtime.invoke('settings.updateCompany', { companyName: '基准测试公司' });
  const bridge = await startBridge({ runtime });
  const headers = { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' };
  figures.push(
    await measure('dispatcher round trip over HTTP bridge (settings.getCompany)', 200, async () => {
      const r = await fetch(`http://127.0.0.1:${bridge.port}/api/call/settings.getCompany`, { method: 'POST', headers, body: '{}' });
      await r.json();
    }),
  );
  await bridge.close();
  runtime.close();

  let n = 0;
  figures.push(
    await measure('open + migrate a new database', 20, async () => {
      const { db } = await openDatabase(path.join(dir, `fresh-${n++}.db`));
      db.close();
    }),
  );

  const bin = path.resolve('bin/dealerdesk.cjs');
  figures.push(
    await measure('whole process: cli settings get --json', 10, () => {
      execFileSync(process.execPath, [bin, 'settings', 'get', '--db', dbFile, '--json'], { stdio: 'pipe' });
    }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
