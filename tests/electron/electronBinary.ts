/**
 * Finds the Electron executable for the Electron e2e test, or null when
 * there is none. Electron >= 42 has no postinstall: its binary is downloaded
 * on the first `require('electron')`. That is tried once, in a child process
 * so its download output and failure stay out of the test report; on a
 * machine that cannot download it (like the project's build box) the test is
 * skipped rather than failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

let cached: string | null | undefined;

function alreadyInstalled(): string | null {
  try {
    const pkgDir = path.dirname(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('electron/package.json'));
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathTxt)) return null;
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
    const exe = path.join(dist, fs.readFileSync(pathTxt, 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

export function electronExecutable(): string | null {
  if (cached !== undefined) return cached;
  cached = alreadyInstalled();
  if (!cached) {
    const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 300_000,
    });
    const exe = probe.status === 0 ? probe.stdout.trim() : '';
    cached = exe && fs.existsSync(exe) ? exe : null;
  }
  return cached;
}

export const SKIP_REASON =
  'Electron binary not installed here (no download possible on this machine); run npm run test:electron on a PC with Electron';
