/**
 * The ledger-wide sync conflicts (duplicate numbers, double voids) after
 * documents were only added are read again for the added rows' numbers and
 * originals alone (sync/conflicts.ts ledgerConflicts): proven here equal to
 * a fresh runtime's full reading after every step of random sequences —
 * postings and voids through the API, rows arriving as from another PC
 * (copies of existing documents under new ids: the same number again, a
 * second void of the same original, some marked as the system's own
 * neutralisers), imports undone (deletions: read afresh), customer merges.
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
import { listSyncConflicts } from '../../../electron/services/sync/conflicts';
import { copyArrivedDocument } from '../../helpers/arrivedCopy';

const RUNS = Number(process.env.LEDGER_CONFLICT_RUNS ?? 4);
const TODAY = '2026-11-24';
const CODES = ['L001', 'L002', 'L003'] as const;

type Step =
  | { kind: 'invoice' | 'receipt'; c: number; back: number; yuan: number }
  | { kind: 'void'; pick: number }
  | { kind: 'copy'; pick: number; neutraliser: boolean; /** a void (a second void of its original) */ ofVoid: boolean }
  | { kind: 'import'; c: number; back: number; undo: boolean }
  | { kind: 'merge'; from: number };

const c = fc.integer({ min: 0, max: CODES.length - 1 });
const back = fc.integer({ min: 0, max: 90 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('invoice' as const, 'receipt' as const), c, back, yuan: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(), neutraliser: fc.boolean(), ofVoid: fc.boolean() }) },
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
          for (const code of CODES) ids.push((await rt.invoke<{ id: string }>('customers.create', { code, name: `冲突客户${code}`, paymentTermDays: 0 })).id);
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
                const from = s.ofVoid && voids.length > 0 ? voids : docs;
                if (from.length > 0) copyArrivedDocument(rt, from[s.pick % from.length], s.neutraliser);
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
      { numRuns: RUNS },
    );
    expect(seen.has('duplicate_doc_no') && seen.has('duplicate_void')).toBe(true);
  });
});
