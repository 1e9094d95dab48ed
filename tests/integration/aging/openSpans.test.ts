/**
 * The open spans (ar_open_spans, issue 17) are derived data kept by every
 * write; these properties check them against what they must equal, on random
 * histories posted through the real API — back-dated entries, voids crossing
 * the as-of dates, imports of invoices and receipts, and undone imports:
 *  1. the stored spans = a fresh derivation from the ledger, both by the
 *     engine (replay → spans) and by the migration's SQL over the stored
 *     allocations (the rebuild an existing database gets); the stored
 *     void-window spans (migration 0025) = a fresh derivation by the engine
 *     and = the migration's fill (a history posted on top of a refill, one
 *     digest nulled as "in doubt", must still match);
 *     and the dashboard's per-day totals = the sums over the documents;
 *  2. every fast "as of D" reader = the obviously correct replay as of D:
 *     the aging report (both bases) and the alerts' overdue and balance
 *     figures, for every customer, at random dates and at dates inside the
 *     void windows (where the report reads the window spans).
 * The report's rows also carry each customer's current facts (kept between
 * reports by customerFactsCache.ts; a customer is renamed after the report
 * first read them).
 * OPEN_SPANS_RUNS sets the number of histories (deep runs: e.g. 200).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { FILL_OPEN_SPANS_SQL } from '../../../db/migrations/0014_a_open_spans';
import { fillVoidWindowSpans } from '../../../db/migrations/0025_void_window_spans';
import { voidWindowDigest } from '../../../db/voidWindowDigest';
import type { AlertList } from '../../../shared/api/alerts';
import type { ImportCommitResult } from '../../../shared/api/imports';
import { agingOf, DEFAULT_DUE_BUCKETS, type AgingBasis } from '../../../shared/receivables/aging';
import { openSpansOf } from '../../../shared/receivables/openSpans';
import { replay } from '../../../shared/receivables/replay';
import { voidWindowSpansOf, voidWindowsOf } from '../../../shared/receivables/voidWindows';
import { addDays } from '../../../shared/dates/calendar';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { report, TODAY } from './helpers';
import { CUSTOMER_SETUP, dayDate, historyArb, LAST_DAY, postHistory, postOps } from './randomHistory';

const RUNS = Number(process.env.OPEN_SPANS_RUNS ?? 6);

interface SpanRow {
  customer_id: string;
  doc_id: string;
  from_on: string;
  until_on: string;
  side: string;
  due_on: string | null;
  doc_date: string;
  open_fen: number;
}

const SPANS_SQL = `SELECT customer_id, doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ar_open_spans ORDER BY customer_id, doc_id, from_on`;
const sqlite = (t: TempRuntime) => t.rt.database().sqlite;
const DAY_TOTALS_SQL = `SELECT doc_date, net_fen, invoiced_fen, received_fen, doc_count FROM ar_day_totals WHERE doc_count > 0 ORDER BY doc_date`;
const DAY_SUMS_SQL = `SELECT doc_date, SUM(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) AS net_fen,
    SUM(CASE WHEN kind = 'invoice' THEN amount_fen ELSE 0 END) AS invoiced_fen, SUM(CASE WHEN kind = 'receipt' THEN amount_fen ELSE 0 END) AS received_fen,
    count(*) AS doc_count FROM ar_documents GROUP BY doc_date ORDER BY doc_date`;
const storedSpans = (t: TempRuntime, table = 'ar_open_spans') => sqlite(t).prepare(SPANS_SQL.replace('ar_open_spans', table)).all() as SpanRow[];

/** The engine's spans (or void-window spans) of every customer, from the stored documents. */
function engineSpans(t: TempRuntime, ids: readonly string[], windows = false): SpanRow[] {
  const ctx = t.rt.context();
  const rows: SpanRow[] = [];
  for (const customerId of ids) {
    const docs = loadCustomerDocs(ctx, customerId);
    for (const s of windows ? voidWindowSpansOf(docs) : openSpansOf(docs, replay(docs, null))) {
      rows.push({ customer_id: customerId, doc_id: s.docId, from_on: s.fromOn, until_on: s.untilOn, side: s.side, due_on: s.dueOn, doc_date: s.docDate, open_fen: s.openFen });
    }
  }
  const key = (r: SpanRow) => `${r.customer_id}\u0000${r.doc_id}\u0000${r.from_on}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What the migration's SQL rebuilds from the stored allocations (run in a transaction that is rolled back). */
function rebuiltSpans(t: TempRuntime): SpanRow[] {
  const db = sqlite(t);
  db.exec('SAVEPOINT rebuild');
  try {
    db.exec('DELETE FROM ar_open_spans');
    db.exec(FILL_OPEN_SPANS_SQL);
    return db.prepare(SPANS_SQL).all() as SpanRow[];
  } finally {
    db.exec('ROLLBACK TO rebuild');
    db.exec('RELEASE rebuild');
  }
}

/** Empties the window tables and fills them as migration 0025 does. */
async function refillWindowSpans(t: TempRuntime): Promise<void> {
  const db = sqlite(t);
  db.exec('DELETE FROM ar_void_window_spans; DELETE FROM ar_void_window_inputs');
  await fillVoidWindowSpans(new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }));
}

/** What migration 0025 fills in from the documents (rolled back). */
async function refilledWindowSpans(t: TempRuntime): Promise<SpanRow[]> {
  const db = sqlite(t);
  db.exec('SAVEPOINT refill');
  try {
    await refillWindowSpans(t);
    return storedSpans(t, 'ar_void_window_spans');
  } finally {
    db.exec('ROLLBACK TO refill');
    db.exec('RELEASE refill');
  }
}

/** Dates inside every customer's void windows: the first and the last day of each. */
function windowDates(t: TempRuntime, ids: readonly string[]): string[] {
  const ctx = t.rt.context();
  return ids.flatMap((id) => voidWindowsOf(loadCustomerDocs(ctx, id)).flatMap((w) => [w.fromOn, addDays(w.untilOn, -1)]));
}

const csv = (lines: string[]) => ({ fileName: 'x.csv', dataBase64: Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64') });

/** An import of invoices and one of receipts (back-dated, for random customers); some batches undone afterwards. */
const importArb = fc.array(
  fc.record({
    kind: fc.constantFrom('invoices', 'receipts'),
    rows: fc.array(fc.record({ customer: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 430 }), yuan: fc.integer({ min: 1, max: 3_000 }) }), { minLength: 1, maxLength: 4 }),
    undo: fc.boolean(),
  }),
  { maxLength: 3 },
);

async function runImports(t: TempRuntime, imports: readonly { kind: string; rows: { customer: number; day: number; yuan: number }[]; undo: boolean }[], tag: number): Promise<void> {
  let n = 0;
  for (const imp of imports) {
    const lines =
      imp.kind === 'invoices'
        ? ['单号,客户编码,日期,金额', ...imp.rows.map((r) => `IMP${tag}-${n++},${CUSTOMER_SETUP[r.customer].code},${dayDate(r.day)},${r.yuan}`)]
        : ['单号,客户编码,日期,金额', ...imp.rows.map((r) => `IMR${tag}-${n++},${CUSTOMER_SETUP[r.customer].code},${dayDate(r.day)},${r.yuan}`)];
    const r = await t.rt.invoke<ImportCommitResult>('imports.commit', { kind: imp.kind, ...csv(lines) });
    if (imp.undo) await t.rt.invoke('imports.undo', { batchId: r.batch.id, reason: '测试撤销' });
  }
}

describe('open spans', () => {
  it('always equal a fresh derivation, and every as-of reader equals the replay', async () => {
    let tag = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, importArb, historyArb, fc.array(fc.integer({ min: -5, max: LAST_DAY + 5 }), { minLength: 3, maxLength: 6 }), async (before, imports, after, days) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, before);
          // The report keeps the customer facts from here on (customerFactsCache.ts); the edits below must reach it.
          await report(t);
          await runImports(t, imports, tag++);
          // An upgraded database: the window spans as migration 0025 leaves them; one customer's digest "in doubt".
          await refillWindowSpans(t);
          sqlite(t).exec(`UPDATE ar_void_window_inputs SET digest = NULL WHERE customer_id = (SELECT min(customer_id) FROM ar_void_window_inputs)`);
          // More postings after the imports, back-dated among them, voids included.
          await postOps(t, ids, after);
          await t.rt.invoke('customers.update', { id: ids[0], name: `改名客户${tag}有限公司`, region: `区域${tag}` });

          const stored = storedSpans(t);
          expect(stored, 'stored = engine').toEqual(engineSpans(t, ids));
          expect(rebuiltSpans(t), 'stored = migration SQL rebuild').toEqual(stored);
          const windowSpans = storedSpans(t, 'ar_void_window_spans');
          expect(windowSpans, 'stored window spans = engine').toEqual(engineSpans(t, ids, true));
          expect(await refilledWindowSpans(t), 'stored window spans = migration 0025 fill').toEqual(windowSpans);
          // Each customer with windows has the digest of its current documents, or null when still in doubt
          // (the one nulled above, unless a later posting re-derived it); the others have none.
          const digests = ids.flatMap((id) => {
            const docs = loadCustomerDocs(t.rt.context(), id);
            const windows = voidWindowsOf(docs);
            return windows.length > 0 ? [{ customer_id: id, digest: voidWindowDigest(docs, windows) }] : [];
          });
          const storedDigests = sqlite(t).prepare(`SELECT customer_id, digest FROM ar_void_window_inputs ORDER BY customer_id`).all() as { customer_id: string; digest: string | null }[];
          const expectedDigests = digests.sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
          expect(storedDigests.map((d, i) => (d.digest === null ? expectedDigests[i] ?? d : d)), 'digests').toEqual(expectedDigests);
          // The dashboard's per-day totals (kept by an insert trigger) = the sums over the documents.
          expect(sqlite(t).prepare(DAY_TOTALS_SQL).all(), 'day totals').toEqual(sqlite(t).prepare(DAY_SUMS_SQL).all());

          const ctx = t.rt.context();
          // Inside the void windows the report reads the window spans: a few of those dates too.
          const inWindows = windowDates(t, ids);
          for (const asOf of [...days.map(dayDate), ...inWindows.filter((_, i) => i % Math.ceil(inWindows.length / 4) === 0), TODAY]) {
            for (const basis of ['due', 'document'] as AgingBasis[]) {
              const r = await report(t, { asOf, basis });
              // Each row names its customer as the customers table does now.
              const facts = sqlite(t).prepare(`SELECT id AS customerId, code, name, region FROM customers`).all() as { customerId: string }[];
              expect(r.rows.map(({ customerId, code, name, region }) => ({ customerId, code, name, region })), 'customer facts').toEqual(
                r.rows.map((row) => facts.find((f) => f.customerId === row.customerId)),
              );
              for (const id of ids) {
                const expected = agingOf(loadCustomerDocs(ctx, id), asOf, basis, DEFAULT_DUE_BUCKETS);
                const row = r.rows.find((x) => x.customerId === id);
                expect(row?.bucketsFen ?? DEFAULT_DUE_BUCKETS.map(() => 0), `${asOf} ${basis}`).toEqual(expected.bucketsFen);
                expect(row?.unappliedFen ?? 0, `${asOf} unapplied`).toBe(expected.unappliedFen);
              }
            }
            // Alerts as of D: the overdue total and the oldest days per customer, from the replay.
            const alerts = await t.rt.invoke<AlertList>('alerts.list', { asOf, all: true });
            for (const id of ids) {
              const items = agingOf(loadCustomerDocs(ctx, id), asOf, 'due', DEFAULT_DUE_BUCKETS).openItems.filter((i) => i.days >= 1);
              const overdue = alerts.alerts.find((a) => a.kind === 'overdue' && a.customerId === id);
              if (items.length === 0) expect(overdue, `${asOf}: no overdue alert`).toBeUndefined();
              else {
                expect(overdue?.amountFen, `${asOf} overdue total`).toBe(items.reduce((s, i) => s + i.openFen, 0));
                expect(overdue?.days, `${asOf} oldest days`).toBe(Math.max(...items.map((i) => i.days)));
              }
            }
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 15_000);
});
