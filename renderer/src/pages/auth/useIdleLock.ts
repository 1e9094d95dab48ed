/**
 * Locks this window's session after the idle minutes (a setting of the boss).
 * Activity is keyboard, pointer and wheel input in this window only
 * (shared/auth/idleLock.ts). The lock itself is enforced in the main process;
 * the renderer only asks for it and draws the overlay over the mounted app,
 * so every unsaved form is still there after unlocking.
 */
import { useEffect, useRef } from 'react';
import { idleLockDue, nextIdleCheckMs, recordActivity, type IdleState } from '../../../../shared/auth/idleLock';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function useIdleLock(active: boolean, idleLockMinutes: number, lock: () => void): void {
  const state = useRef<IdleState>({ lastActivityMs: Date.now(), idleLockMinutes });
  state.current.idleLockMinutes = idleLockMinutes;
  useEffect(() => {
    if (!active) return;
    state.current = { lastActivityMs: Date.now(), idleLockMinutes };
    const onActivity = () => {
      state.current = recordActivity(state.current, Date.now(), false);
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const now = Date.now();
      if (idleLockDue(state.current, now)) lock();
      else timer = setTimeout(check, nextIdleCheckMs(state.current, now));
    };
    timer = setTimeout(check, nextIdleCheckMs(state.current, Date.now()));
    return () => {
      clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [active, idleLockMinutes, lock]);
}
