/**
 * 从日志重建核对 (issue 12 point 8) and the progress of a long apply
 * (point 4): a fresh replay of every segment equals the live database on
 * every PC; a write that bypassed the log, or damaged derived data, is named
 * table by table with example keys; a log that cannot be replayed fully is
 * said so; `sync verify` follows the CLI contract; a long round shows its
 * phase and counts in the sync status while it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { SyncProgressView, SyncStatusView, SyncVerifyView } from '../../../shared/api/sync';
import { runCli } from '../../../electron/cli/main';
import { withoutCapture } from '../../../db/sync/capture';
import { writeLocal, SYNC_KEYS } from '../../../db/sync/localState';
import { verifyFromLog } from '../../../electron/services/sync/verify';
import { progressOf } from '../../../electron/services/sync/progress';
import { syncStatusView } from '../../../electron/services/sync/service';
import type { ShareFs } from '../../../electron/services/sync/share';
import { office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const sqliteOf = (r: Replica) => r.rt.database().sqlite;

/** Two PCs with customers, documents with allocations and edits on both sides, fully synced. */
async function busyOffice(): Promise<{ a: Replica; b: Replica; c: CustomerDetail }> {
  const a = await o.open('pc-a');
  const b = await o.open('pc-b');
  await o.sync(a);
  await o.sync(b);
  const c = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'K1', name: '甲公司', creditLimitFen: 900_000 });
  await a.rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-10-01', dueOn: '2026-11-01', amountFen: 50_000 });
  await o.sync(a);
  await o.sync(b);
  await b.rt.invoke('ledger.postReceipt', { customerId: c.id, date: '2026-10-09', amountFen: 20_000 });
  await b.rt.invoke('customers.update', { id: c.id, address: '成都市' });
  await a.rt.invoke('customers.update', { id: c.id, notes: '老客户' });
  await a.rt.invoke('customers.create', { code: 'K2', name: '乙公司' });
  for (let i = 0; i < 2; i++) {
    await o.sync(a);
    await o.sync(b);
  }
  return { a, b, c };
}

describe('rebuild from the log', () => {
  it('a fresh replay equals the live database on every PC', async () => {
    const { a, b } = await busyOffice();
    for (const r of [a, b]) {
      const v = await verifyFromLog(r.rt.context(), o.share);
      expect(v.problems).toEqual([]);
      expect(v).toMatchObject({ ok: true, differences: [] });
      expect(v.message).toContain('核对通过');
      expect(v.segments).toBeGreaterThanOrEqual(3);
      expect(v.changes).toBeGreaterThan(20);
      expect(Object.keys(v.vector)).toHaveLength(2);
      expect(progressOf(sqliteOf(r))).toBeNull();
    }
  });

  it('a write that bypassed the log and damaged allocations are named by table, with the keys', async () => {
    const { a, c } = await busyOffice();
    withoutCapture(sqliteOf(a), () => sqliteOf(a).prepare(`UPDATE customers SET name = '被绕过日志改名' WHERE id = ?`).run(c.id));
    sqliteOf(a).prepare(`DELETE FROM ar_allocations WHERE customer_id = ?`).run(c.id);
    const v = await verifyFromLog(a.rt.context(), o.share);
    expect(v.ok).toBe(false);
    expect(v.differences.map((d) => d.table).sort()).toEqual(['ar_allocations', 'customers']);
    expect(v.differences.find((d) => d.table === 'customers')).toEqual({ table: 'customers', onlyHere: 1, onlyInReplay: 1, examples: [c.id] });
    expect(v.differences.find((d) => d.table === 'ar_allocations')).toMatchObject({ onlyHere: 0, onlyInReplay: 1 });
    expect(v.message).toContain('核对发现不一致');
    expect(v.message).toContain('customers');
    // The check never touches the live data.
    expect((sqliteOf(a).prepare(`SELECT name FROM customers WHERE id = ?`).get(c.id) as { name: string }).name).toBe('被绕过日志改名');
  });

  it('unpublished changes are refused with what to do; a segment missing from the share is named', async () => {
    const { a, b } = await busyOffice();
    await a.rt.invoke('customers.create', { code: 'K3', name: '丙公司' });
    const early = await verifyFromLog(a.rt.context(), o.share);
    expect(early).toMatchObject({ ok: false, message: expect.stringContaining('请先“立即同步”一轮') });
    const ra = await o.sync(a);
    await o.sync(b);
    const logDir = path.join(o.shareDir, 'log', ra.device);
    const first = fs.readdirSync(logDir).sort()[0];
    fs.renameSync(path.join(logDir, first), path.join(o.dir, first));
    const v = await verifyFromLog(b.rt.context(), o.share);
    expect(v.ok).toBe(false);
    expect(v.message).toContain('日志不完整');
    expect(v.problems.join('\n')).toContain(`${ra.device} 只重放到第 0 段`);
  });
});

