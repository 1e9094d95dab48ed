import { defineConfig } from '@playwright/test';

/**
 * The real Electron window (Playwright's _electron). Kept apart from the
 * browser e2e (tests/e2e, *.e2e.ts) because it needs the Electron binary,
 * which cannot be downloaded on the project's build machine: there the test
 * reports itself as skipped with the reason. On Linux without a desktop run
 * it under a virtual display with a realistic screen, e.g.
 *   xvfb-run -s "-screen 0 1920x1080x24" npm run test:electron
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.ts',
  globalSetup: './globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Each test starts its own app instance on its own data dir; one at a time keeps window focus predictable.
  workers: 1,
  // Playwright empties its outputDir at start: it must not be test-results/
  // itself, or this run would delete the other runners' JSON reports.
  outputDir: '../../test-results/electron-artifacts',
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron.json' }]],
});
