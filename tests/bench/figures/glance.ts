/**
 * What the boss glances at (issue 16 points 7–8), on the medium demo (500
 * customers, ~20,000 documents; the cache the aging figures build): the
 * alert page's list after a write (every rule computed again) and with
 * 只看我的, the badge counts, the first page of 今日催收 as the page reads
 * it (100 rows, whole list and its overdue part) and the dashboard. The
 * rendered page itself is timed by tests/e2e/glance.e2e.ts (written to
 * test-results/alert-page-render.json). Budget: the alert page under 1 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AlertList } from '../../../shared/api/alerts';
import { AppRuntime } from '../../../electron/api/runtime';
import { measure, type Figure } from '../harness';
import { mediumDemoDb } from './aging';

export async function glanceFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-glance-'));
  const work = path.join(dir, 'glance.db');
  fs.copyFileSync(await mediumDemoDb(), work);
  // The acting name is one of the demo's 业务员, so 只看我的 has customers to keep.
  const rt = await AppRuntime.start({ dbFile: work, actor: { user: '王海', device: 'bench' } });
  try {
    const alerts = (await rt.invoke<AlertList>('alerts.list', {})).alerts.length;
    const sqlite = rt.database().sqlite;
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_tick (x INTEGER)');
    const tick = sqlite.prepare('INSERT INTO temp.bench_tick VALUES (1)');
    // A one-row write before each call: the alert views are cached until the database changes.
    const fresh = (method: 'alerts.list', input: Record<string, unknown>) => () => {
      tick.run();
      return rt.invoke(method, input);
    };
    figures.push(await measure('alerts.list after a write (medium demo)', 9, fresh('alerts.list', {}), `${alerts} alerts`));
    figures.push(await measure('alerts.list 只看我的 after a write', 9, fresh('alerts.list', { mine: true })));
    figures.push(await measure('alerts.counts (the badge, cached views)', 15, () => rt.invoke('alerts.counts', {})));
    figures.push(await measure('collection.today first page of 100 (the list page)', 15, () => rt.invoke('collection.today', { limit: 100 })));
    figures.push(await measure('collection.today overdue part, first page of 100', 15, () => rt.invoke('collection.today', { limit: 100, show: 'overdue' })));
    figures.push(await measure('dashboard.get (medium demo)', 9, () => rt.invoke('dashboard.get', {})));
  } finally {
    rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
