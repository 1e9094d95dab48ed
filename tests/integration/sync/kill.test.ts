/**
 * kill -9 in the middle of publishing and in the middle of applying (a real
 * child process), then resume: the databases pass integrity_check, every
 * segment number has exactly one file, nothing is lost or doubled.
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { dump, office, type Office } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

/** Runs a round in a child and SIGKILLs it after `after` lines with `marker`; resolves whether it was killed. */
function roundKilledAfter(dbFile: string, marker: string, after: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/sync/roundChild.ts', dbFile, o.shareDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line === marker && ++seen === after) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(true) : code === 0 ? resolve(false) : reject(new Error(err))));
  });
}

const integrity = (r: { rt: { database(): { sqlite: { pragma(s: string): unknown } } } }) => r.rt.database().sqlite.pragma('integrity_check');

it('killed while publishing and while applying, then resumed: nothing lost, nothing doubled', async () => {
  let a = await o.open('pc-a');
  // About 12 segments' worth of changes.
  for (let i = 0; i < 500; i++) await a.rt.invoke('customers.create', { code: `K${i}`, name: `客户${i}` });
  a.rt.close();
  o.replicas.splice(0);

  expect(await roundKilledAfter(path.join(o.dir, 'pc-a.db'), 'wrote', 2)).toBe(true);
  a = await o.open('pc-a');
  expect(integrity(a)).toEqual([{ integrity_check: 'ok' }]);
  const ra = await o.sync(a);
  expect(ra.errors).toEqual([]);
  const files = fs.readdirSync(path.join(o.shareDir, 'log', ra.device));
  const seqs = files.map((f) => f.slice(0, 10));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs.length).toBeGreaterThan(8);

  let b = await o.open('pc-b');
  await o.sync(b); // joins (its own registry), applies everything
  b.rt.close();
  o.replicas.splice(o.replicas.indexOf(b), 1);
  fs.rmSync(path.join(o.dir, 'pc-c.db'), { force: true });
  // A third PC is killed while applying, then resumes.
  const c0 = await o.open('pc-c');
  await o.sync(c0, { ...o.share, list: async (d) => (d === 'log' ? [] : o.share.list(d)) }); // registers, applies nothing
  c0.rt.close();
  o.replicas.splice(o.replicas.indexOf(c0), 1);
  expect(await roundKilledAfter(path.join(o.dir, 'pc-c.db'), 'applied', 3)).toBe(true);
  const c = await o.open('pc-c');
  expect(integrity(c)).toEqual([{ integrity_check: 'ok' }]);
  const half = (c.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  expect(half).toBeGreaterThan(0);
  expect(half).toBeLessThan(500);
  expect((await o.sync(c)).errors).toEqual([]);
  b = await o.open('pc-b');
  await o.sync(b);
  await o.sync(a);
  expect(dump(c)).toEqual(dump(a));
  expect(dump(b)).toEqual(dump(a));
  expect((c.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(500);
}, 120_000);
