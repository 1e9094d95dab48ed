/**
 * Keyboard-first entry for every form: Enter moves to the next field (and
 * submits from the last), Ctrl+S saves, Esc cancels. Enter pressed while a
 * Chinese input method is composing belongs to the IME and is left alone.
 */
import { useCallback, type KeyboardEvent } from 'react';
import { closeOpenDropdown } from './openDropdown';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type=submit]';

/** Moves focus to the form field after `from`; returns false when `from` is the last one. */
export function focusNextField(from: HTMLElement): boolean {
  const form = from.closest('form');
  if (!form) return false;
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE));
  const next = fields[fields.indexOf(from) + 1];
  if (!next || next.tagName === 'BUTTON') return false;
  next.focus();
  return true;
}

/** Ctrl+S (and Ctrl+Enter, kept for the dialogs that already took it) saves. */
export const isSaveKey = (e: { ctrlKey: boolean; metaKey: boolean; key: string }): boolean =>
  (e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 's' || e.key === 'Enter');

export function useFormKeys(opts: { onSave(): void; onCancel?(): void }) {
  const { onSave, onCancel } = opts;
  return useCallback(
    (e: KeyboardEvent<HTMLFormElement>) => {
      if (e.nativeEvent.isComposing || e.keyCode === 229) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        // A list left open over the form would stay open after the save.
        closeOpenDropdown();
        onSave();
        return;
      }
      // Esc that closes an open dropdown (Select, date picker) belongs to that dropdown.
      const expanded = (e.target as HTMLElement).getAttribute('aria-expanded') === 'true';
      if (e.key === 'Escape' && onCancel && !expanded) {
        e.preventDefault();
        onCancel();
        return;
      }
      const target = e.target as HTMLElement;
      if (e.key !== 'Enter' || target.tagName !== 'INPUT' || e.shiftKey) return;
      e.preventDefault();
      if (!focusNextField(target)) {
        closeOpenDropdown();
        onSave();
      }
    },
    [onSave, onCancel],
  );
}
