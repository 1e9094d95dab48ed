/**
 * The idle lock as pure arithmetic (issue 13 point 1): the renderer records
 * the time of the last input in a DealerDesk window and asks when to lock.
 * "Idle" means no keyboard, pointer or wheel input in our own windows — a
 * window merely being open or focused is not activity (Bitwarden's "never
 * locks" bug came from counting a popped-out window as activity).
 */
export interface IdleState {
  lastActivityMs: number;
  idleLockMinutes: number;
}

export const idleDeadlineMs = (s: IdleState): number => s.lastActivityMs + s.idleLockMinutes * 60_000;

export const idleLockDue = (s: IdleState, nowMs: number): boolean => nowMs >= idleDeadlineMs(s);

/** How long to wait before checking again (never less than 1 s, never a busy loop). */
export const nextIdleCheckMs = (s: IdleState, nowMs: number): number => Math.max(1000, idleDeadlineMs(s) - nowMs);

/** Input events count as activity only while the app is unlocked (typing the unlock password does not postpone a lock). */
export const recordActivity = (s: IdleState, nowMs: number, locked: boolean): IdleState =>
  locked || nowMs <= s.lastActivityMs ? s : { ...s, lastActivityMs: nowMs };
