/**
 * OS lock screen and suspend lock every DealerDesk session of this PC (issue
 * 13): the main process refuses calls until the password is typed again, and
 * the renderer draws its lock overlay (the 'session' change event). Kept thin
 * and free of the electron import so it is testable with any event emitter;
 * main passes Electron's powerMonitor.
 */
export const OS_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

export interface LockSource {
  on(event: (typeof OS_LOCK_EVENTS)[number], listener: () => void): unknown;
}

export function lockSessionsOnOsLock(source: LockSource, runtime: { lockAllSessions(): void }): void {
  for (const event of OS_LOCK_EVENTS) source.on(event, () => runtime.lockAllSessions());
}
