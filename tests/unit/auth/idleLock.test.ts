import { describe, expect, it } from 'vitest';
import { idleLockDue, nextIdleCheckMs, recordActivity } from '../../../shared/auth/idleLock';
import { backoffAfter } from '../../../shared/auth/backoff';

const MIN = 60_000;

describe('idle lock', () => {
  it('locks exactly when the idle minutes have passed since the last input', () => {
    const s = { lastActivityMs: 1_000_000, idleLockMinutes: 10 };
    expect(idleLockDue(s, 1_000_000 + 10 * MIN - 1)).toBe(false);
    expect(idleLockDue(s, 1_000_000 + 10 * MIN)).toBe(true);
  });

  it('input postpones the lock; input while locked (typing the unlock password) does not', () => {
    const s = { lastActivityMs: 0, idleLockMinutes: 10 };
    const moved = recordActivity(s, 9 * MIN, false);
    expect(idleLockDue(moved, 10 * MIN)).toBe(false);
    expect(idleLockDue(moved, 19 * MIN)).toBe(true);
    expect(recordActivity(s, 9 * MIN, true)).toBe(s);
    // A clock that went backwards never moves the last activity back.
    expect(recordActivity(moved, 5 * MIN, false)).toBe(moved);
  });

  it('checks again at the deadline, never in a busy loop', () => {
    const s = { lastActivityMs: 0, idleLockMinutes: 10 };
    expect(nextIdleCheckMs(s, 4 * MIN)).toBe(6 * MIN);
    expect(nextIdleCheckMs(s, 10 * MIN + 5)).toBe(1000);
  });
});

describe('failed-login back-off', () => {
  it('five free attempts, then 30 s doubling, capped at an hour', () => {
    expect([0, 1, 4].map(backoffAfter)).toEqual([0, 0, 0]);
    expect(backoffAfter(5)).toBe(30_000);
    expect(backoffAfter(6)).toBe(60_000);
    expect(backoffAfter(7)).toBe(120_000);
    expect(backoffAfter(40)).toBe(3_600_000);
  });
});
