/**
 * One guard for typed-but-unsaved input, wherever it is: a form that holds
 * changes registers itself (useUnsavedGuard) and everything that would throw
 * them away asks first — navigating (the router), the browser's back button,
 * closing a drawer or dialog, switching customer — with one question,
 * 放弃未保存的修改？. Saving or cancelling the form unregisters it.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';

const dirtyForms = new Map<symbol, string>();

export const hasUnsavedChanges = (): boolean => dirtyForms.size > 0;

/**
 * True when it is fine to throw the typed input away: nothing is unsaved, or
 * the person confirmed. On confirmation the registrations are dropped, so one
 * "yes" never asks twice on the way out.
 */
export function confirmDiscard(): boolean {
  if (dirtyForms.size === 0) return true;
  const message = [...dirtyForms.values()][0];
  if (!window.confirm(message)) return false;
  dirtyForms.clear();
  return true;
}

export interface UnsavedGuard {
  /** Runs `action` (close, cancel, switch) only after confirmDiscard for this form. */
  guard(action: () => void): void;
  /** The input was saved: stop guarding before the caller navigates away. */
  release(): void;
}

/** Registers the calling form while `dirty`. */
export function useUnsavedGuard(dirty: boolean): UnsavedGuard {
  const t = useT();
  const key = useRef(Symbol('form')).current;
  const message = t('desk.guard.discard');
  useEffect(() => {
    if (dirty) dirtyForms.set(key, message);
    else dirtyForms.delete(key);
    return () => {
      dirtyForms.delete(key);
    };
  }, [dirty, key, message]);
  return {
    guard(action) {
      if (dirty && !window.confirm(message)) return;
      dirtyForms.delete(key);
      action();
    },
    release() {
      dirtyForms.delete(key);
    },
  };
}

/** Leaving the window (reload, close) with unsaved input gets the browser's own prompt. */
export function installUnloadGuard(): void {
  window.addEventListener('beforeunload', (e) => {
    if (hasUnsavedChanges()) e.preventDefault();
  });
}
