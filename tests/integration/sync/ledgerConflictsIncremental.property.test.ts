/**
 * The ledger-wide sync conflicts (duplicate numbers, double voids) after
 * documents were only added are read again for the added rows' numbers and
 * originals alone (sync/conflicts.ts ledgerConflicts): proven here equal to
 * a fresh runtime's full reading after every step of random sequences —
 * postings and voids through the API, rows arriving as from another PC
 * (copies of existing documents under new ids: the same number again, a
 * second void of the same original, some marked as the system's own
 * neutralisers, or the same number for another customer), imports undone
 * (deletions: read afresh), customer merges. After every step a salesperson's
 * scoped reading (the office's groups narrowed to their customers) must equal
 * grouping their own documents, computed here independently.
 * LEDGER_CONFLICT_RUNS sets the number of sequences (deep runs: e.g. 50).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult } from '../../../shared/api/imports';
import type { PostResult } from '../../../shared/api/ledger';
import { addDays } from '../../../shared/dates/calendar';
import { fixedClock } from '../../../shared/dates/clock';
import { AppRuntime } from '../../../electron/api/runtime';
import { applyCustomerScope } from '../../../db/scope';
import { listSyncConflicts, NEUTRALISED_BY, type SyncConflict } from '../../../electron/services/sync/conflicts';
import { copyArrivedDocument } from '../../helpers/arrivedCopy';

const RUNS = Number(process.env.LEDGER_CONFLICT_RUNS ?? 4);
const TODAY = '2026-11-24';
const CODES = ['L001', 'L002', 'L003'] as const;
/** L001 and L002 are 甲's customers, L003 乙's: the scoped check reads as 甲. */
const SALESPERSON = ['甲', '甲', '乙'] as const;

type Step =
  | { kind: 'invoice' | 'receipt'; c: number; back: number; yuan: number }
  | { kind: 'void'; pick: number }
  | { kind: 'copy'; pick: number; neutraliser: boolean; /** a void (a second void of its original) */ ofVoid: boolean; /** for another customer (not a void) */ to: number | null }
  | { kind: 'import'; c: number; back: number; undo: boolean }
  | { kind: 'merge'; from: number };

const c = fc.integer({ min: 0, max: CODES.length - 1 });
const back = fc.integer({ min: 0, max: 90 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('invoice' as const, 'receipt' as const), c, back, yuan: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(), neutraliser: fc.boolean(), ofVoid: fc.boolean(), to: fc.option(c) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), c, back, undo: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: c }) },
);

describe('ledger-wide sync conflicts after added documents', () => {
  it('equal a fresh full reading after every step', async () => {
    // The walk must meet both kinds (else it proved nothing about them).
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 16 }), async (steps) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ledger-conflicts-'));
        const dbFile = path.join(dir, 'test.db');
        const clock = fixedClock('2026-11-24T02:00:00Z');
        const rt = await AppRuntime.start({ dbFile, dataDir: dir, actor: { user: 'tester', device: 'test-pc' }, clock });
        try {
          const ids: string[] = [];
          const docs: string[] = [];
          const voids: string[] = [];
          for (const [i, code] of CODES.entries()) {
            ids.push((await rt.invoke<{ id: string }>('customers.create', { code, name: `冲突客户${code}`, paymentTermDays: 0, salesperson: SALESPERSON[i] })).id);
          }
          // The cache starts from a reading, as after the first sync round.
          listSyncConflicts(rt.context());
          let tag = 0;
          for (const s of steps) {
            switch (s.kind) {
              case 'invoice':
              case 'receipt': {
                const r = await rt.call(s.kind === 'invoice' ? 'ledger.postInvoice' : 'ledger.postReceipt', {
                  customerId: ids[s.c],
                  date: addDays(TODAY, -s.back),
                  amountFen: s.yuan * 100,
                  ...(s.kind === 'invoice' ? { dueOn: TODAY } : {}),
                });
                if (r.ok) docs.push((r.data as PostResult).document.id);
                break;
              }
              case 'void':
                if (docs.length > 0) {
                  const r = await rt.call('ledger.void', { docId: docs[s.pick % docs.length], reason: '测试' });
                  if (r.ok) voids.push((r.data as PostResult).document.id);
                }
                break;
              case 'copy': {
                const ofVoid = s.ofVoid && voids.length > 0;
                const from = ofVoid ? voids : docs;
                if (from.length > 0) copyArrivedDocument(rt, from[s.pick % from.length], s.neutraliser, ofVoid || s.to === null ? undefined : ids[s.to]);
                break;
              }
              case 'import': {
                const csv = `单号,客户编码,日期,金额\nLC${tag++},${CODES[s.c]},${addDays(TODAY, -s.back)},100\n`;
                const r = await rt.call('imports.commit', { kind: 'invoices', fileName: 'x.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') });
                if (r.ok && s.undo) await rt.call('imports.undo', { batchId: (r.data as ImportCommitResult).batch.id, reason: '测试撤销' });
                break;
              }
              case 'merge':
                await rt.call('sync.mergeCustomer', { fromId: ids[s.from], intoId: ids[(s.from + 1) % CODES.length] });
                break;
            }
            const incremental = listSyncConflicts(rt.context());
            for (const k of incremental) seen.add(k.kind);
            const scoped = scopedLedgerConflicts(rt);
            if (scoped.some((k) => k.ids.length < ledgerRowsOf(incremental, k.key))) seen.add('narrowed');
            expect({ step: s, scoped }).toEqual({ step: s, scoped: expectedScoped(rt) });
            const fresh = await AppRuntime.start({ dbFile, dataDir: dir, actor: { user: 'other', device: 'other-pc' }, clock });
            try {
              expect({ step: s, conflicts: incremental }).toEqual({ step: s, conflicts: listSyncConflicts(fresh.context()) });
            } finally {
              fresh.close();
            }
          }
        } finally {
          rt.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      {
        numRuns: RUNS,
        // One walk that surely narrows: a number typed for a customer of each salesperson's and twice for 甲's, a double void.
        examples: [
          [
            [
              { kind: 'invoice', c: 0, back: 3, yuan: 10 },
              { kind: 'copy', pick: 0, neutraliser: false, ofVoid: false, to: 1 },
              { kind: 'copy', pick: 0, neutraliser: false, ofVoid: false, to: 2 },
              { kind: 'void', pick: 0 },
              { kind: 'copy', pick: 0, neutraliser: false, ofVoid: true, to: null },
              { kind: 'receipt', c: 2, back: 0, yuan: 5 },
            ],
          ],
        ],
      },
    );
    expect(seen.has('duplicate_doc_no') && seen.has('duplicate_void') && seen.has('narrowed')).toBe(true);
  });
});

