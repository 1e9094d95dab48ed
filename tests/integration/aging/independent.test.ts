/**
 * The aging report against an independent, deliberately simple replay
 * (simpleAging.ts) on random histories posted through the real services,
 * for random as-of dates — before the first document, between an original
 * and its later void, today, after post-dated documents — on both bases.
 * The report reads the stored replay (today) or its prefix plus replays of
 * crossing-void customers (past dates); the open items behind every amount
 * come from a per-customer replay; all three must agree to the fen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { DEFAULT_LIST, TODAY, docsOf, openItems, postedDocs, report, sum, type PostedDoc } from './helpers';
import { dayDate, historyArb, LAST_DAY, postHistory } from './randomHistory';
import { simpleAging } from './simpleAging';

/** As-of dates worth checking for this history, plus a few random ones. */
function asOfDates(docs: readonly PostedDoc[], randomDays: readonly number[]): string[] {
  const dates = new Set<string>([dayDate(-1), TODAY, dayDate(LAST_DAY + 1)]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const v of docs) {
    if (v.kind !== 'void' || v.voidsId === null) continue;
    const original = byId.get(v.voidsId);
    // The day before the void: the original still counts (a crossing void).
    if (original && original.date < v.date) dates.add(dayDate(Math.round((Date.parse(`${v.date}T00:00:00Z`) - Date.UTC(2025, 9, 1)) / 86_400_000) - 1));
  }
  // Days on which something happened: a receipt dated exactly asOf has been paid by then.
  for (const d of randomDays) {
    dates.add(dayDate(d));
    if (docs.length > 0) dates.add(docs[Math.abs(d) % docs.length].date);
  }
  return [...dates].slice(0, 12);
}

async function checkAll(t: TempRuntime, customerIds: readonly string[], asOfs: readonly string[]) {
  const docs = await postedDocs(t);
  for (const asOf of asOfs) {
    for (const basis of ['due', 'document'] as const) {
      const r = await report(t, { asOf, basis });
      expect(r.asOf).toBe(asOf);
      expect(r.buckets).toEqual(DEFAULT_LIST.map((b) => ({ ...b, label: basis === 'due' ? b.label : b.key === 'current' ? '当期' : b.label })));
      const where = `as of ${asOf}, ${basis} basis`;
      let expectedRows = 0;
      for (const id of customerIds) {
        const exp = simpleAging(docsOf(docs, id), asOf, basis, DEFAULT_LIST);
        const row = r.rows.find((x) => x.customerId === id);
        if (exp.open.size === 0 && exp.unapplied.size === 0) {
          expect(row, `${where}: customer with nothing open is left out`).toBeUndefined();
          continue;
        }
        expectedRows++;
        expect(row, `${where}: customer row`).toBeDefined();
        expect({ buckets: row?.bucketsFen, unapplied: row?.unappliedFen, balance: row?.balanceFen, overdue: row?.overdueFen }, where).toEqual({
          buckets: exp.bucketsFen,
          unapplied: exp.unappliedFen,
          balance: exp.balanceFen,
          overdue: exp.overdueFen,
        });
        // The documents behind the amounts: every open item and unapplied credit, per bucket too.
        const all = await openItems(t, { customerId: id, asOf, basis });
        expect(new Map(all.items.map((i) => [i.debitId, i.openFen])), `${where}: open items`).toEqual(exp.open);
        expect(new Map(all.credits.map((c) => [c.creditId, c.unappliedFen])), `${where}: unapplied credits`).toEqual(exp.unapplied);
        for (let b = 0; b < r.buckets.length; b++) {
          if (row && row.bucketsFen[b] === 0) continue;
          const some = await openItems(t, { customerId: id, asOf, basis, bucket: b });
          expect(some.totalFen, `${where}: bucket ${b} items`).toBe(row?.bucketsFen[b]);
        }
      }
      expect(r.rows).toHaveLength(expectedRows);
      expect(r.totals.balanceFen).toBe(sum(r.rows.map((x) => x.balanceFen)));
      expect(r.totals.bucketsFen).toEqual(DEFAULT_LIST.map((_, i) => sum(r.rows.map((x) => x.bucketsFen[i]))));
    }
  }
}

describe('aging equals an independent simple replay', () => {
  it('on random histories, for random as-of dates, on both bases', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.integer({ min: -5, max: LAST_DAY + 5 }), { minLength: 3, maxLength: 5 }), async (ops, days) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, ops);
          await checkAll(t, ids, asOfDates(await postedDocs(t), days));
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
