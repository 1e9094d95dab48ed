/**
 * Convergence (issue 12, tests): 3 replicas (SYNC_PROPERTY_REPLICAS for up
 * to 5), each a real database with its clock skewed by hours, doing random
 * work (customers created with automatic codes and edited field by field,
 * invoices and receipts with automatic numbers, back-dated entries, voids),
 * syncing at random through a share that injects faults (lock errors, stale
 * listings and so gaps, half-written files, corrupted reads, offline
 * periods), and now and then restored from an old backup. Then the faults
 * stop and everyone syncs until nothing moves; the checks:
 *
 * - every replica holds identical rows in every synced table and identical
 *   allocations; the stored allocations equal a fresh replay of the docs;
 * - every document that reached the share appears exactly once everywhere;
 * - every customer field holds the write with the newest stamp;
 * - a further round changes nothing, and a new empty PC joining gets the same.
 *
 * CI: SYNC_PROPERTY_RUNS (default 4) runs; raise it for a deep run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppRuntime } from '../../../electron/api/runtime';
import { syncRound, SyncUnavailableError } from '../../../electron/services/sync/engine';
import { fsShare } from '../../../electron/services/sync/share';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { setSyncWallClock } from '../../../db/sync/capture';
import { replay } from '../../../shared/receivables/replay';
import { fixedClock } from '../../../shared/dates/clock';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import { faultyShare, NO_FAULTS, type FaultyShare } from '../../helpers/faultyShare';
import { dump } from './helpers';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 4);
const REPLICAS = Number(process.env.SYNC_PROPERTY_REPLICAS ?? 3);
const HOUR = 3_600_000;

let root: string;
let template: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sync-prop-'));
  template = path.join(root, 'template.db');
  const rt = await AppRuntime.start({ dbFile: template, actor: { user: 't', device: 't' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  rt.close();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Op =
  | { t: 'customer'; r: number }
  | { t: 'edit'; r: number; c: number; field: 'address' | 'notes' | 'creditLimitFen' | 'salesperson'; v: number }
  | { t: 'invoice'; r: number; c: number; day: number; amount: number }
  | { t: 'receipt'; r: number; c: number; day: number; amount: number }
  | { t: 'void'; r: number; d: number }
  | { t: 'sync'; r: number; faults: boolean }
  | { t: 'offline'; on: boolean }
  | { t: 'backup'; r: number }
  | { t: 'restore'; r: number };

const opArb = (n: number): fc.Arbitrary<Op> => {
  const r = fc.integer({ min: 0, max: n - 1 });
  const idx = fc.nat(50);
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ t: fc.constant('customer' as const), r }) },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        r,
        c: idx,
        field: fc.constantFrom('address' as const, 'notes' as const, 'creditLimitFen' as const, 'salesperson' as const),
        v: fc.nat(999),
      }),
    },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('invoice' as const), r, c: idx, day: fc.integer({ min: 1, max: 60 }), amount: fc.integer({ min: 1, max: 50_000 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('receipt' as const), r, c: idx, day: fc.integer({ min: 1, max: 60 }), amount: fc.integer({ min: 1, max: 50_000 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), r, d: idx }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), r, faults: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('backup' as const), r }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), r }) },
  );
};

interface Rep {
  i: number;
  dbFile: string;
  rt: AppRuntime;
  skew: number;
  backup: string | null;
  /** Documents this replica posted itself (only the poster voids: one void per document). */
  ownDocs: string[];
  /** Every document this replica wrote (voids too): what a restore may lose if it was not published. */
  created: string[];
}

/** A field write with its stamp, so the newest one can be named without the code under test. */
interface Write {
  customer: string;
  col: string;
  value: unknown;
  hlc: string;
  rep: number;
}

const dayDate = (d: number): string => new Date(Date.UTC(2026, 8, d)).toISOString().slice(0, 10);
const FIELD_COL = { address: 'address', notes: 'notes', creditLimitFen: 'credit_limit_fen', salesperson: 'salesperson' } as const;

async function openRep(rep: Omit<Rep, 'rt'> & { rt?: AppRuntime }): Promise<Rep> {
  const rt = await AppRuntime.start({ dbFile: rep.dbFile, dataDir: `${rep.dbFile}.files`, actor: { user: `r${rep.i}`, device: `pc${rep.i}` }, clock: fixedClock('2026-11-24T02:00:00Z') });
  setSyncWallClock(rt.database().sqlite, () => Date.now() + rep.skew);
  return { ...rep, rt };
}

