/**
 * Issue 17 point 1: the aging figures kept between reports and carried
 * across one-customer writes (electron/services/aging/figuresCache.ts). On
 * random histories posted through the real API (back-dated entries, voids
 * crossing the as-of dates, post-dated documents), with four reports kept
 * (today on both bases, two past dates), after EVERY posting each report
 * equals the obviously correct replay as of its date for every customer;
 * and after every posting that wrote something, the short way was taken
 * (the customer recomputed alone, nothing read whole).
 * Then the ways a write can escape the carrying — another connection's
 * commit, a write through this connection outside any call, an import, a
 * bucket settings change — must each lead to a whole read and still the
 * replay's figures.
 * AGING_FIGURES_RUNS sets the number of histories (deep runs: e.g. 100).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgingBucket } from '../../../shared/api/aging';
import type { Dashboard } from '../../../shared/api/dashboard';
import type { AgingBasis } from '../../../shared/receivables/aging';
import { agingOf } from '../../../shared/receivables/aging';
import { AppRuntime } from '../../../electron/api/runtime';
import { agingFiguresStats } from '../../../electron/services/aging/figuresCache';
import { fixedClock } from '../../../shared/dates/clock';
import { postInvoice } from '../../../electron/services/ledger/postDebits';
import { postInvoiceSchema } from '../../../shared/api/ledger';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { DEFAULT_LIST, report, TODAY } from './helpers';
import { dayDate, historyArb, LAST_DAY, postHistory, postOps } from './randomHistory';

const RUNS = Number(process.env.AGING_FIGURES_RUNS ?? 5);

interface Key {
  asOf: string;
  basis: AgingBasis;
}

/** Every customer's report row equals the replay of its documents as of the date (no row: nothing open or unapplied). */
async function expectReplayed(t: TempRuntime, ids: readonly string[], key: Key, buckets: readonly AgingBucket[], label: string): Promise<void> {
  const r = await report(t, key);
  const ctx = t.rt.context();
  for (const id of ids) {
    const expected = agingOf(loadCustomerDocs(ctx, id), key.asOf, key.basis, buckets);
    const row = r.rows.find((x) => x.customerId === id);
    expect(row?.bucketsFen ?? buckets.map(() => 0), `${label}: ${key.asOf} ${key.basis} buckets`).toEqual(expected.bucketsFen);
    expect(row?.unappliedFen ?? 0, `${label}: ${key.asOf} ${key.basis} unapplied`).toBe(expected.unappliedFen);
  }
}

/** The dashboard's receivables and overdue total as of today equal the replay's, summed over the customers. */
async function expectDashboardReplayed(t: TempRuntime, ids: readonly string[], label: string): Promise<void> {
  const d = await t.rt.invoke<Dashboard>('dashboard.get', {});
  const ctx = t.rt.context();
  let balance = 0;
  let overdue = 0;
  for (const id of ids) {
    const a = agingOf(loadCustomerDocs(ctx, id), TODAY, 'due', DEFAULT_LIST);
    balance += a.bucketsFen.reduce((s, v) => s + v, 0) - a.unappliedFen;
    overdue += a.openItems.filter((i) => i.days >= 1).reduce((s, i) => s + i.openFen, 0);
  }
  expect(d.receivablesFen, `${label}: dashboard receivables`).toBe(balance);
  expect(d.overdueFen, `${label}: dashboard overdue`).toBe(overdue);
}

const keysOf = (pastA: number, pastB: number): Key[] => [
  { asOf: TODAY, basis: 'due' },
  { asOf: TODAY, basis: 'document' },
  { asOf: dayDate(pastA), basis: 'due' },
  { asOf: dayDate(pastB), basis: 'document' },
];

describe('aging figures kept between reports', () => {
  it('equal the replay after every posting, and a posting recomputes only its customer', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, historyArb, fc.integer({ min: 0, max: LAST_DAY }), fc.integer({ min: 0, max: LAST_DAY }), async (before, after, pastA, pastB) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, before);
          const keys = keysOf(pastA, pastB);
          // A past date may be today itself (day 419): the same key is kept, and recomputed, once.
          const kept = new Set(keys.map((k) => `${k.asOf} ${k.basis}`)).size;
          for (const key of keys) await expectReplayed(t, ids, key, DEFAULT_LIST, 'first read');
          let step = 0;
          await postOps(t, ids, after, async (posted) => {
            step++;
            const whole = agingFiguresStats.whole;
            const refreshed = agingFiguresStats.refreshed;
            // The dashboard first: it reads (and brings up to date) today's kept figures inside its own read snapshot.
            await expectDashboardReplayed(t, ids, `after step ${step}`);
            for (const key of keys) await expectReplayed(t, ids, key, DEFAULT_LIST, `after step ${step}`);
            if (posted) {
              expect(agingFiguresStats.whole, `step ${step}: nothing read whole after a posting`).toBe(whole);
              expect(agingFiguresStats.refreshed, `step ${step}: every kept report recomputed its customer`).toBe(refreshed + kept);
            }
          });
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('are read whole again after a write that was not carried, and still equal the replay', async () => {
    const t = await tempRuntime();
    try {
      const ops = fc.sample(historyArb, { numRuns: 1, seed: 17 })[0];
      const ids = await postHistory(t, ops);
      const keys = keysOf(300, 410);
      const readAll = async (label: string, buckets: readonly AgingBucket[] = DEFAULT_LIST) => {
        for (const key of keys) await expectReplayed(t, ids, key, buckets, label);
      };
      await readAll('first read');
      const wholeAfter = async (label: string, write: () => Promise<unknown> | unknown, buckets?: readonly AgingBucket[]) => {
        const whole = agingFiguresStats.whole;
        await write();
        await readAll(label, buckets);
        expect(agingFiguresStats.whole, `${label}: read whole`).toBe(whole + keys.length);
      };

      // Another process posting to the same file (an import in a child process, a sync apply elsewhere): its commit.
      await wholeAfter('another connection', async () => {
        const other = await AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'other', device: 'other-pc' }, clock: fixedClock('2026-11-24T02:00:00Z') });
        try {
          await other.invoke('ledger.postInvoice', { customerId: ids[0], date: dayDate(250), amountFen: 70_001, override: { reason: '测试' } });
        } finally {
          other.close();
        }
      });
      // A write through this connection outside any runtime call (as a repair or a sync step would run the services).
      await wholeAfter('outside a call', () =>
        postInvoice(t.rt.context(), postInvoiceSchema.parse({ customerId: ids[1], date: dayDate(180), amountFen: 30_303, override: { reason: '测试' } })),
      );
      // An import names no single customer.
      const csv = ['单号,客户编码,日期,金额', `FIG-1,A001,${dayDate(200)},123.45`, `FIG-2,B002,${dayDate(405)},67.8`].join('\n') + '\n';
      await wholeAfter('an import', () => t.rt.invoke('imports.commit', { kind: 'invoices', fileName: 'x.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') }));
      // Other buckets: a settings change (and another key).
      const buckets: AgingBucket[] = [
        { key: 'current', label: '未到期', minDays: null, maxDays: 0 },
        { key: '1-45', label: '1-45天', minDays: 1, maxDays: 45 },
        { key: '46+', label: '46天以上', minDays: 46, maxDays: null },
      ];
      await wholeAfter('bucket settings', () => t.rt.invoke('aging.updateBuckets', { basis: 'due', buckets }).then(() => t.rt.invoke('aging.updateBuckets', { basis: 'document', buckets })), buckets);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
