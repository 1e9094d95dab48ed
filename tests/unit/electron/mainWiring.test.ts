/**
 * index.ts is glue and cannot load without the Electron binary, so this is
 * a static check of the few lines that put the tested policies in force
 * (the running app is checked by tests/electron/security.electron.ts).
 * Removing one of them fails here, not only on a PC with Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = fs.readFileSync(path.resolve(__dirname, '../../../electron/main/index.ts'), 'utf8');
/** Top-level statements only: code at column 0, outside any function body. */
const topLevel = src.split('\n').filter((l) => /^\S/.test(l)).join('\n');

describe('electron/main/index.ts wiring', () => {
  it('sandboxes every renderer and registers app:// before the app is ready (top level)', () => {
    expect(topLevel).toMatch(/^app\.enableSandbox\(\);$/m);
    expect(topLevel).toMatch(/^protocol\.registerSchemesAsPrivileged\(\[appSchemeRegistration\(\)\]\);$/m);
  });

  it('serves the page from app:// and never loads a file', () => {
    expect(src).toMatch(/protocol\.handle\(APP_SCHEME,/);
    expect(src).toMatch(/resolveAppRequest\(/);
    expect(src).toMatch(/win\.loadURL\(location\.url\)/);
    expect(src).not.toMatch(/loadFile\(/);
  });

  it('guards every web contents and the default session', () => {
    expect(src).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => guardWebContents\(contents,/);
    expect(src).toMatch(/installSessionPolicies\(session\.defaultSession,/);
  });

  it('checks the IPC sender before the dispatcher, and opens links only through the confirming opener', () => {
    const handler = src.slice(src.indexOf('ipcMain.handle(IPC_CALL_CHANNEL'));
    expect(handler.indexOf('ipcSenderRefusal(')).toBeGreaterThan(0);
    expect(handler.indexOf('ipcSenderRefusal(')).toBeLessThan(handler.indexOf('rt.call('));
    // shell.openExternal appears once: inside createExternalLinkOpener's deps.
    expect(src.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(src).toMatch(/createExternalLinkOpener\(\{[\s\S]*openExternal: \(url\) => shell\.openExternal\(url\)/);
  });

  it('gives the updater the signature-based install policy', () => {
    expect(src).toMatch(/settings: updaterSettings\(\{ platform: process\.platform, publisherNames: publisherNamesFromAppUpdateYml\(/);
  });
});
