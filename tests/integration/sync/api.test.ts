/** The sync API and the background scheduler: a write is followed by a round; remote changes broadcast db:changed. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncFolderTest, SyncRoundView, SyncStatusView } from '../../../shared/api/sync';
import type { DbChangedEvent } from '../../../shared/api/contract';
import { office, type Office } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const until = async (cond: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

it('folder test, setup, status, a refused folder, and the background round after a write', async () => {
  const a = await o.open('pc-a');
  const b = await o.open('pc-b');
  expect(await a.rt.invoke<SyncFolderTest>('sync.testFolder', { folder: o.shareDir })).toEqual({ ok: true, message: '共享文件夹可以读写' });
  expect((await a.rt.invoke<SyncFolderTest>('sync.testFolder', { folder: path.join(o.dir, 'nope') })).ok).toBe(false);
  expect((await a.rt.invoke<SyncStatusView>('sync.status', {})).state).toBe('off');

  const r = await a.rt.invoke<SyncRoundView>('sync.setup', { folder: o.shareDir, name: '老板电脑' });
  expect(r.series).toBe('A');
  await b.rt.invoke('sync.setup', { folder: o.shareDir, name: '会计电脑' });
  const st = await a.rt.invoke<SyncStatusView>('sync.status', {});
  expect(st).toMatchObject({ state: 'synced', enabled: true, folder: o.shareDir, name: '老板电脑', series: 'A' });

  // B syncs in the background: shortly after a write on B, and it applies what A wrote.
  b.rt.startBackgroundSync({ debounceMs: 30, intervalMs: 200 });
  const events: DbChangedEvent[] = [];
  b.rt.events.on('changed', (e: DbChangedEvent) => events.push(e));
  await a.rt.invoke('customers.create', { code: 'K1', name: '甲公司' });
  await a.rt.invoke('sync.now', {});
  await until(() => events.some((e) => e.tables.includes('*')));
  expect((b.rt.database().sqlite.prepare('SELECT name FROM customers').all() as { name: string }[]).map((x) => x.name)).toEqual(['甲公司']);
  const bLog = path.join(o.shareDir, 'log', st.devices[0].id);
  const segments = () => (fs.existsSync(bLog) ? fs.readdirSync(bLog).length : 0);
  const before = segments();
  await b.rt.invoke('customers.create', { code: 'K2', name: '乙公司' });
  await until(() => segments() > before);

  // The folder gone: the round is refused with the reason, and the indicator says offline.
  fs.renameSync(o.shareDir, `${o.shareDir}-away`);
  const failed = await a.rt.call('sync.now', {});
  expect(failed.ok).toBe(false);
  expect((await a.rt.invoke<SyncStatusView>('sync.status', {})).state).toBe('offline');
  fs.renameSync(`${o.shareDir}-away`, o.shareDir);
  await a.rt.invoke('sync.now', {});
  expect((await a.rt.invoke<SyncStatusView>('sync.status', {})).state).toBe('synced');
});
