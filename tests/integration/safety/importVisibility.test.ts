/**
 * Issue 11 point 3, what a running chunked import looks like to everyone
 * else. Another process imports; this one reads as often as it can, each
 * time on one snapshot, and checks:
 *  - no customer is ever seen half-imported: per customer, either none or
 *    all of its rows of the file, and its summary row, allocations and day
 *    totals agree with its documents (plain SQL sums written here);
 *  - the progress every result carries (`importInProgress`) is exact: the
 *    rows written are the rows visible, the total is the file's;
 *  - reads in the middle of the import did happen (some customers in, some
 *    not), so the checks above were not only made before or after it;
 *  - then kill -9 of the importer, and the next start leaves nothing of the
 *    batch, no flag, and consistent books.
 */
import { describe, expect, it } from 'vitest';
import type { PostResult } from '../../../shared/api/ledger';
import type { ImportInProgress } from '../../../shared/api/importProgress';
import { AppRuntime } from '../../../electron/api/runtime';
import { runCli } from '../../../electron/cli/main';
import type { Sqlite } from '../../../db/query';
import { tempRuntime } from '../../helpers/tempRuntime';
import { importCustomers, startChildImport, writeInvoiceCsv } from './importSetup';

const CUSTOMERS = 150;
const ROWS = 9_000;
const TAG = 'VIS';

interface Seen {
  /** Customers with all their rows, with none. */
  whole: number;
  none: number;
  /** Problems: a customer partly in, or derived data disagreeing with its documents. */
  problems: string[];
  visibleRows: number;
  written: number | null;
  total: number | null;
}

/** One look at the database, on one read snapshot (what any report would see at that moment). */
function look(db: Sqlite, perCustomer: ReadonlyMap<string, number>): Seen {
  return db
    .transaction((): Seen => {
      const counts = db
        .prepare(`SELECT c.code, count(d.id) AS n FROM customers c LEFT JOIN ar_documents d ON d.customer_id = c.id AND d.doc_no LIKE '${TAG}-%'
          GROUP BY c.id`)
        .all() as { code: string; n: number }[];
      const seen: Seen = { whole: 0, none: 0, problems: [], visibleRows: 0, written: null, total: null };
      for (const { code, n } of counts) {
        const expected = perCustomer.get(code) ?? 0;
        seen.visibleRows += n;
        if (expected === 0) continue;
        if (n === 0) seen.none++;
        else if (n === expected) seen.whole++;
        else seen.problems.push(`${code}: ${n} of ${expected} rows`);
      }
      const derived = db
        .prepare(
          `WITH sums AS (
             SELECT customer_id, count(*) AS n, sum(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) AS balance,
               sum(CASE WHEN side = 'debit' AND kind <> 'void' THEN open_fen ELSE 0 END) AS open
             FROM ar_documents GROUP BY customer_id)
           SELECT s.customer_id || ': summary row' AS p FROM sums s LEFT JOIN ar_customer_state c ON c.customer_id = s.customer_id
           WHERE c.customer_id IS NULL OR c.doc_count <> s.n OR c.balance_fen <> s.balance OR c.open_debit_fen <> s.open
           UNION ALL
           SELECT d.id || ': allocations + open <> amount' FROM ar_documents d JOIN ar_allocations a ON a.debit_id = d.id
           WHERE d.kind <> 'void' GROUP BY d.id HAVING sum(a.amount_fen) + max(d.open_fen) <> max(d.amount_fen)
           UNION ALL
           SELECT t.doc_date || ': day totals' FROM ar_day_totals t LEFT JOIN (
             SELECT doc_date, sum(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) AS net, count(*) AS n
             FROM ar_documents GROUP BY doc_date) d ON d.doc_date = t.doc_date
           WHERE t.net_fen <> coalesce(d.net, 0) OR t.doc_count <> coalesce(d.n, 0)`,
        )
        .all() as { p: string }[];
      seen.problems.push(...derived.map((r) => r.p));
      const progress = db
        .prepare(`SELECT c.rows_written AS written, b.rows AS total FROM import_batches b JOIN import_commits c ON c.batch_id = b.id WHERE b.status = 'committing'`)
        .get() as { written: number; total: number } | undefined;
      seen.written = progress?.written ?? null;
      seen.total = progress?.total ?? null;
      return seen;
    })
    .deferred();
}

