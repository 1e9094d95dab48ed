/**
 * Joining (issue 12 point 6): the snapshot is written and read as streams
 * and shows its phases with counts while a new PC joins; a snapshot
 * interrupted by a share going offline or by kill -9 in the middle of the
 * copy leaves nothing any PC would join from, and the next snapshot works.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncProgressView } from '../../../shared/api/sync';
import { syncRound } from '../../../electron/services/sync/engine';
import { progressOf } from '../../../electron/services/sync/progress';
import type { ShareFs } from '../../../electron/services/sync/share';
import { dump, office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const snapFiles = (): string[] => (fs.existsSync(path.join(o.shareDir, 'snap')) ? fs.readdirSync(path.join(o.shareDir, 'snap')).sort() : []);
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every manifest on the share names a data file whose bytes match it: nothing partial is ever offered. */
function everyManifestUsable(): number {
  const manifests = snapFiles().filter((n) => n.endsWith('.json'));
  for (const m of manifests) {
    const man = JSON.parse(fs.readFileSync(path.join(o.shareDir, 'snap', m), 'utf8')) as { file: string; sha256: string };
    expect(sha(path.join(o.shareDir, ...man.file.split('/')))).toBe(man.sha256);
  }
  return manifests.length;
}

async function pcWithData(): Promise<Replica> {
  const a = await o.open('pc-a');
  for (let i = 0; i < 120; i++) await a.rt.invoke('customers.create', { code: `J${i}`, name: `加入测试客户${i}` });
  await o.sync(a);
  return a;
}

const snapshotRound = (r: Replica, share: ShareFs = o.share) => syncRound(r.rt.context(), { share, dbFile: r.dbFile, snapshot: true, pause: async () => {} });

it('a new PC joins from a streamed snapshot and shows copy, check and load with their counts', async () => {
  const a = await pcWithData();
  await snapshotRound(a);
  expect(everyManifestUsable()).toBe(1);
  const b = await o.open('pc-b');
  const seen: SyncProgressView[] = [];
  const note = () => {
    const p = progressOf(b.rt.database().sqlite);
    if (p && JSON.stringify(p) !== JSON.stringify(seen.at(-1))) seen.push(p);
  };
  const watching: ShareFs = {
    ...o.share,
    copyOut: (file, local, onBytes) =>
      o.share.copyOut(file, local, (n) => {
        onBytes?.(n);
        note();
      }),
    list: async (dir) => {
      note();
      return o.share.list(dir);
    },
  };
  const rb = await o.sync(b, watching);
  expect(rb.errors).toEqual([]);
  const phases = [...new Set(seen.map((p) => p.phase))];
  expect(phases.slice(0, 2)).toEqual(['joinCopy', 'joinLoad']);
  expect(seen.find((p) => p.phase === 'joinCopy')).toMatchObject({ total: 1 });
  expect(seen.find((p) => p.phase === 'joinLoad')!.total).toBeGreaterThan(20);
  expect(progressOf(b.rt.database().sqlite)).toBeNull();
  // Nothing left behind in the temporary folder of the share.
  expect(fs.readdirSync(path.join(o.shareDir, 'tmp'))).toEqual([]);
  await o.sync(a);
  expect(dump(b)).toEqual(dump(a));
});

it('the share going offline in the middle of the snapshot copy: reported, nothing usable left, a new PC still joins; the next snapshot works', async () => {
  const a = await pcWithData();
  const dropping: ShareFs = {
    ...o.share,
    async copyIn(file, local) {
      // Half the bytes reach a temporary file, then the link drops.
      const half = fs.readFileSync(local).subarray(0, 100);
      await o.share.createExclusive(`tmp/cut-${Date.now()}.part`, half);
      throw Object.assign(new Error('EHOSTDOWN: link lost'), { code: 'EHOSTDOWN' });
    },
  };
  const ra = await snapshotRound(a, dropping);
  expect(ra.errors).toEqual([expect.objectContaining({ file: 'snap/', message: expect.stringContaining('写入快照失败') })]);
  expect(snapFiles()).toEqual([]);
  const b = await o.open('pc-b');
  expect((await o.sync(b)).errors).toEqual([]);
  expect(dump(b)).toEqual(dump(a));

  await snapshotRound(a);
  expect(everyManifestUsable()).toBe(1);
  const c = await o.open('pc-c');
  const rc = await o.sync(c);
  expect(rc.errors).toEqual([]);
  await o.sync(a);
  expect(dump(c)).toEqual(dump(a));
});

it('kill -9 in the middle of writing the snapshot leaves no usable partial snapshot', async () => {
  const a = await pcWithData();
  a.rt.close();
  o.replicas.splice(o.replicas.indexOf(a), 1);
  const killed = await new Promise<boolean>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/sync/roundChild.ts', a.dbFile, o.shareDir, 'snapshot'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('snapshot bytes')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(true) : code === 0 ? resolve(false) : reject(new Error(err))));
  });
  expect(killed).toBe(true);
  // Only a temporary file: no manifest, no data file under a final name.
  expect(snapFiles()).toEqual([]);
  expect(fs.readdirSync(path.join(o.shareDir, 'tmp')).length).toBeGreaterThan(0);
  const a2 = await o.open('pc-a');
  const b = await o.open('pc-b');
  expect((await o.sync(b)).errors).toEqual([]);
  expect(dump(b)).toEqual(dump(a2));
  await snapshotRound(a2);
  expect(everyManifestUsable()).toBe(1);
}, 60_000);
