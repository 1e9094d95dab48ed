/**
 * LAN sync figures (issue 12 budgets): a round with nothing new on a share
 * of 1,000 segments from 5 PCs (< 100 ms); publishing 10,000 invoices
 * (< 3 s) and applying them with re-derivation on another PC (< 10 s); what
 * capture adds to an ordinary write (< 5 ms). Joining from a snapshot of the
 * large data set is the separate group `join` (figures/join.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import { syncRound } from '../../../electron/services/sync/engine';
import { assignSegments, writeSegments } from '../../../electron/services/sync/publish';
import { fsShare } from '../../../electron/services/sync/share';
import { readLocal, SYNC_KEYS } from '../../../db/sync/localState';
import { measure, type Figure } from '../harness';

async function pc(dir: string, name: string): Promise<AppRuntime> {
  return AppRuntime.start({ dbFile: path.join(dir, `${name}.db`), dataDir: path.join(dir, name), actor: { user: name, device: name } });
}

const timed = async (name: string, fn: () => Promise<unknown>, note?: string): Promise<Figure> => {
  const t0 = performance.now();
  await fn();
  return { name, medianMs: performance.now() - t0, runs: 1, note };
};

export async function syncFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-sync-'));
  const shareDir = path.join(dir, 'share');
  fs.mkdirSync(shareDir);
  const share = fsShare(shareDir);
  const round = (rt: AppRuntime) => syncRound(rt.context(), { share, dbFile: rt.dbFile, pause: async () => {} });
  const figures: Figure[] = [];
  try {
    // 5 PCs × 200 segments.
    const pcs: AppRuntime[] = [];
    for (let i = 0; i < 5; i++) {
      const rt = await pc(dir, `pc${i}`);
      await round(rt);
      // One customer per segment (a row's fields are never split across segments).
      for (let c = 0; c < 200; c++) await rt.invoke('customers.create', { code: `P${i}K${c}`, name: `客户${i}-${c}` });
      const ctx = rt.context();
      const device = readLocal<string>(ctx.db.sqlite, SYNC_KEYS.device)!;
      const pub = { db: ctx.db, device, dbFile: rt.dbFile, schema: '', app: '1' };
      assignSegments(pub, 1);
      await writeSegments(pub, share);
      pcs.push(rt);
    }
    for (const rt of pcs) await round(rt);
    const segs = fs.readdirSync(path.join(shareDir, 'log')).reduce((n, d) => n + fs.readdirSync(path.join(shareDir, 'log', d)).length, 0);
    figures.push(await measure('sync round with nothing new (5 PCs on the share)', 20, () => round(pcs[0]), `${segs} segments on the share`));

    // Ordinary write with and without capture.
    const plain = await pc(dir, 'plain');
    const c0 = await plain.invoke<{ id: string }>('customers.create', { code: 'W1', name: '写入测试' });
    let v = 0;
    figures.push(await measure('customers.update, sync off', 50, () => plain.invoke('customers.update', { id: c0.id, notes: `n${v++}` })));
    const c1 = await pcs[0].invoke<{ id: string }>('customers.create', { code: 'W1', name: '写入测试' });
    figures.push(await measure('customers.update, sync on (capture triggers)', 50, () => pcs[0].invoke('customers.update', { id: c1.id, notes: `n${v++}` })));

    // 10,000 invoices on one PC, published, then applied on another.
    const a = pcs[1];
    const customers: string[] = [];
    for (let c = 0; c < 100; c++) customers.push((await a.invoke<{ id: string }>('customers.create', { code: `INV${c}`, name: `开票客户${c}` })).id);
    await round(a);
    await round(pcs[2]);
    for (let i = 0; i < 10_000; i++) {
      await a.invoke('ledger.postInvoice', { customerId: customers[i % 100], date: '2026-10-01', dueOn: '2026-11-01', amountFen: 1000 + i });
    }
    let published = 0;
    figures.push(await timed('publish 10,000 invoices', async () => (published = (await round(a)).published), ''));
    figures[figures.length - 1].note = `${published} changes`;
    let applied = 0;
    figures.push(await timed('apply 10,000 invoices on another PC (with re-derivation)', async () => (applied = (await round(pcs[2])).applied)));
    figures[figures.length - 1].note = `${applied} changes`;
    for (const rt of [...pcs, plain]) rt.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