describe('a running chunked import, seen from another process', () => {
  it('shows whole customers only, says so on every result with exact progress, and kill -9 leaves nothing', async () => {
    const t = await tempRuntime();
    try {
      const codes = await importCustomers(t, CUSTOMERS);
      // Prepayments for some customers: the import's invoices get allocations (derived rows that change with them).
      for (const code of codes.slice(0, 30)) {
        const id = (t.rt.database().sqlite.prepare(`SELECT id FROM customers WHERE code = ?`).get(code) as { id: string }).id;
        await t.rt.invoke<PostResult>('ledger.postReceipt', { customerId: id, date: '2026-09-30', amountFen: 80_000 });
      }
      const perCustomer = new Map<string, number>();
      for (let i = 0; i < ROWS; i++) perCustomer.set(codes[i % codes.length], (perCustomer.get(codes[i % codes.length]) ?? 0) + 1);
      const csv = writeInvoiceCsv(t.dir, codes, ROWS, TAG);
      const db = t.rt.database().sqlite;

      // Many short chunks with real pauses, so that many looks land in the middle whatever the machine's speed.
      const child = startChildImport(t.dbFile, csv, { chunkMs: 40, gapMs: 60, idleGapMs: 60 });
      await child.started;
      let exited = false;
      void child.exited.then(() => (exited = true));
      let looks = 0;
      let midway = 0;
      let flagged = 0;
      let killedMidway = false;
      let cliErr: string[] | null = null;
      let cliOut: string[] = [];
      while (!exited) {
        const seen = look(db, perCustomer);
        looks++;
        expect(seen.problems, `look ${looks}`).toEqual([]);
        if (seen.written !== null) {
          // The progress is exactly what is visible (both committed in the same transactions).
          expect(seen.written).toBe(seen.visibleRows);
          expect(seen.total).toBe(ROWS);
        }
        // Every API result while the batch is committing carries the flag with the same figures.
        const r = await t.rt.call('ledger.documents', {});
        const after = look(db, perCustomer);
        if (r.ok && seen.written !== null && after.written !== null) {
          const flag = r.importInProgress as ImportInProgress | undefined;
          expect(flag, 'result flagged while the import runs').toBeDefined();
          expect(flag!.total).toBe(ROWS);
          expect(flag!.written).toBeGreaterThanOrEqual(seen.written);
          expect(flag!.written).toBeLessThanOrEqual(after.written);
          flagged++;
        }
        if (seen.whole > 0 && seen.none > 0) midway++;
        // The command line says it on stderr; its --json output on stdout stays parseable.
        // At the first look in the middle: a loaded machine may give only a few such looks.
        if (midway >= 1 && cliErr === null) {
          cliErr = [];
          const err = cliErr;
          cliOut = [];
          const out = cliOut;
          await runCli(['aging', '--db', t.dbFile, '--json'], { out: (x) => out.push(x), err: (x) => err.push(x) });
        }
        // After enough looks in the middle, kill the importer where it stands.
        if (midway >= 2 && seen.whole > CUSTOMERS / 3) {
          child.kill();
          killedMidway = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await child.exited;
      console.log(`looks ${looks}, midway ${midway}, flagged results ${flagged}, killed midway ${killedMidway}`);
      expect(midway).toBeGreaterThan(0);
      expect(flagged).toBeGreaterThan(0);
      expect(cliErr!.join('\n')).toMatch(new RegExp(`导入进行中：已写入 \\d+ / ${ROWS} 行，结果暂未包含全部导入数据`));
      expect(() => JSON.parse(cliOut.join('\n'))).not.toThrow();
      // The last chunk may commit between the look that decided the kill and the kill itself: the batch row says which.
      const batch = db.prepare(`SELECT status FROM import_batches ORDER BY created_at DESC LIMIT 1`).get() as { status: string } | undefined;
      const doneBeforeKill = batch?.status === 'done';
      t.rt.close();

      // The next start removes what the killed import wrote (or, had it finished, keeps it all).
      const rt = await AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'after', device: 'test' } });
      try {
        const seen = look(rt.database().sqlite, perCustomer);
        expect(seen.problems).toEqual([]);
        expect([0, ROWS]).toContain(seen.visibleRows);
        expect(seen.visibleRows).toBe(killedMidway && !doneBeforeKill ? 0 : ROWS);
        const r = await rt.call('imports.status', {});
        expect(r.ok && r.data).toBeNull();
        expect(r.ok && r.importInProgress).toBeUndefined();
      } finally {
        rt.close();
      }
    } finally {
      t.cleanup();
    }
  }, 180_000);
});
