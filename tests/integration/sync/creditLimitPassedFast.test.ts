/**
 * credit_limit_passed skips its per-invoice audit read when every document
 * audit row names one PC (two index seeks, migration 0026_a). On random
 * ledgers whose invoices are attributed to random PCs (the audit rows'
 * device, as sync brings them from other PCs), with and without an accepted
 * override, the conflicts found must equal the rule read plainly: over the
 * limit, live invoices from two or more PCs, none posted with an override.
 * The limits are lowered after the postings, so customers pass them with
 * and without an override.
 * CREDIT_PASSED_RUNS sets the number of ledgers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import { listSyncConflicts } from '../../../electron/services/sync/conflicts';
import { tempRuntime } from '../../helpers/tempRuntime';

const RUNS = Number(process.env.CREDIT_PASSED_RUNS ?? 8);

describe('credit_limit_passed', () => {
  it('equals the plain reading whatever PCs posted the invoices', async () => {
    const invoiceArb = fc.record({
      customer: fc.integer({ min: 0, max: 2 }),
      yuan: fc.integer({ min: 1, max: 400 }),
      pc: fc.constantFrom('test-pc', 'test-pc', 'pc-2', 'pc-3'),
      override: fc.boolean(),
      voided: fc.constantFrom(false, false, false, true),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceArb, { minLength: 1, maxLength: 10 }), fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 3, maxLength: 3 }), async (invoices, limits) => {
        const t = await tempRuntime();
        try {
          const ids: string[] = [];
          for (const code of ['L01', 'L02', 'L03']) {
            const c = await t.rt.invoke<CustomerDetail>('customers.create', { code, name: `限额客户${code}`, creditLimitFen: 30_000, paymentTermDays: 30 });
            ids.push(c.id);
          }
          const db = t.rt.database().sqlite;
          for (const inv of invoices) {
            const input = { customerId: ids[inv.customer], date: '2026-11-20', dueOn: '2026-12-20', amountFen: inv.yuan * 100 };
            let posted: PostResult;
            try {
              // Without an override the ledger refuses an invoice past the limit; that posting is then not part of the ledger.
              posted = await t.rt.invoke<PostResult>('ledger.postInvoice', inv.override ? { ...input, override: { reason: '老板同意' } } : input);
            } catch {
              continue;
            }
            // As if the invoice had been posted on another PC and brought here by sync.
            db.prepare(`UPDATE audit_log SET device = ? WHERE entity = 'ar_document' AND entity_id = ?`).run(inv.pc, posted.document.id);
            if (inv.voided) await t.rt.invoke('ledger.void', { docId: posted.document.id, date: '2026-11-21', reason: '测试冲销' });
          }
          // Limits lowered afterwards (as a change from another PC would): over the limit without anyone accepting it.
          for (const [n, creditLimitFen] of limits.entries()) await t.rt.invoke('customers.update', { id: ids[n], creditLimitFen });
          const expected = (
            db
              .prepare(
                `SELECT c.id, c.credit_limit_fen AS lim, s.balance_fen AS bal FROM customers c JOIN ar_customer_state s ON s.customer_id = c.id ORDER BY c.id`,
              )
              .all() as { id: string; lim: number; bal: number }[]
          )
            .filter((c) => {
              if (c.bal <= c.lim) return false;
              const rows = db
                .prepare(
                  `SELECT a.device, a.after, EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id) AS voided
                   FROM ar_documents d JOIN audit_log a ON a.entity = 'ar_document' AND a.entity_id = d.id WHERE d.customer_id = ? AND d.kind = 'invoice'`,
                )
                .all(c.id) as { device: string; after: string | null; voided: number }[];
              const pcs = new Set(rows.filter((r) => !r.voided).map((r) => r.device));
              return pcs.size >= 2 && !rows.some((r) => (r.after ?? '').includes('creditLimitOverride'));
            })
            .map((c) => c.id);
          const got = listSyncConflicts(t.rt.context())
            .filter((c) => c.kind === 'credit_limit_passed')
            .map((c) => c.customerId);
          expect(got).toEqual(expected);
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 10_000);
});
