/**
 * The main window's constructor options, as plain data. Kept free of any
 * 'electron' import (the options are a local structural type) so the security
 * flags can be asserted by a unit test under plain Node, where the Electron
 * binary may not exist.
 */
import type { Rect } from './windowState';

export const WINDOW_TITLE = '经销往来 DealerDesk';
/** Below this the dense tables and the side navigation stop fitting side by side. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

export interface SecureWebPreferences {
  /** Renderer JS and the preload live in separate worlds: the page cannot reach Node or Electron internals. */
  contextIsolation: true;
  /** The renderer runs in Chromium's OS sandbox; the preload gets only a restricted API. */
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  /** No <webview>: it would be a second, less guarded way to load content. */
  webviewTag: false;
  experimentalFeatures: false;
  /** Chinese business text makes the spellchecker underline nearly everything. */
  spellcheck: false;
  preload: string;
}

/** The subset of Electron's BrowserWindowConstructorOptions we set. */
export interface MainWindowOptions {
  title: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  /** Shown on 'ready-to-show', so the user never sees an empty white frame. */
  show: false;
  /** Matches the app's light theme, so a slow first paint is not a white flash on a grey desktop. */
  backgroundColor: string;
  autoHideMenuBar: false;
  icon?: string;
  webPreferences: SecureWebPreferences;
}

export interface MainWindowInput {
  /** Absolute path of the built preload script (out/preload/index.js). */
  preloadPath: string;
  /** Remembered (and already clamped) bounds; x/y absent means "let the OS centre it". */
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  iconPath?: string;
}

export function mainWindowOptions({ preloadPath, bounds, iconPath }: MainWindowInput): MainWindowOptions {
  const options: MainWindowOptions = {
    title: WINDOW_TITLE,
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      preload: preloadPath,
    },
  };
  // Both or neither: a lone coordinate would pin the window to a screen edge.
  if (bounds.x !== undefined && bounds.y !== undefined) {
    options.x = Math.round(bounds.x);
    options.y = Math.round(bounds.y);
  }
  if (iconPath) options.icon = iconPath;
  return options;
}
