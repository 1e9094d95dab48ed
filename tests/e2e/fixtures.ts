/**
 * The e2e harness: a real AppRuntime on a fresh SQLite file in a temp dir,
 * the real HTTP bridge serving the built renderer, and a `shot()` helper that
 * writes a screenshot per step under tests/e2e/screenshots (git-ignored).
 */
import { test as base, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, systemClock, type Clock } from '../../shared/dates/clock';
import { AppRuntime } from '../../electron/api/runtime';
import { startBridge, type Bridge } from '../../electron/bridge/server';

const WEB_DIR = path.resolve(__dirname, '../../out/web');
const SHOTS = path.resolve(__dirname, 'screenshots');

export interface AppFixture {
  runtime: AppRuntime;
  bridge: Bridge;
  dir: string;
  /** Opens the app (optionally at a route like '/customers'). */
  open(route?: string): Promise<void>;
  shot(name: string): Promise<void>;
}

export async function startApp(opts: { clock?: Clock; dbFile?: string } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-'));
  const runtime = await AppRuntime.start({
    dbFile: opts.dbFile ?? path.join(dir, 'dealerdesk.db'),
    dataDir: dir,
    actor: { user: 'e2e', device: 'playwright' },
    clock: opts.clock ?? systemClock(),
  });
  const bridge = await startBridge({ runtime, staticDir: WEB_DIR });
  return { dir, runtime, bridge };
}

export const test = base.extend<{ app: AppFixture; clockAt: string | null }>({
  clockAt: [null, { option: true }],
  app: async ({ page, clockAt }, use, testInfo) => {
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('out/web is missing: run npm run build:web first');
    const { dir, runtime, bridge } = await startApp({ clock: clockAt ? fixedClock(clockAt) : undefined });
    let step = 0;
    const slug = testInfo.titlePath.slice(1).join('-').replace(/[^\w\u4e00-\u9fa5-]+/g, '_').slice(0, 80);
    await use({
      runtime,
      bridge,
      dir,
      open: async (route = '/') => {
        await page.goto(bridge.appUrl);
        if (route !== '/') await page.evaluate((r) => (window.location.hash = r), route);
      },
      shot: async (name: string) => {
        fs.mkdirSync(SHOTS, { recursive: true });
        step++;
        await page.screenshot({ path: path.join(SHOTS, `${slug}-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
      },
    });
    await bridge.close();
    runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
export type { Page };
