/**
 * The one dropdown list open in the window. A select that opens claims the
 * slot and closes whichever list held it, so two lists never cover each
 * other; saving a form closes the open one (closeOpenDropdown).
 */
let current: (() => void) | null = null;

export function claimDropdown(close: () => void): void {
  if (current && current !== close) current();
  current = close;
}

export function releaseDropdown(close: () => void): void {
  if (current === close) current = null;
}

export function closeOpenDropdown(): void {
  const close = current;
  current = null;
  close?.();
}