/** Every published change of this replica (its outbox rows that went out in a written segment). */
function publishedKeys(rep: Rep, tbl: string, col: string): Set<string> {
  const rows = rep.rt
    .database()
    .sqlite.prepare(
      `SELECT c.pk AS pk, c.hlc AS hlc FROM sync_changes c JOIN sync_segments s ON c.id BETWEEN s.first_change AND s.last_change AND s.file IS NOT NULL WHERE c.tbl = ? AND c.col = ?`,
    )
    .all(tbl, col) as { pk: string; hlc: string }[];
  return new Set(rows.map((r) => `${r.pk}|${r.hlc}`));
}

async function scenario(ops: Op[], seed: number, skews: number[]): Promise<void> {
  if (process.env.SYNC_DEBUG) console.log('RUN');
  const dir = fs.mkdtempSync(path.join(root, 'run-'));
  const shareDir = path.join(dir, 'share');
  fs.mkdirSync(shareDir);
  const share: FaultyShare = faultyShare(fsShare(shareDir), seed);
  const reps: Rep[] = [];
  for (let i = 0; i < REPLICAS; i++) {
    const dbFile = path.join(dir, `r${i}.db`);
    fs.copyFileSync(template, dbFile);
    reps.push(await openRep({ i, dbFile, skew: skews[i] ?? 0, backup: null, ownDocs: [], created: [] }));
  }
  const writes: Write[] = [];
  const lostWrites = new Set<string>();
  const docs = new Set<string>();
  const lostDocs = new Set<string>();
  const customersOf = (rep: Rep) =>
    (rep.rt.database().sqlite.prepare(`SELECT id FROM customers ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const round = async (rep: Rep, faulty: boolean) => {
    share.faults = faulty ? { ...share.faults, lock: 0.15, stale: 0.3, halfWrite: 0.1, corrupt: 0.1 } : { ...NO_FAULTS, offline: share.faults.offline };
    try {
      return await syncRound(rep.rt.context(), { share, dbFile: rep.dbFile, name: `pc${rep.i}`, pause: async () => {} });
    } catch (e) {
      // Offline, a failed write or read: the round stops, nothing half-applied; the next round repairs.
      if (e instanceof SyncUnavailableError || (e as NodeJS.ErrnoException).code) return null;
      throw e;
    }
  };

  try {
    // Every replica joins once before the random work, so the series letters exist.
    for (const rep of reps) expect(await round(rep, false)).not.toBeNull();
    for (const op of ops) {
      if (op.t === 'offline') {
        share.faults.offline = op.on;
        continue;
      }
      const rep = reps[op.r];
      if (process.env.SYNC_DEBUG) console.log('op', JSON.stringify(op));
      const call = <T>(m: string, input: unknown) => rep.rt.call(m, input) as Promise<{ ok: true; data: T } | { ok: false }>;
      switch (op.t) {
        case 'customer': {
          const { code } = await rep.rt.invoke<{ code: string }>('customers.nextCode', {});
          const res = await call<CustomerDetail>('customers.create', { code, name: `客户${op.r}-${code}-${docs.size}`, paymentTermDays: 30 });
          expect(res.ok, `customers.create ${code}`).toBe(true);
          break;
        }
        case 'edit': {
          const ids = customersOf(rep);
          if (!ids.length) break;
          const id = ids[op.c % ids.length];
          const value = op.field === 'creditLimitFen' ? (op.v + 1) * 100 : `${op.field}-${op.r}-${op.v}`;
          const res = await call('customers.update', { id, [op.field]: value });
          if (!res.ok) break;
          const col = FIELD_COL[op.field];
          const h = rep.rt.database().sqlite.prepare(`SELECT hlc, val FROM sync_changes WHERE tbl = 'customers' AND pk = ? AND col = ? ORDER BY id DESC LIMIT 1`).get(JSON.stringify([id]), col) as
            | { hlc: string; val: unknown }
            | undefined;
          if (h) writes.push({ customer: id, col, value: h.val, hlc: h.hlc, rep: op.r });
          break;
        }
        case 'invoice':
        case 'receipt': {
          const ids = customersOf(rep);
          if (!ids.length) break;
          const customerId = ids[op.c % ids.length];
          const date = dayDate(op.day);
          const res =
            op.t === 'invoice'
              ? await call<PostResult>('ledger.postInvoice', { customerId, date, dueOn: dayDate(op.day + 30), amountFen: op.amount })
              : await call<PostResult>('ledger.postReceipt', { customerId, date, amountFen: op.amount });
          if (res.ok) {
            if (process.env.SYNC_DEBUG) console.log('doc', res.data.document.id, 'by', op.r, res.data.document.docNo);
            docs.add(res.data.document.id);
            rep.ownDocs.push(res.data.document.id);
            rep.created.push(res.data.document.id);
          }
          break;
        }
        case 'void': {
          if (!rep.ownDocs.length) break;
          const docId = rep.ownDocs[op.d % rep.ownDocs.length];
          const res = await call<PostResult>('ledger.void', { docId, reason: '录入错误' });
          if (res.ok) {
            docs.add(res.data.document.id);
            rep.created.push(res.data.document.id);
          }
          if (res.ok && process.env.SYNC_DEBUG) console.log('doc', res.data.document.id, 'void by', op.r, docId);
          break;
        }
        case 'sync':
          await round(rep, op.faults);
          break;
        case 'backup': {
          rep.backup = path.join(dir, `r${rep.i}-backup-${docs.size}.db`);
          await rep.rt.database().sqlite.backup(rep.backup);
          break;
        }
        case 'restore': {
          if (!rep.backup) break;
          // What this replica never published is lost with the restore; everything published comes back.
          const pubDocs = publishedKeys(rep, 'ar_documents', '*');
          const published = new Set([...pubDocs].map((k) => JSON.parse(k.split('|')[0])[0] as string));
          for (const id of rep.created) if (!published.has(id)) lostDocs.add(id);
          const pubFields = new Set<string>();
          for (const col of Object.values(FIELD_COL)) for (const k of publishedKeys(rep, 'customers', col)) pubFields.add(k.split('|')[1]);
          for (const w of writes) if (w.rep === rep.i && !pubFields.has(w.hlc)) lostWrites.add(w.hlc);
          rep.rt.close();
          for (const ext of ['', '-wal', '-shm']) fs.rmSync(rep.dbFile + ext, { force: true });
          fs.copyFileSync(rep.backup, rep.dbFile);
          const reopened = await openRep({ ...rep, ownDocs: [], created: [] });
          // Documents restored with the backup may be voided again by this replica only if it still has them.
          reopened.ownDocs = rep.ownDocs.filter((id) => reopened.rt.database().sqlite.prepare('SELECT 1 FROM ar_documents WHERE id = ?').get(id));
          reps[rep.i] = reopened;
          break;
        }
      }
    }

    // Healing: faults off (clocks still skewed); sync until a whole pass moves nothing.
    share.faults = { ...NO_FAULTS };
    let quiet = 0;
    for (let pass = 0; pass < 4 * REPLICAS && quiet < 2; pass++) {
      let moved = 0;
      for (const rep of reps) {
        const r = await round(rep, false);
        expect(r, 'a round without faults runs').not.toBeNull();
        moved += r!.applied + r!.published;
        // A clock wrong by hours is reported (and is one of the faults here); nothing else may be.
        const errors = r!.errors.filter((e) => !e.message.includes('时钟'));
        expect(errors, `no errors without faults: ${JSON.stringify(errors)}`).toEqual([]);
      }
      quiet = moved === 0 ? quiet + 1 : 0;
    }
    expect(quiet, 'the replicas settle').toBe(2);

    const rejects = reps.flatMap((rep) => rep.rt.database().sqlite.prepare('SELECT * FROM sync_rejects').all());
    expect(rejects, 'no change refused by the local constraints').toEqual([]);
    const first = dump(reps[0]);
    for (const rep of reps.slice(1)) expect(dump(rep)).toEqual(first);

    // Every document that was not lost with an unpublished restore is there exactly once.
    const stored = first.ar_documents as { id: string; voids_id: string | null }[];
    const ids = stored.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of docs) {
      if (!lostDocs.has(id) && !ids.includes(id) && process.env.SYNC_DEBUG) {
        for (const rep of reps) {
          const sq = rep.rt.database().sqlite;
          console.log('MISSING', id, 'rep', rep.i, 'changes', JSON.stringify(sq.prepare(`SELECT c.id, s.device, s.seq, s.file FROM sync_changes c LEFT JOIN sync_segments s ON c.id BETWEEN s.first_change AND s.last_change WHERE c.pk = ?`).all(JSON.stringify([id]))), 'cursors', JSON.stringify(sq.prepare('SELECT device, seq FROM sync_cursors').all()), 'segs', JSON.stringify(sq.prepare('SELECT device, seq, file FROM sync_segments').all()));
        }
        console.log('MISSING share', JSON.stringify(fs.readdirSync(path.join(shareDir, 'log')).map((d) => [d, fs.readdirSync(path.join(shareDir, 'log', d))])));
      }
      if (!lostDocs.has(id)) expect(ids, `document ${id}`).toContain(id);
    }
    // A void of a lost original cannot be there either; every stored void names a stored original.
    for (const d of stored) if (d.voids_id) expect(ids).toContain(d.voids_id);

    // Every field holds the newest surviving write.
    const customers = new Map((first.customers as Record<string, unknown>[]).map((c) => [c.id as string, c]));
    const newest = new Map<string, Write>();
    for (const w of writes) {
      if (lostWrites.has(w.hlc)) continue;
      const k = `${w.customer}|${w.col}`;
      if (!newest.has(k) || newest.get(k)!.hlc < w.hlc) newest.set(k, w);
    }
    for (const [k, w] of newest) {
      const row = customers.get(w.customer);
      if (!row) continue;
      const winner = reps[0].rt.database().sqlite.prepare(`SELECT hlc FROM sync_winners WHERE tbl = 'customers' AND pk = ? AND col = ?`).get(JSON.stringify([w.customer]), w.col) as { hlc: string };
      // A newer write may only come from outside the recorded ones (none here) — so the recorded newest must win.
      expect(winner.hlc >= w.hlc, k).toBe(true);
      if (winner.hlc === w.hlc) expect(row[w.col], k).toEqual(w.value);
    }

    // Allocations equal a fresh replay of each customer's documents.
    const ctx = reps[0].rt.context();
    const alloc = (first.ar_allocations as { credit_id: string; debit_id: string; explicit: number; amount_fen: number; allocated_on: string }[]).map(
      (a) => `${a.credit_id}|${a.debit_id}|${a.explicit}|${a.amount_fen}|${a.allocated_on}`,
    );
    const fresh: string[] = [];
    for (const id of customers.keys()) {
      for (const a of replay(loadCustomerDocs(ctx, id), null).allocations) fresh.push(`${a.creditId}|${a.debitId}|${a.explicit ? 1 : 0}|${a.amountFen}|${a.allocatedOn}`);
    }
    expect(alloc.sort()).toEqual(fresh.sort());

    // A further round changes nothing; a new PC joining from the share holds the same books.
    for (const rep of reps) {
      const r = await round(rep, false);
      expect([r!.applied, r!.published]).toEqual([0, 0]);
    }
    const joinerFile = path.join(dir, 'joiner.db');
    fs.copyFileSync(template, joinerFile);
    const joiner = await openRep({ i: 9, dbFile: joinerFile, skew: 0, backup: null, ownDocs: [], created: [] });
    reps.push(joiner);
    await round(joiner, false);
    const joined = dump(joiner);
    for (const t of Object.keys(first)) if (t !== 'settings' && t !== 'audit_log') expect(joined[t], t).toEqual(first[t]);
  } finally {
    for (const rep of reps) rep.rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it(
  `${REPLICAS} replicas with skewed clocks and a faulty share converge`,
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb(REPLICAS), { minLength: 20, maxLength: 60 }),
        fc.nat(),
        fc.array(fc.integer({ min: -5 * HOUR, max: 5 * HOUR }), { minLength: REPLICAS, maxLength: REPLICAS }),
        (ops, seed, skews) => scenario(ops, seed, skews),
      ),
      {
        numRuns: RUNS,
        endOnFailure: true,
        // Replays a reported failure: SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_PATH=<path>.
        ...(process.env.SYNC_PROPERTY_SEED ? { seed: Number(process.env.SYNC_PROPERTY_SEED), path: process.env.SYNC_PROPERTY_PATH } : {}),
      },
    );
  },
  60_000 + RUNS * 20_000,
);
