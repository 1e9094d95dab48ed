/**
 * The guards every web contents gets (app.on('web-contents-created'), so
 * also windows and frames we did not expect): no new windows, no navigation
 * or redirect away from the app, no <webview>. The decisions are in
 * navigationPolicy.ts; this file wires them to a web contents given by
 * structure, so a fake one proves the wiring in a unit test.
 */
import { isAllowedNavigation, windowOpenDecision } from './navigationPolicy';

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guards use. */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent, url: string) => void): unknown;
}

export interface ContentsGuardDeps {
  /** The app page (app://dealerdesk/index.html or the dev server). */
  appUrl: string;
  /** Asks the user, then hands a vetted https link to the browser (externalLinks.ts). */
  offerExternally: (url: string) => void;
  log: { warn(message: string): void };
}

export function guardWebContents(contents: GuardableContents, deps: ContentsGuardDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) deps.offerExternally(decision.openExternally);
    else deps.log.warn(`window.open refused: ${url}`);
    return { action: decision.action };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, deps.appUrl)) return;
    event.preventDefault();
    // A plain link to a web page: the clerk may have meant to open it, in the browser, after a yes.
    if (windowOpenDecision(url).openExternally) deps.offerExternally(url);
    else deps.log.warn(`navigation refused: ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAllowedNavigation(url, deps.appUrl)) return;
    event.preventDefault();
    deps.log.warn(`redirect refused: ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('webview refused');
  });
}
