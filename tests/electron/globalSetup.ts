/**
 * Builds out/ (main, preload, renderer) before the Electron test, so
 * `npm run test:electron` tests the current sources. Skipped when there is no
 * Electron binary: the test is skipped then anyway.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronExecutable, REPO_ROOT } from './electronBinary';

export default function globalSetup(): void {
  if (!electronExecutable()) return;
  const cli = path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}
