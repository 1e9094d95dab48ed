/**
 * Handing a link to the system browser (shell.openExternal). The link comes
 * from the page (window.open, target=_blank, a refused navigation), so it may
 * come from imported data or an attacker: shell.openExternal on a file:,
 * ms-msdt: or smb: URL can run programs. Only https is handed over, and only
 * after the user has seen the address and said yes.
 *
 * Pure decisions plus a small orchestrator that gets the Electron pieces
 * (dialog, shell) passed in, so the "no open without a yes" rule is tested.
 */
import { fillDesktop, type DesktopMessages } from '../../shared/i18n/areas/desktop';

/** Longer than any real link; a huge URL is only good for hiding the host off-screen. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalUrlVetting =
  | { ok: true; url: string; host: string }
  | { ok: false; reason: 'unparseable' | 'not-https' | 'credentials' | 'no-host' | 'too-long' | 'control-characters' };

/**
 * https only (no http: a plain-text link can be rewritten on the way), no
 * user:password@ (it disguises the real host: https://bank.com@evil.example),
 * a real host name. The returned host is the parsed, punycode (xn--) form,
 * so a look-alike Unicode host shows as what it is in the confirmation.
 */
export function vetExternalUrl(raw: string): ExternalUrlVetting {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'too-long' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, reason: 'control-characters' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, reason: 'unparseable' };
  }
  if (u.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (u.username || u.password) return { ok: false, reason: 'credentials' };
  if (!u.hostname) return { ok: false, reason: 'no-host' };
  return { ok: true, url: u.toString(), host: u.host };
}

/** Electron's MessageBoxOptions, as far as we set them. */
export interface ConfirmDialog {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  /** Enter and Esc both mean "cancel": opening needs a deliberate click. */
  defaultId: number;
  cancelId: number;
  noLink: true;
}

export const OPEN_BUTTON = 0;
const CANCEL_BUTTON = 1;

export function externalLinkConfirmation(link: { url: string; host: string }, m: DesktopMessages): ConfirmDialog {
  return {
    type: 'question',
    title: m.externalLinkTitle,
    message: fillDesktop(m.externalLinkMessage, { host: link.host }),
    detail: fillDesktop(m.externalLinkDetail, { url: link.url }),
    buttons: [m.externalLinkOpen, m.cancel],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  };
}

export interface ExternalLinkDeps {
  /** dialog.showMessageBox(mainWindow, …): resolves to the index of the clicked button. */
  confirm: (dialog: ConfirmDialog) => Promise<number>;
  /** shell.openExternal. */
  openExternal: (url: string) => Promise<void>;
  messages: () => DesktopMessages;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void };
}

export type ExternalLinkOutcome = 'opened' | 'cancelled' | 'refused' | 'busy';

/**
 * The opener index.ts wires to window.open and refused navigations. One
 * question at a time: while the user is being asked, further requests are
 * dropped, so a page cannot bury the screen under dialogs. Never rejects.
 */
export function createExternalLinkOpener(deps: ExternalLinkDeps): (rawUrl: string) => Promise<ExternalLinkOutcome> {
  let asking = false;
  return async (rawUrl) => {
    const vetted = vetExternalUrl(rawUrl);
    if (!vetted.ok) {
      deps.log.warn(`external link refused (${vetted.reason}): ${rawUrl.slice(0, 200)}`);
      return 'refused';
    }
    if (asking) {
      deps.log.warn(`external link dropped while another is being confirmed: ${vetted.url}`);
      return 'busy';
    }
    asking = true;
    try {
      const answer = await deps.confirm(externalLinkConfirmation(vetted, deps.messages()));
      if (answer !== OPEN_BUTTON) return 'cancelled';
      await deps.openExternal(vetted.url);
      deps.log.info(`external link opened after confirmation: ${vetted.url}`);
      return 'opened';
    } catch (e) {
      deps.log.warn(`external link failed: ${vetted.url}`, e);
      return 'refused';
    } finally {
      asking = false;
    }
  };
}
