import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorFromOs, dbFlagFromArgv, rendererLocation, resourcesDir } from '../../../electron/main/launch';
import { focusExistingWindow, type FocusableWindow } from '../../../electron/main/singleInstance';

describe('dbFlagFromArgv', () => {
  it('reads --db PATH and --db=PATH among Electron and Chromium switches', () => {
    expect(dbFlagFromArgv(['/usr/bin/electron', '.', '--db', '/tmp/a.db'])).toBe('/tmp/a.db');
    expect(dbFlagFromArgv(['DealerDesk.exe', '--inspect=0', '--db=D:\\账套\\a.db'])).toBe('D:\\账套\\a.db');
    expect(dbFlagFromArgv(['DealerDesk.exe', '--remote-debugging-port=0'])).toBeUndefined();
  });

  it('ignores a --db without a value', () => {
    expect(dbFlagFromArgv(['x', '--db'])).toBeUndefined();
    expect(dbFlagFromArgv(['x', '--db', '--no-sandbox'])).toBeUndefined();
    expect(dbFlagFromArgv(['x', '--db='])).toBeUndefined();
  });
});

describe('actorFromOs', () => {
  it('is the OS user on this device, with environment fallbacks', () => {
    expect(actorFromOs({ username: 'zhang', hostname: 'FRONT-DESK', env: {} })).toEqual({ user: 'zhang', device: 'FRONT-DESK' });
    expect(actorFromOs({ username: null, hostname: 'pc', env: { USERNAME: 'li' } })).toEqual({ user: 'li', device: 'pc' });
    expect(actorFromOs({ hostname: '', env: {} })).toEqual({ user: 'unknown', device: 'unknown' });
  });
});

describe('rendererLocation', () => {
  const mainDir = path.join(path.sep, 'app', 'out', 'main');

  it('serves the built page from out/renderer over app://, never file://', () => {
    const loc = rendererLocation({ isPackaged: true, mainDir });
    expect(loc.rootDir).toBe(path.join(path.sep, 'app', 'out', 'renderer'));
    expect(loc.url).toBe('app://dealerdesk/index.html');
    expect(rendererLocation({ isPackaged: false, mainDir }).url).toBe('app://dealerdesk/index.html');
  });

  it('uses the dev server only in an unpackaged app and only on loopback', () => {
    expect(rendererLocation({ isPackaged: false, mainDir, devServerUrl: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/',
      rootDir: null,
    });
    expect(rendererLocation({ isPackaged: true, mainDir, devServerUrl: 'http://localhost:5173/' }).url).toBe('app://dealerdesk/index.html');
    expect(rendererLocation({ isPackaged: false, mainDir, devServerUrl: 'https://evil.example/' }).rootDir).not.toBeNull();
    expect(rendererLocation({ isPackaged: false, mainDir, devServerUrl: 'garbage' }).rootDir).not.toBeNull();
  });
});

describe('resourcesDir', () => {
  it('is extraResources when packaged and the repository folder otherwise', () => {
    expect(resourcesDir({ isPackaged: true, resourcesPath: '/opt/DD/resources', appPath: '/x' })).toBe(path.join('/opt/DD/resources', 'resources'));
    expect(resourcesDir({ isPackaged: false, resourcesPath: '/y', appPath: '/repo' })).toBe(path.join('/repo', 'resources'));
  });
});

describe('focusExistingWindow (second instance)', () => {
  const fakeWindow = (state: { destroyed?: boolean; minimized?: boolean; visible?: boolean }) => {
    const calls: string[] = [];
    const win: FocusableWindow = {
      isDestroyed: () => state.destroyed ?? false,
      isMinimized: () => state.minimized ?? false,
      isVisible: () => state.visible ?? true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { win, calls };
  };

  it('restores a minimised window and focuses it', () => {
    const { win, calls } = fakeWindow({ minimized: true });
    expect(focusExistingWindow(win)).toBe(true);
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('shows a hidden window', () => {
    const { win, calls } = fakeWindow({ visible: false });
    focusExistingWindow(win);
    expect(calls).toEqual(['show', 'focus']);
  });

  it('does nothing without a live window', () => {
    expect(focusExistingWindow(null)).toBe(false);
    const { win, calls } = fakeWindow({ destroyed: true });
    expect(focusExistingWindow(win)).toBe(false);
    expect(calls).toEqual([]);
  });
});
