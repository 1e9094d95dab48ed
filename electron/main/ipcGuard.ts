/**
 * Who may call the dispatcher over IPC. A message is trusted only when it
 * comes from the main frame of our own window showing our own page: not an
 * iframe, not a page the window was somehow navigated to. Permission checks
 * on the methods themselves still live in the main process (DESIGN §8).
 */
import type { ApiResult } from '../../shared/errors';
import { isSameAppPage } from './navigationPolicy';

export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return isSameAppPage(frameUrl, appUrl);
}

/** What index.ts knows about an IPC call's sender (event.sender / event.senderFrame). */
export interface IpcSenderFacts {
  /** event.sender is our main window's webContents (not the print window, not a stray one). */
  fromOurWindow: boolean;
  /** event.senderFrame is null when the frame navigated away or was destroyed before we looked. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/**
 * Why a call is refused, or null to let it through to the dispatcher. Every
 * condition is required: our window, a live frame, the top frame (an iframe
 * of a blob: PDF preview must never reach the API), and our own page.
 */
export function ipcSenderRefusal(facts: IpcSenderFacts, appUrl: string): string | null {
  if (!facts.fromOurWindow) return 'not our window';
  if (!facts.frame) return 'frame gone';
  if (!facts.frame.isMainFrame) return 'a subframe';
  if (!isTrustedSender(facts.frame.url, appUrl)) return 'not our page';
  return null;
}

export const UNTRUSTED_SENDER: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', field: null, message: '拒绝来自非本应用页面的请求' },
};

/** The method name as sent over IPC, or null when it is not a usable string. */
export function methodName(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
}

export const BAD_METHOD: ApiResult<never> = {
  ok: false,
  error: { code: 'bad_request', field: null, message: '请求缺少方法名' },
};
