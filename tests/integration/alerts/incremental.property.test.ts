/**
 * Issue 17 point 2, the badge right after a write: an ordinary one-customer
 * write (a receipt, an invoice, a void, an interaction, a customer edit)
 * recomputes only that customer's alerts and keeps the others
 * (alerts/viewCache.ts, refreshCustomers.ts). Proven here on random
 * sequences of writes through the real API — back-dated documents, voids,
 * promises and follow-ups, customer edits (status, credit limit, plan),
 * contracts with installments, imports kept or undone, snoozes, customer
 * merges, writes committed by another connection to the same file (what a
 * sync apply from another PC looks like to this one) and the clock moving
 * to the next day, rows arriving as by sync (a duplicate number, a second
 * void: sync_conflict alerts), alert settings changed — that after every step the badge and the whole list of
 * the incremental runtime equal the full computation: every rule run afresh
 * over a second connection, with the acknowledgements applied
 * (the service's own functions without any cache).
 * ALERT_INCREMENTAL_RUNS sets the number of sequences (deep runs: e.g. 60).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertCounts, AlertList, AlertSettings } from '../../../shared/api/alerts';
import type { ImportCommitResult } from '../../../shared/api/imports';
import type { PostResult } from '../../../shared/api/ledger';
import { ALERT_KINDS, ALERT_SEVERITIES } from '../../../shared/alerts/kinds';
import { isNewOn, needsAction } from '../../../shared/alerts/needsAction';
import type { AlertView } from '../../../shared/alerts/types';
import { addDays } from '../../../shared/dates/calendar';
import { localDateOf, type Clock } from '../../../shared/dates/clock';
import { AppRuntime } from '../../../electron/api/runtime';
import { loadAcks, viewOf } from '../../../electron/services/alerts/acks';
import { alertCacheStats } from '../../../electron/services/alerts/cacheEntry';
import { computeAlerts } from '../../../electron/services/alerts/compute';
import { getAlertSettings } from '../../../electron/services/alerts/settings';
import { copyArrivedDocument } from '../../helpers/arrivedCopy';

const RUNS = Number(process.env.ALERT_INCREMENTAL_RUNS ?? 4);
const START = Date.parse('2026-11-24T02:00:00Z');
const CODES = ['P001', 'P002', 'P003', 'P004'] as const;

/** A clock the test moves (midnight passing between two writes). */
function movableClock(): Clock & { nextDay(): void } {
  let at = START;
  return { now: () => new Date(at), today: () => localDateOf(new Date(at)), nextDay: () => (at += 86_400_000) };
}

type Step =
  | { kind: 'invoice'; c: number; back: number; due: number; yuan: number }
  | { kind: 'receipt'; c: number; back: number; yuan: number }
  | { kind: 'void'; pick: number }
  | { kind: 'promise'; c: number; back: number; promiseIn: number; yuan: number }
  | { kind: 'followUp'; c: number; back: number; nextIn: number }
  | { kind: 'edit'; c: number; status: 'active' | 'paused'; limitYuan: number | null; visitDays: number | null }
  | { kind: 'contract'; c: number; endsIn: number; dueIn: number }
  | { kind: 'snooze'; pick: number; days: number }
  | { kind: 'import'; c: number; back: number; yuan: number; undo: boolean }
  | { kind: 'merge'; from: number; /** How far along the others the kept customer is (never the merged one itself). */ into: number }
  | { kind: 'otherConnection'; c: number; back: number; yuan: number }
  | { kind: 'nextDay' }
  | { kind: 'arrived'; pick: number; neutraliser: boolean }
  | { kind: 'settings'; churnDays: number; creditLimit: boolean };

