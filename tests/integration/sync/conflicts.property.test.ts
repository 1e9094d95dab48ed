/**
 * Sync conflicts converge (issue 12 point 4): 3 PCs (CONFLICT_PROPERTY_REPLICAS)
 * create the same customer codes and names, type the same document numbers,
 * void the same invoices and merge duplicates, each at random and offline,
 * syncing at random. After everyone syncs until nothing moves:
 *
 * - every PC holds identical rows in every synced table and identical
 *   allocations (nothing was refused: no sync_rejects anywhere);
 * - every PC lists the identical conflicts;
 * - every document was voided by at most one void that counts, and each
 *   customer's balance equals an independent sum: the live debits minus the
 *   live credits, where a document with any void is gone exactly once.
 *
 * CI: CONFLICT_PROPERTY_RUNS (default 3) runs; raise it for a deep run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppRuntime } from '../../../electron/api/runtime';
import { syncRound } from '../../../electron/services/sync/engine';
import { fsShare } from '../../../electron/services/sync/share';
import { fixedClock } from '../../../shared/dates/clock';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { SyncConflictItem } from '../../../shared/api/sync';
import { dump } from './helpers';

const RUNS = Number(process.env.CONFLICT_PROPERTY_RUNS ?? 3);
const REPLICAS = Number(process.env.CONFLICT_PROPERTY_REPLICAS ?? 3);

let root: string;
let template: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-conflict-prop-'));
  template = path.join(root, 'template.db');
  const rt = await AppRuntime.start({ dbFile: template, actor: { user: 't', device: 't' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  rt.close();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Op =
  | { t: 'customer'; r: number; code: number; name: number }
  | { t: 'invoice'; r: number; no: number; amount: number }
  | { t: 'void'; r: number; d: number; day: number }
  | { t: 'merge'; r: number }
  | { t: 'sync'; r: number };

const opArb = (n: number): fc.Arbitrary<Op> => {
  const r = fc.nat({ max: n - 1 });
  return fc.oneof(
    fc.record({ t: fc.constant('customer' as const), r, code: fc.nat({ max: 2 }), name: fc.nat({ max: 2 }) }),
    fc.record({ t: fc.constant('invoice' as const), r, no: fc.nat({ max: 3 }), amount: fc.integer({ min: 1, max: 50_000 }) }),
    fc.record({ t: fc.constant('void' as const), r, d: fc.nat({ max: 20 }), day: fc.integer({ min: 10, max: 23 }) }),
    fc.record({ t: fc.constant('merge' as const), r }),
    fc.record({ t: fc.constant('sync' as const), r }),
  );
};

interface Rep {
  i: number;
  rt: AppRuntime;
  dbFile: string;
}

const all = <T>(rep: Rep, text: string, ...args: unknown[]): T[] => rep.rt.database().sqlite.prepare(text).all(...args) as T[];

/** The oracle: per customer, debits minus credits of the non-void documents that no void reverses (one void or two alike). */
function expectedBalances(rep: Rep): Record<string, number> {
  const docs = all<{ id: string; customer_id: string; kind: string; side: string; amount_fen: number; voids_id: string | null }>(
    rep,
    `SELECT id, customer_id, kind, side, amount_fen, voids_id FROM ar_documents`,
  );
  const voided = new Set(docs.filter((d) => d.kind === 'void').map((d) => d.voids_id));
  const out: Record<string, number> = {};
  for (const d of docs) {
    if (d.kind === 'void' || voided.has(d.id)) continue;
    out[d.customer_id] = (out[d.customer_id] ?? 0) + (d.side === 'debit' ? d.amount_fen : -d.amount_fen);
  }
  return out;
}