describe('sync verify (CLI)', () => {
  it('prints exactly the contract fields; exit 0 when equal, 1 when not', async () => {
    const { a, c } = await busyOffice();
    writeLocal(sqliteOf(a), SYNC_KEYS.folder, o.shareDir);
    const io = () => {
      const out: string[] = [];
      return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
    };
    a.rt.close();
    o.replicas.splice(o.replicas.indexOf(a), 1);
    const good = io();
    expect(await runCli(['sync', 'verify', '--db', a.dbFile, '--json'], good.io, {}), good.out.join('\n')).toBe(0);
    const j = JSON.parse(good.out.join('\n')) as SyncVerifyView;
    expect(Object.keys(j)).toEqual(['ok', 'vector', 'segments', 'changes', 'tables', 'differences', 'problems', 'message']);
    expect(j.ok).toBe(true);

    const a2 = await o.open('pc-a');
    withoutCapture(sqliteOf(a2), () => sqliteOf(a2).prepare(`UPDATE customers SET notes = '绕过日志' WHERE id = ?`).run(c.id));
    a2.rt.close();
    o.replicas.splice(o.replicas.indexOf(a2), 1);
    const bad = io();
    expect(await runCli(['sync', 'verify', '--db', a.dbFile], bad.io, {})).toBe(1);
    expect(bad.out.join('\n')).toContain('核对发现不一致：customers');
  });
});

describe('progress of a long apply', () => {
  it('the sync status shows the apply phase with segment counts while a round runs, and nothing after', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    await o.sync(a);
    await o.sync(b);
    for (let i = 0; i < 300; i++) await a.rt.invoke('customers.create', { code: `P${i}`, name: `客户${i}` });
    const ra = await o.sync(a);
    const before = (sqliteOf(b).prepare(`SELECT coalesce(max(seq), 0) AS s FROM sync_cursors WHERE device = ?`).get(ra.device) as { s: number }).s;
    const segments = fs.readdirSync(path.join(o.shareDir, 'log', ra.device)).length - before;
    const seen: SyncProgressView[] = [];
    const views: SyncStatusView[] = [];
    const watching: ShareFs = {
      ...o.share,
      async read(file) {
        const p = progressOf(sqliteOf(b));
        if (p) seen.push(p);
        if (p && views.length === 0) views.push(await syncStatusView(b.rt.context()));
        return o.share.read(file);
      },
    };
    await o.sync(b, watching);
    const applying = seen.filter((p) => p.phase === 'apply');
    expect(applying.length).toBeGreaterThan(2);
    // Counts only grow, and the total is the number of A's segments not yet applied here.
    expect(applying.map((p) => p.done)).toEqual([...applying.map((p) => p.done)].sort((x, y) => x - y));
    expect(applying.at(-1)!.total).toBe(segments);
    expect(applying.at(-1)!.done).toBeGreaterThan(1);
    expect(views[0].progress).toMatchObject({ phase: 'apply', total: segments });
    expect(views[0].state).toBe('syncing');
    expect((await syncStatusView(b.rt.context())).progress).toBeNull();
  });
});