const c = fc.integer({ min: 0, max: CODES.length - 1 });
const back = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 20, max: 200 }));
const yuan = fc.integer({ min: 1, max: 5_000 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('invoice' as const), c, back, due: fc.integer({ min: 0, max: 60 }), yuan }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('receipt' as const), c, back, yuan }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('promise' as const), c, back, promiseIn: fc.integer({ min: 0, max: 20 }), yuan }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('followUp' as const), c, back, nextIn: fc.integer({ min: -10, max: 10 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      c,
      status: fc.constantFrom('active' as const, 'paused' as const),
      limitYuan: fc.option(fc.integer({ min: 1, max: 8_000 })),
      visitDays: fc.option(fc.integer({ min: 1, max: 60 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('contract' as const), c, endsIn: fc.integer({ min: -30, max: 40 }), dueIn: fc.integer({ min: -20, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('snooze' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), c, back, yuan, undo: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: c, into: fc.integer({ min: 1, max: CODES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('otherConnection' as const), c, back, yuan }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('arrived' as const), pick: fc.nat(), neutraliser: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), churnDays: fc.integer({ min: 1, max: 120 }), creditLimit: fc.boolean() }) },
);

interface World {
  rt: AppRuntime;
  /** The second connection: the full computation reads through it, and it writes as "another PC". */
  ref: AppRuntime;
  clock: ReturnType<typeof movableClock>;
  ids: string[];
  docs: string[];
  tag: number;
}

/** Every rule afresh over the second connection, with the acknowledgements applied: no cache anywhere. */
function fullViews(w: World): AlertView[] {
  const ctx = w.ref.context();
  const today = w.clock.today();
  const acks = loadAcks(ctx);
  return computeAlerts(ctx, today, getAlertSettings(ctx)).map((a) => viewOf(a, acks.get(a.key), today));
}

function countsOf(w: World, views: AlertView[]): Omit<AlertCounts, 'asOf'> {
  const settings = getAlertSettings(w.ref.context());
  const bySeverity = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, 0]));
  const byKind = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0]));
  let total = 0;
  let needs = 0;
  let newToday = 0;
  for (const v of views) {
    if (v.state !== 'active') continue;
    total++;
    bySeverity[v.severity]++;
    byKind[v.kind]++;
    if (needsAction(v, settings)) needs++;
    if (isNewOn(v, settings)) newToday++;
  }
  return { total, bySeverity, byKind, hidden: views.length - total, needsAction: needs, newToday } as Omit<AlertCounts, 'asOf'>;
}

/** Runs a call that may be refused (a void of a void, a merge of a customer into itself, …): refusals are part of the walk. */
async function attempt<T>(rt: AppRuntime, method: Parameters<AppRuntime['call']>[0], input: unknown): Promise<T | null> {
  const r = await rt.call(method, input);
  return r.ok ? (r.data as T) : null;
}

