/**
 * Point 3: a writer waits for another process's write lock instead of failing
 * with "database is locked"; when the wait runs out, the user gets
 * 数据库正忙，请稍后重试 (code busy), never SQLite's English text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { errorToApi } from '../../../electron/api/dispatcher';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { holdWriteLock } from './lockHolder';
import { WAITING_FRESH_MS, writerWaiting } from '../../../db/writerWaiting';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('writers wait for each other', () => {
  it('a read-then-write service call started while another process writes waits and succeeds', async () => {
    t = await tempRuntime();
    await t.rt.invoke('settings.updateCompany', { companyName: '甲' });
    const marker = t.rt.database().waitingMarker;
    // A write that found the lock free said nothing.
    expect(writerWaiting(marker)).toBe(false);
    const { done } = await holdWriteLock(t.dbFile, 800);
    // settings.updateCompany reads the profile first, then writes: a deferred
    // transaction would take a read snapshot and fail to upgrade once the other commit lands.
    const r = await t.rt.call('settings.updateCompany', { companyName: '乙' });
    expect(r).toMatchObject({ ok: true });
    expect(await done).toBe(0);
    expect((await t.rt.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('乙');
    // It announced its wait for a chunked import in another process (db/writerWaiting.ts), and its
    // busy timeout is what it was (the first try asks for the lock without waiting).
    expect(marker).toBe(`${t.dbFile}.writer-waiting`);
    expect(writerWaiting(marker)).toBe(true);
    expect(writerWaiting(marker, Date.now() + WAITING_FRESH_MS)).toBe(false);
    expect(t.rt.database().sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a wait that runs out is reported as 数据库正忙，请稍后重试 with code busy', async () => {
    t = await tempRuntime();
    t.rt.database().sqlite.pragma('busy_timeout = 200');
    const { done } = await holdWriteLock(t.dbFile, 1200);
    const r = await t.rt.call('settings.updateCompany', { companyName: '丙' });
    expect(r).toEqual({ ok: false, error: { code: 'busy', field: null, message: '数据库正忙，请稍后重试' } });
    expect(await done).toBe(0);
    expect(t.rt.database().sqlite.pragma('busy_timeout', { simple: true })).toBe(200);
  });

  it('maps every SQLite busy/locked code to the same message', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']) {
      expect(errorToApi(Object.assign(new Error('database is locked'), { code }))).toEqual({
        code: 'busy',
        field: null,
        message: '数据库正忙，请稍后重试',
      });
    }
  });
});