const LEDGER_KINDS = new Set(['duplicate_doc_no', 'duplicate_void']);
type Groups = { key: string; ids: string[] }[];

/** 甲's ledger conflicts as the app lists them under their scope: each group's key and row ids. */
function scopedLedgerConflicts(rt: AppRuntime): Groups {
  const remove = applyCustomerScope(rt.database(), '甲');
  try {
    return listSyncConflicts(rt.context())
      .filter((k) => LEDGER_KINDS.has(k.kind))
      .map((k) => ({ key: k.key, ids: k.rows.map((r) => r.id) }));
  } finally {
    remove();
  }
}

/** How many rows the office-wide list has for a group (0: none). */
const ledgerRowsOf = (office: SyncConflict[], key: string): number => office.find((k) => k.key === key)?.rows.length ?? 0;

/**
 * The same, from 甲's documents alone: numbers typed twice among their
 * documents (not the system's neutralisers), and originals voided twice, the
 * first void (by date, id) first — grouped here, not by the app's code.
 */
function expectedScoped(rt: AppRuntime): Groups {
  const docs = rt
    .database()
    .sqlite.prepare(
      `SELECT d.id, d.kind, d.doc_no, d.doc_date, d.voids_id, d.created_by FROM main.ar_documents d JOIN main.customers c ON c.id = d.customer_id
       WHERE c.salesperson = '甲' ORDER BY d.id`,
    )
    .all() as { id: string; kind: string; doc_no: string; doc_date: string; voids_id: string | null; created_by: string }[];
  const byNumber = new Map<string, string[]>();
  for (const d of docs) if (d.created_by !== NEUTRALISED_BY) byNumber.set(`${d.kind} ${d.doc_no}`, [...(byNumber.get(`${d.kind} ${d.doc_no}`) ?? []), d.id]);
  const kinds = new Map(docs.map((d) => [d.id, d.kind]));
  const byOriginal = new Map<string, typeof docs>();
  for (const d of docs) if (d.voids_id !== null && kinds.get(d.voids_id) !== 'void') byOriginal.set(d.voids_id, [...(byOriginal.get(d.voids_id) ?? []), d]);
  const out: Groups = [];
  for (const [original, list] of byOriginal) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.doc_date < b.doc_date ? -1 : a.doc_date > b.doc_date ? 1 : a.id < b.id ? -1 : 1));
    out.push({ key: `duplicate_void:${original}`, ids: list.map((d) => d.id) });
  }
  for (const [value, ids] of byNumber) if (ids.length > 1) out.push({ key: `duplicate_doc_no:${value}`, ids });
  const rank = (key: string): number => (key.startsWith('duplicate_void') ? 0 : 1);
  return out.sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