async function scenario(ops: Op[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(root, 'run-'));
  const share = fsShare(path.join(dir, 'share'));
  fs.mkdirSync(path.join(dir, 'share'));
  const reps: Rep[] = [];
  for (let i = 0; i < REPLICAS; i++) {
    const dbFile = path.join(dir, `r${i}.db`);
    fs.copyFileSync(template, dbFile);
    const rt = await AppRuntime.start({ dbFile, dataDir: path.join(dir, `d${i}`), actor: { user: `u${i}`, device: `pc${i}` }, clock: fixedClock('2026-11-24T02:00:00Z') });
    reps.push({ i, rt, dbFile });
  }
  const round = (rep: Rep) => syncRound(rep.rt.context(), { share, dbFile: rep.dbFile, name: `pc${rep.i}`, pause: async () => {} });
  try {
    // One customer everyone knows, so invoices and voids have something to work on.
    const base = await reps[0].rt.invoke<CustomerDetail>('customers.create', { code: 'BASE', name: '基准客户有限公司' });
    for (const rep of reps) await round(rep);
    for (const rep of reps) await round(rep);
    for (const op of ops) {
      const rep = reps[op.r];
      if (op.t === 'sync') await round(rep);
      else if (op.t === 'customer') {
        // Refused when this PC already has the code or name: only another PC can make the duplicate.
        await rep.rt.call('customers.create', { code: `D00${op.code}`, name: `重复客户${op.name}有限公司` });
      } else if (op.t === 'invoice') {
        await rep.rt.call('ledger.postInvoice', { customerId: base.id, date: '2026-11-05', dueOn: '2026-12-05', amountFen: op.amount, docNo: `FP-${op.no}` });
      } else if (op.t === 'void') {
        const invoices = all<{ id: string }>(rep, `SELECT id FROM ar_documents WHERE kind = 'invoice' ORDER BY id`);
        if (invoices.length) {
          const docId = invoices[op.d % invoices.length].id;
          await rep.rt.call('ledger.void', { docId, date: `2026-11-${op.day}`, reason: `pc${op.r} 冲销` });
        }
      } else {
        // Merge the later of two same-code customers into the earlier (every PC picks the same direction).
        const dup = all<{ a: string; b: string }>(
          rep,
          `SELECT min(id) AS a, max(id) AS b FROM customers WHERE merged_into IS NULL GROUP BY upper(code) HAVING count(*) > 1 ORDER BY 1 LIMIT 1`,
        )[0];
        if (dup) await rep.rt.call('sync.mergeCustomer', { fromId: dup.b, intoId: dup.a });
      }
    }
    // Healing: rounds until nothing moves.
    let quiet = 0;
    for (let i = 0; i < 12 * REPLICAS && quiet < REPLICAS; i++) {
      const rep = reps[i % REPLICAS];
      const r = await round(rep);
      expect(r.errors).toEqual([]);
      quiet = r.published + r.applied === 0 ? quiet + 1 : 0;
    }
    expect(quiet).toBe(REPLICAS);

    const first = dump(reps[0]);
    const firstConflicts = await reps[0].rt.invoke<SyncConflictItem[]>('sync.conflicts', {});
    for (const rep of reps) {
      expect(all(rep, `SELECT * FROM sync_rejects`)).toEqual([]);
      expect(dump(rep)).toEqual(first);
      expect(await rep.rt.invoke<SyncConflictItem[]>('sync.conflicts', {})).toEqual(firstConflicts);
      // At most one void per document counts: every other one is itself voided.
      const counting = all<{ n: number }>(
        rep,
        `SELECT count(*) AS n FROM ar_documents v JOIN ar_documents o ON o.id = v.voids_id
         WHERE v.kind = 'void' AND o.kind <> 'void' AND NOT EXISTS (SELECT 1 FROM ar_documents x WHERE x.voids_id = v.id)
         GROUP BY v.voids_id HAVING count(*) > 1`,
      );
      expect(counting).toEqual([]);
      const stored = Object.fromEntries(
        all<{ customer_id: string; balance_fen: number }>(rep, `SELECT customer_id, balance_fen FROM ar_customer_state WHERE balance_fen <> 0`).map((r) => [
          r.customer_id,
          r.balance_fen,
        ]),
      );
      const oracle = Object.fromEntries(Object.entries(expectedBalances(rep)).filter(([, v]) => v !== 0));
      expect(stored).toEqual(oracle);
    }
  } finally {
    for (const rep of reps) rep.rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it(
  `${REPLICAS} PCs creating duplicates, voiding the same documents and merging converge to the same data and conflicts`,
  async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb(REPLICAS), { minLength: 8, maxLength: 24 }), (ops) => scenario(ops)), {
      numRuns: RUNS,
      endOnFailure: true,
    });
  },
  30_000 + RUNS * 20_000,
);
