/**
 * A second start of the app (double-clicking the shortcut again) must bring
 * the running window forward, not open a second writer on the same database.
 * The lock itself is Electron's; this is what the first instance does then.
 */

/** The few BrowserWindow methods involved, so this runs without Electron. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Returns false when there is no live window to bring forward (it is still being created). */
export function focusExistingWindow(win: FocusableWindow | null | undefined): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}