async function apply(w: World, s: Step): Promise<void> {
  const today = w.clock.today();
  const post = async (method: 'ledger.postInvoice' | 'ledger.postReceipt', input: Record<string, unknown>, rt = w.rt) => {
    const r = await attempt<PostResult>(rt, method, input);
    if (r) w.docs.push(r.document.id);
  };
  switch (s.kind) {
    case 'invoice':
      return post('ledger.postInvoice', { customerId: w.ids[s.c], date: addDays(today, -s.back), dueOn: addDays(today, s.due - s.back), amountFen: s.yuan * 100, override: { reason: '测试' } });
    case 'receipt':
      return post('ledger.postReceipt', { customerId: w.ids[s.c], date: addDays(today, -s.back), amountFen: s.yuan * 100 });
    case 'void':
      if (w.docs.length > 0) {
        const r = await attempt<PostResult>(w.rt, 'ledger.void', { docId: w.docs[s.pick % w.docs.length], reason: '测试冲销' });
        if (r) w.docs.push(r.document.id);
      }
      return;
    case 'promise':
      await attempt(w.rt, 'interactions.create', {
        customerId: w.ids[s.c],
        date: addDays(today, -s.back),
        channel: 'T',
        summary: '承诺付款',
        promiseDate: addDays(today, s.promiseIn - s.back),
        promiseAmountFen: s.yuan * 100,
      });
      return;
    case 'followUp':
      await attempt(w.rt, 'interactions.create', { customerId: w.ids[s.c], date: addDays(today, -s.back), channel: 'M', summary: '拜访', nextFollowUp: addDays(today, s.nextIn) });
      return;
    case 'edit':
      await attempt(w.rt, 'customers.update', { id: w.ids[s.c], status: s.status, creditLimitFen: s.limitYuan === null ? null : s.limitYuan * 100, visitIntervalDays: s.visitDays });
      return;
    case 'contract': {
      const k = await attempt<{ id: string }>(w.rt, 'contracts.create', {
        customerId: w.ids[s.c],
        contractNo: '',
        kind: 'framework',
        signedOn: addDays(today, -300),
        startsOn: addDays(today, -300),
        endsOn: addDays(today, s.endsIn),
        amount: '1000.00',
        installments: [{ dueOn: addDays(today, s.dueIn), amount: '1000.00' }],
      });
      if (k) await attempt(w.rt, 'contracts.activate', { id: k.id, overrideReason: '测试' });
      return;
    }
    case 'snooze': {
      const active = (await w.rt.invoke<AlertList>('alerts.list', {})).alerts;
      if (active.length > 0) await attempt(w.rt, 'alerts.snooze', { key: active[s.pick % active.length].key, until: addDays(today, s.days), note: '稍后' });
      return;
    }
    case 'import': {
      const csv = `单号,客户编码,日期,金额\nIM${w.tag++},${CODES[s.c]},${addDays(today, -s.back)},${s.yuan}\n`;
      const r = await attempt<ImportCommitResult>(w.rt, 'imports.commit', { kind: 'invoices', fileName: 'x.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') });
      if (r && s.undo) await attempt(w.rt, 'imports.undo', { batchId: r.batch.id, reason: '测试撤销' });
      return;
    }
    case 'merge':
      await attempt(w.rt, 'sync.mergeCustomer', { fromId: w.ids[s.from], intoId: w.ids[(s.from + s.into) % CODES.length] });
      return;
    case 'otherConnection':
      return post('ledger.postReceipt', { customerId: w.ids[s.c], date: addDays(today, -s.back), amountFen: s.yuan * 100 }, w.ref);
    case 'nextDay':
      w.clock.nextDay();
      return;
    case 'arrived':
      // A duplicate number or a second void as sync brings them: a sync_conflict alert to keep or drop afterwards.
      if (w.docs.length > 0) copyArrivedDocument(w.rt, w.docs[s.pick % w.docs.length], s.neutraliser);
      return;
    case 'settings': {
      const now = await w.rt.invoke<AlertSettings>('alerts.settings', {});
      await attempt(w.rt, 'alerts.updateSettings', { ...now, churn: { ...now.churn, days: s.churnDays }, credit_limit: { ...now.credit_limit, enabled: s.creditLimit } });
      return;
    }
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the alerts after a write, recomputed for the written customers only', () => {
  it('equal a full computation after every step of random write sequences', async () => {
    const before = { ...alertCacheStats };
    const seenKinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 18 }), async (steps) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-alerts-inc-'));
        dirs.push(dir);
        const dbFile = path.join(dir, 'test.db');
        const clock = movableClock();
        const rt = await AppRuntime.start({ dbFile, dataDir: dir, actor: { user: 'tester', device: 'test-pc' }, clock });
        const ref = await AppRuntime.start({ dbFile, dataDir: dir, actor: { user: 'other', device: 'other-pc' }, clock });
        try {
          const w: World = { rt, ref, clock, ids: [], docs: [], tag: 0 };
          for (const [i, code] of CODES.entries()) {
            const made = await rt.invoke<{ id: string }>('customers.create', {
              code,
              name: `增量客户${code}有限公司`,
              paymentTermDays: i * 15,
              creditLimitFen: i === 1 ? 300_000 : null,
              contact: { name: `联系人${code}`, mobile: '13800138000' },
            });
            w.ids.push(made.id);
            await post0(w, made.id, i);
          }
          for (const s of steps) {
            // The badge is current before the write, as in the app: the write then carries or drops it.
            await rt.invoke('alerts.counts', {});
            await apply(w, s);
            const counts = await rt.invoke<AlertCounts>('alerts.counts', {});
            const list = await rt.invoke<AlertList>('alerts.list', { all: true });
            const full = fullViews(w);
            expect({ step: s, alerts: list.alerts }).toEqual({ step: s, alerts: full });
            for (const a of full) seenKinds.add(a.kind);
            const { asOf, ...rest } = counts;
            expect(asOf).toBe(clock.today());
            expect({ step: s, counts: rest }).toEqual({ step: s, counts: countsOf(w, full) });
          }
        } finally {
          rt.close();
          ref.close();
        }
      }),
      { numRuns: RUNS },
    );
    // The walk must have taken the short way (else it proved nothing about it).
    expect(alertCacheStats.carried).toBeGreaterThan(before.carried);
    expect(alertCacheStats.refreshed).toBeGreaterThan(before.refreshed);
    // …and met the kinds recomputed differently: per customer (overdue) and whole (sync_conflict).
    expect([...seenKinds].filter((k) => k === 'overdue' || k === 'sync_conflict').sort()).toEqual(['overdue', 'sync_conflict']);
  });
});

/** Each customer starts with an overdue invoice, so the walk begins with alerts to keep or change. */
async function post0(w: World, customerId: string, i: number): Promise<void> {
  const today = w.clock.today();
  const r = await w.rt.invoke<PostResult>('ledger.postInvoice', {
    customerId,
    date: addDays(today, -40 - 30 * i),
    dueOn: addDays(today, -35 - 30 * i),
    amountFen: 100_000 * (i + 1),
    override: { reason: '测试' },
  });
  w.docs.push(r.document.id);
}
