import { describe, expect, it } from 'vitest';
import { mainWindowOptions, MIN_WINDOW_SIZE, WINDOW_TITLE } from '../../../electron/main/windowOptions';

const base = { preloadPath: '/app/out/preload/index.js', bounds: { x: 10, y: 20, width: 1300, height: 800 } };

describe('mainWindowOptions', () => {
  it('sets every security flag of the renderer', () => {
    const w = mainWindowOptions(base).webPreferences;
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.nodeIntegrationInSubFrames).toBe(false);
    expect(w.webSecurity).toBe(true);
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect(w.experimentalFeatures).toBe(false);
    expect(w.spellcheck).toBe(false);
    expect(w.preload).toBe('/app/out/preload/index.js');
  });

  it('enables no Blink features and no insecure escape hatch (checklist 6, 8, 9, 10)', () => {
    const w = mainWindowOptions(base).webPreferences as unknown as Record<string, unknown>;
    for (const risky of ['enableBlinkFeatures', 'disableBlinkFeatures', 'additionalArguments', 'partition', 'plugins']) {
      expect(w, risky).not.toHaveProperty(risky);
    }
  });

  it('has no web preference beyond the reviewed ones (a new flag must be added here deliberately)', () => {
    expect(Object.keys(mainWindowOptions(base).webPreferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('is titled, hidden until ready-to-show, and has a minimum size', () => {
    const o = mainWindowOptions(base);
    expect(o.title).toBe('经销往来 DealerDesk');
    expect(o.title).toBe(WINDOW_TITLE);
    expect(o.show).toBe(false);
    expect(o.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(o.minHeight).toBe(MIN_WINDOW_SIZE.height);
  });

  it('takes the remembered bounds, rounded', () => {
    const o = mainWindowOptions({ ...base, bounds: { x: 10.4, y: 20.6, width: 1300.2, height: 799.7 } });
    expect([o.x, o.y, o.width, o.height]).toEqual([10, 21, 1300, 800]);
  });

  it('lets the OS place the window when no position is known, and never uses a lone coordinate', () => {
    expect(mainWindowOptions({ ...base, bounds: { width: 1200, height: 700 } })).not.toHaveProperty('x');
    const lone = mainWindowOptions({ ...base, bounds: { x: 5, width: 1200, height: 700 } });
    expect(lone).not.toHaveProperty('x');
    expect(lone).not.toHaveProperty('y');
  });

  it('sets the icon only when one is given', () => {
    expect(mainWindowOptions(base)).not.toHaveProperty('icon');
    expect(mainWindowOptions({ ...base, iconPath: '/r/icon.png' }).icon).toBe('/r/icon.png');
  });
});
